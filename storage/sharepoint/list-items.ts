import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  NotFoundError,
  UpstreamError,
  type AuditEntry,
  type ChangeContext,
  type ChronologyEntry,
  type ChronologyEntryData,
} from '../../core/index.js';
import { CHANGE_FIELDS, chunkJson, toSharePointDate, type Fields } from './assessment-fields.js';
import {
  auditEntriesFrom,
  auditLogFields,
  mergeHistory,
  AUDIT_FIELDS,
  type GraphVersion,
} from './audit-log.js';
import { executeBatch, type BatchOutcome, type BatchStep } from './graph-batch.js';
import { graphCall, graphStatus, toDomainError } from './graph-errors.js';
import { allPages, followable, type Page } from './graph-paging.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import { RECORD_CHUNK_COLUMNS, type ListKey } from './sharepoint-schema.js';
import type { SchoolLocation } from './site-resolver.js';

/**
 * The list-item plumbing every SharePoint repository shares: paths, batched step outcomes, ETags, the
 * JSON envelope of children, cases and chronology, audit entries, history, and chronology entries
 * written in the same `$batch` as the action they record.
 */

/** Version of the JSON envelope of children, cases and chronology entries. */
export const RECORD_SCHEMA_VERSION = 1;

export interface GraphItem {
  id: string;
  eTag?: string;
  fields?: Fields & { '@odata.etag'?: string };
}

export function itemsPath(loc: SchoolLocation, key: ListKey): string {
  return `/sites/${loc.siteId}/lists/${loc.lists[key]}/items`;
}

/** The cache key of an item's immutable facts. */
export function factsKey(loc: SchoolLocation, key: ListKey, id: string): string {
  return `${loc.siteId}|${loc.lists[key]}|${id}`;
}

export function ok(outcome: BatchOutcome | undefined): boolean {
  return !!outcome && outcome.status >= 200 && outcome.status < 300;
}

/** The failure of a batched step as a Graph error, so it maps like any other. */
export function stepError(outcome: BatchOutcome | undefined): unknown {
  if (outcome?.error) return outcome.error;
  const body = outcome?.body as { error?: { code?: string } } | undefined;
  const error = new GraphError(outcome?.status ?? -1, 'A batched request failed.');
  error.code = body?.error?.code ?? null;
  return error;
}

export function itemEtag(item: GraphItem): string {
  const etag = item.eTag ?? item.fields?.['@odata.etag'];
  if (!etag) throw new UpstreamError('GRAPH_BAD_ETAG', 'SharePoint returned an item without an ETag.');
  return etag;
}

export function jsonColumns(record: object): Fields {
  const chunks = chunkJson(JSON.stringify({ schemaVersion: RECORD_SCHEMA_VERSION, record }));
  const fields: Fields = {};
  // Every chunk column is written, so a shorter record clears what a longer one left behind.
  RECORD_CHUNK_COLUMNS.forEach((name, i) => (fields[name] = chunks[i] ?? null));
  return fields;
}

export function readJson<T>(fields: Fields): T {
  const json = RECORD_CHUNK_COLUMNS.map((name) => fields[name])
    .filter((v): v is string => typeof v === 'string')
    .join('');
  let envelope: { schemaVersion?: unknown; record?: T };
  try {
    envelope = JSON.parse(json) as typeof envelope;
  } catch (error) {
    throw new UpstreamError('RECORD_UNREADABLE', 'A record in SharePoint could not be read.', error);
  }
  if (typeof envelope?.schemaVersion !== 'number' || envelope.schemaVersion > RECORD_SCHEMA_VERSION) {
    throw new UpstreamError(
      'RECORD_SCHEMA_UNKNOWN',
      'A record in SharePoint was saved by a newer version of the app.',
    );
  }
  return envelope.record as T;
}

export function changeColumns(change: ChangeContext, writeId: string): Fields {
  return {
    ChangeAction: change.action,
    ChangedFields: JSON.stringify(change.fields),
    ChangeReason: change.reason ?? null,
    ChangedAt: change.at.toISOString(),
    ActorId: change.actor.id,
    ActorKind: change.actor.kind,
    WriteId: writeId,
  };
}

/** The audit entry of a write, run only if the write (`dependsOn`) succeeded. */
export function auditStep(
  loc: SchoolLocation,
  recordId: string,
  context: ChangeContext,
  writeId: string,
  stepId = 'audit',
  dependsOn = 'item',
): BatchStep {
  return {
    id: stepId,
    method: 'POST',
    url: itemsPath(loc, 'auditLog'),
    body: { fields: auditLogFields(recordId, context, writeId) },
    dependsOn: [dependsOn],
  };
}

/**
 * Makes sure a saved change has its audit log entry. It normally went in the same batch; when that
 * step could not run (its write was retried on its own, or throttled past the retries) it is written
 * now. The entry id is the write's id, so a second copy is refused by SharePoint, not added. Should
 * even this fail, the save stands: the item's version history carries the same audit columns.
 */
export async function ensureAudit(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  audit: { id: string; context: ChangeContext; writeId: string; outcome: BatchOutcome | undefined },
): Promise<void> {
  if (ok(audit.outcome) || audit.outcome?.status === 409) return;
  try {
    await ctx.client
      .api(itemsPath(loc, 'auditLog'))
      .post({ fields: auditLogFields(audit.id, audit.context, audit.writeId) });
  } catch (error) {
    // Already there: an earlier attempt wrote it and only the answer was lost.
    if (graphStatus(error) === 409) return;
    // Not fatal (see above), but reported: history() falls back to version history for this entry.
    ctx.onWarning?.({ code: 'AUDIT_LOG_WRITE_FAILED', err: error });
  }
}

/** Whether a write with this id made a version of the item (newest versions come first). */
export async function versionWritten(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  key: ListKey,
  itemId: string,
  writeId: string,
): Promise<boolean> {
  const page = await graphCall(
    () =>
      ctx.client
        .api(`${itemsPath(loc, key)}/${itemId}/versions${query({ $expand: expandFields(['WriteId']) })}`)
        .get() as Promise<Page<{ fields?: Fields }>>,
  );
  return page.value.some((v) => v.fields?.WriteId === writeId);
}

/** The items of a batched page plus every later page. */
async function withLaterPages<T>(ctx: RepositoryContext, outcome: BatchOutcome | undefined): Promise<T[]> {
  if (!ok(outcome)) throw toDomainError(stepError(outcome));
  const page = outcome!.body as Page<T>;
  const next = page['@odata.nextLink'];
  const later = next ? await allPages<T>(ctx.client, ctx.baseUrl, followable(next, ctx.baseUrl)) : [];
  return [...page.value, ...later];
}

/**
 * A record's history: its audit log entries completed from the item's version history, both read in
 * one round trip (any further pages after). Undefined when the item is gone.
 */
export async function itemHistory(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  key: ListKey,
  id: string,
  itemId: string,
): Promise<AuditEntry[] | undefined> {
  const outcomes = await graphCall(() =>
    executeBatch(ctx.client, [
      {
        id: 'audit',
        method: 'GET',
        url: `${itemsPath(loc, 'auditLog')}${query({
          $filter: `fields/AssessmentId eq ${literal(id)}`,
          $expand: expandFields(AUDIT_FIELDS),
          $top: ctx.pageSize,
        })}`,
      },
      {
        id: 'versions',
        method: 'GET',
        url: `${itemsPath(loc, key)}/${itemId}/versions${query({ $expand: expandFields(CHANGE_FIELDS) })}`,
      },
    ]),
  );
  const versions = outcomes.get('versions');
  if (versions?.status === 404) return undefined;
  const logged = await withLaterPages<GraphItem>(ctx, outcomes.get('audit'));
  const saved = await withLaterPages<GraphVersion>(ctx, versions);
  return mergeHistory(auditEntriesFrom(logged), saved);
}

/** Writes an access (read or export) to the audit log; a clash on EntryId means it is already there. */
export async function logAccess(ctx: RepositoryContext, loc: SchoolLocation, fields: Fields): Promise<void> {
  try {
    await ctx.client.api(itemsPath(loc, 'auditLog')).post({ fields });
  } catch (error) {
    if (graphStatus(error) === 409) return;
    throw toDomainError(error);
  }
}

export function notFoundUnless<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new NotFoundError(message);
  return value;
}

// Chronology entries

function chronologyFields(record: ChronologyEntry, context: ChangeContext): Fields {
  return {
    Title: record.kind,
    RecordId: record.id,
    CaseId: record.caseId ?? null,
    ChildId: record.childId ?? null,
    EntryDate: toSharePointDate(record.date),
    Kind: record.kind,
    Corrects: record.corrects ?? null,
    RecordedAt: record.recordedAt,
    ActorId: context.actor.id,
    RecordJson: JSON.stringify({ schemaVersion: RECORD_SCHEMA_VERSION, record }),
  };
}

function chronologyAudit(context: ChangeContext): ChangeContext {
  return { actor: context.actor, at: context.at, action: 'create', fields: [] };
}

/** Chronology entries to write, with the batch steps that write them and their audit entries. */
export interface ChronologyWrite {
  records: ChronologyEntry[];
  contexts: ChangeContext[];
  steps: BatchStep[];
}

/**
 * The steps that append entries in one batch, each after `after` (the write they record) and after
 * the entry before it, so SharePoint numbers them in the order they happened.
 */
export function chronologySteps(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  entries: readonly { entry: ChronologyEntryData; context: ChangeContext }[],
  after?: string,
): ChronologyWrite {
  const records: ChronologyEntry[] = [];
  const steps: BatchStep[] = [];
  entries.forEach(({ entry, context }, i) => {
    const record: ChronologyEntry = { ...entry, id: ctx.newId(), recordedAt: context.at.toISOString() };
    records.push(record);
    const previous = i > 0 ? `chron${i - 1}` : after;
    steps.push(
      {
        id: `chron${i}`,
        method: 'POST',
        url: itemsPath(loc, 'chronology'),
        body: { fields: chronologyFields(record, context) },
        ...(previous ? { dependsOn: [previous] } : {}),
      },
      auditStep(loc, record.id, chronologyAudit(context), record.id, `chron${i}-audit`, `chron${i}`),
    );
  });
  return { records, contexts: entries.map((e) => e.context), steps };
}

/**
 * Writes on their own the entries (and audit lines) whose batch step did not run or failed for a
 * passing reason; the unique RecordId makes a second copy a 409, not a duplicate. An entry that
 * still cannot be written is an error: the chronology must not silently miss an action.
 */
export async function settleChronology(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  write: ChronologyWrite,
  outcomes: Map<string, BatchOutcome>,
): Promise<void> {
  for (const [i, record] of write.records.entries()) {
    const context = write.contexts[i]!;
    const outcome = outcomes.get(`chron${i}`);
    if (!ok(outcome) && outcome?.status !== 409) {
      try {
        await ctx.client
          .api(itemsPath(loc, 'chronology'))
          .post({ fields: chronologyFields(record, context) });
      } catch (error) {
        if (graphStatus(error) !== 409) throw toDomainError(error);
      }
    }
    await ensureAudit(ctx, loc, {
      id: record.id,
      context: chronologyAudit(context),
      writeId: record.id,
      outcome: outcomes.get(`chron${i}-audit`),
    });
  }
}

/** Appends entries on their own: one batch for all of them. */
export async function appendChronology(
  ctx: RepositoryContext,
  loc: SchoolLocation,
  entries: readonly { entry: ChronologyEntryData; context: ChangeContext }[],
): Promise<ChronologyEntry[]> {
  const write = chronologySteps(ctx, loc, entries);
  const outcomes = await graphCall(() => executeBatch(ctx.client, write.steps));
  await settleChronology(ctx, loc, write, outcomes);
  return write.records;
}
