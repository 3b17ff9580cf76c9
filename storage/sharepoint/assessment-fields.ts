import {
  ASSESSMENT_SCHEMA_VERSION,
  dateInZone,
  readStoredPlan,
  UpstreamError,
  ValidationError,
  type PlanRecord,
  type AssessmentSummary,
  type ChangeContext,
  type StoredPlan,
} from '../../core/index.js';
import { RECORD_CHUNK_CHARS, RECORD_CHUNK_COLUMNS } from './sharepoint-schema.js';

/** What the store keeps in the JSON column: everything but `version`, which SharePoint counts itself. */
export type StoredRecord = Omit<PlanRecord, 'version'>;

interface Envelope {
  schemaVersion: number;
  record: StoredRecord;
}

export type Fields = Record<string, unknown>;

/** The fields a summary needs: no JSON, so a list of thousands stays small. */
export const SUMMARY_FIELDS = [
  'RecordId',
  'CaseRef',
  'Kind',
  'CaseId',
  'ChildId',
  'Status',
  'LearnerName',
  'YearGroup',
  'OverallRisk',
  'NextReviewDue',
  'ChangedAt',
] as const;

export const RECORD_FIELDS = ['RecordId', 'WriteId', ...RECORD_CHUNK_COLUMNS] as const;

export const CHANGE_FIELDS = [
  'ChangeAction',
  'ChangedFields',
  'ChangeReason',
  'ChangedAt',
  'ActorId',
  'WriteId',
];

/**
 * A SharePoint list item ETag reads `"{item guid},{n}"`, where n counts the item's saves (1 when
 * created). That count is the record's `version`: SharePoint keeps it, so it can never drift.
 */
export function etagVersion(etag: string): number {
  const m = /,(\d+)"?$/.exec(etag.trim());
  if (!m) throw new UpstreamError('GRAPH_BAD_ETAG', 'SharePoint returned an item without a usable version.');
  return Number(m[1]);
}

/** Splits the JSON into note-column-sized pieces, never between the two halves of a surrogate pair. */
export function chunkJson(json: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(json.length, start + RECORD_CHUNK_CHARS);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(json.slice(start, end));
    start = end;
  }
  if (chunks.length > RECORD_CHUNK_COLUMNS.length) {
    throw new ValidationError('RECORD_TOO_LARGE', 'This assessment is too large to save. Shorten some text.');
  }
  return chunks;
}

/** SharePoint date-only columns are written at noon UTC, so every UK (and nearby) time zone reads the same day. */
export function toSharePointDate(date: string | undefined): string | null {
  return date ? `${date}T12:00:00Z` : null;
}

/** Reads a date-only column back as the school's calendar date, whatever time of day SharePoint stored. */
export function fromSharePointDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : dateInZone(instant);
}

/** The name of the DSL for the list view: who decided, or who signed the plan off as DSL. */
export function dslOf(record: Pick<PlanRecord, 'decision' | 'signOff'>): string | null {
  if (record.decision?.decidedBy) return record.decision.decidedBy;
  const dsl = record.signOff.find((s) => /\bDSL\b|designated safeguarding lead/i.test(s.role));
  return dsl?.name ?? null;
}

function short(value: string | null | undefined): string | null {
  return value ? value.slice(0, 255) : null;
}

/** The unique key of a plan: its own case reference outside a case, shared references told apart inside one. */
export function planKey(record: Pick<StoredRecord, 'caseRef' | 'caseId' | 'id'>): string {
  return record.caseId ? `${record.caseRef}/${record.id}` : record.caseRef;
}

/** The column values of a new plan's item: its fixed columns and its first version. */
export function newPlanFields(record: StoredRecord, change: ChangeContext, writeId: string): Fields {
  return {
    Title: record.caseRef,
    CaseRef: record.caseRef,
    PlanKey: planKey(record),
    CaseYear: Number(record.caseRef.split('-')[1]),
    RecordId: record.id,
    ...recordFields(record, change, writeId),
  };
}

/** The column values of one saved version of a record. */
export function recordFields(record: StoredRecord, change: ChangeContext, writeId: string): Fields {
  const chunks = chunkJson(
    JSON.stringify({ schemaVersion: ASSESSMENT_SCHEMA_VERSION, record } satisfies Envelope),
  );
  const fields: Fields = {
    Kind: record.kind,
    CaseId: record.caseId ?? null,
    ChildId: record.childId ?? null,
    Status: record.status,
    OverallRisk: record.overallRisk,
    NextReviewDue: toSharePointDate(record.review.nextDue),
    Dsl: short(dslOf(record)),
    YearGroup: short(record.learner?.yearGroup),
    LearnerName: short(record.learner?.name),
    ChangeAction: change.action,
    ChangedFields: JSON.stringify(change.fields),
    ChangeReason: change.reason ?? null,
    ChangedAt: change.at.toISOString(),
    ActorId: change.actor.id,
    ActorKind: change.actor.kind,
    WriteId: writeId,
  };
  // Every chunk column is written, so a shorter record clears what a longer one left behind.
  RECORD_CHUNK_COLUMNS.forEach((name, i) => (fields[name] = chunks[i] ?? null));
  return fields;
}

/** Records saved before plans had a kind are risk assessments. */
export function readRecord(fields: Fields): StoredRecord {
  const json = RECORD_CHUNK_COLUMNS.map((name) => fields[name])
    .filter((v): v is string => typeof v === 'string')
    .join('');
  let envelope: Envelope;
  try {
    envelope = JSON.parse(json) as Envelope;
  } catch (error) {
    throw new UpstreamError('RECORD_UNREADABLE', 'A record in SharePoint could not be read.', error);
  }
  if (typeof envelope?.schemaVersion !== 'number' || envelope.schemaVersion > ASSESSMENT_SCHEMA_VERSION) {
    throw new UpstreamError(
      'RECORD_SCHEMA_UNKNOWN',
      'A record in SharePoint was saved by a newer version of the app.',
    );
  }
  return readStoredPlan({ ...envelope.record, kind: envelope.record.kind ?? 'risk-assessment' });
}

export function storedFrom(fields: Fields, etag: string): StoredPlan {
  return { record: { ...readRecord(fields), version: etagVersion(etag) }, etag };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A list row from summary columns only; undefined for items that are not assessments of this app. */
export function summaryFrom(fields: Fields): AssessmentSummary | undefined {
  const id = textOrNull(fields.RecordId);
  const caseRef = textOrNull(fields.CaseRef);
  const status = fields.Status as AssessmentSummary['status'] | undefined;
  if (!id || !caseRef || !status) return undefined;
  return {
    id,
    // Items saved before plans had a kind are risk assessments outside any case.
    kind: fields.Kind === 'support-plan' ? 'support-plan' : 'risk-assessment',
    caseId: textOrNull(fields.CaseId),
    childId: textOrNull(fields.ChildId),
    caseRef,
    status,
    learnerName: textOrNull(fields.LearnerName) ?? '',
    yearGroup: textOrNull(fields.YearGroup),
    overallRisk: (textOrNull(fields.OverallRisk) as AssessmentSummary['overallRisk']) ?? null,
    nextDue: fromSharePointDate(fields.NextReviewDue),
    updatedAt: textOrNull(fields.ChangedAt) ?? '',
  };
}
