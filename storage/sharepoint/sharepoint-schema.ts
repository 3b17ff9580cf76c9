import { assessmentStatuses, riskLevels } from '../../core/index.js';

/**
 * The SharePoint lists this app keeps in the safeguarding team's site. Provisioning creates exactly
 * these; the repository reads and writes only these names. Real columns exist only for what is
 * filtered, sorted or shown in a list; the record itself is JSON in plain multi-line text.
 */

export type ColumnKind = 'text' | 'note' | 'choice' | 'dateOnly' | 'number';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  description: string;
  indexed?: boolean;
  /** SharePoint enforces unique values only on indexed columns. */
  unique?: boolean;
  choices?: readonly string[];
}

export type ListKey = 'assessments' | 'auditLog' | 'documents';

export interface ListSpec {
  key: ListKey;
  template: 'genericList' | 'documentLibrary';
  description: string;
  columns: readonly ColumnSpec[];
}

export type ListNames = Record<ListKey, string>;

export const defaultListNames: ListNames = {
  assessments: 'HSB assessments',
  auditLog: 'HSB audit log',
  documents: 'HSB documents',
};

/** A SharePoint note column holds at most 63,999 characters; the record is split below that. */
export const RECORD_CHUNK_CHARS = 60_000;
export const RECORD_CHUNK_COLUMNS = ['RecordJson', ...[2, 3, 4, 5, 6, 7, 8].map((n) => `RecordJson${n}`)];

export const SINGLE_LINE_MAX = 255;

const text = (name: string, description: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  kind: 'text',
  description,
  ...extra,
});
const note = (name: string, description: string): ColumnSpec => ({ name, kind: 'note', description });

export const assessmentsList: ListSpec = {
  key: 'assessments',
  template: 'genericList',
  description: 'HSB risk assessments (one item per assessment; the record is the JSON in RecordJson).',
  columns: [
    text('CaseRef', 'Case reference, e.g. HSB-2026-0042. Unique.', { indexed: true, unique: true }),
    { name: 'CaseYear', kind: 'number', description: 'Year of the case reference.', indexed: true },
    text('RecordId', 'The app’s id of the assessment. Unique.', { indexed: true, unique: true }),
    {
      name: 'Status',
      kind: 'choice',
      description: 'draft, active or closed.',
      indexed: true,
      choices: assessmentStatuses,
    },
    { name: 'OverallRisk', kind: 'choice', description: 'Highest current risk level.', choices: riskLevels },
    {
      name: 'NextReviewDue',
      kind: 'dateOnly',
      description: 'Date of the next review.',
      indexed: true,
    },
    text('Dsl', 'The DSL who made the decision or signed the plan off.'),
    text('YearGroup', 'The learner’s year group.'),
    text('LearnerName', 'The learner’s name, for the list view.'),
    ...RECORD_CHUNK_COLUMNS.map((name, i) =>
      note(name, i === 0 ? 'The full record as versioned JSON.' : 'Continuation of RecordJson.'),
    ),
    note('ChangeReason', 'Why this version was saved (required once the assessment has been active).'),
    {
      name: 'ChangeAction',
      kind: 'choice',
      description: 'What this version did.',
      choices: ['create', 'update', 'review'],
    },
    note('ChangedFields', 'Names of the fields this version changed (never their values), as JSON.'),
    text('ChangedAt', 'When this version was saved (ISO 8601).'),
    text('ActorId', 'Who saved this version (tenant/object id).'),
    text('ActorKind', 'user, app or local.'),
    text('WriteId', 'Id of the write that made this version; lets a retried save recognise itself.'),
  ],
};

export const auditLogList: ListSpec = {
  key: 'auditLog',
  template: 'genericList',
  description:
    'Append-only audit of HSB assessments: every change (written in the same batch as the change) and every read or export.',
  columns: [
    text('AssessmentId', 'The assessment concerned.', { indexed: true }),
    {
      name: 'Action',
      kind: 'choice',
      description: 'create, update, review, read or export.',
      choices: ['create', 'update', 'review', 'read', 'export'],
    },
    note('ChangedFields', 'For a change: names of the fields changed (never their values), as JSON.'),
    note('Reason', 'For a change: why it was made.'),
    text('Detail', 'For an export: the audience of the document.'),
    text('ActorId', 'Who (tenant/object id).'),
    text('ActorKind', 'user, app or local.'),
    text('At', 'When (ISO 8601).'),
    text(
      'EntryId',
      'Unique id of this entry (for a change, the id of the write), so a retried write is logged once.',
      {
        indexed: true,
        unique: true,
      },
    ),
  ],
};

export const documentsLibrary: ListSpec = {
  key: 'documents',
  template: 'documentLibrary',
  description: 'Documents generated from HSB assessments (file names carry case references only).',
  columns: [
    text('CaseRef', 'Case reference of the assessment.', { indexed: true }),
    text('AssessmentId', 'The app’s id of the assessment.', { indexed: true }),
    {
      name: 'Audience',
      kind: 'choice',
      description: 'Who the document is for.',
      choices: ['staff', 'parents', 'full'],
    },
    text('GeneratedAt', 'When the document was generated (ISO 8601).'),
  ],
};

export const listSpecs: readonly ListSpec[] = [assessmentsList, auditLogList, documentsLibrary];

/** The Graph columnDefinition body for a column. */
export function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: spec.name,
    displayName: spec.name,
    description: spec.description,
    indexed: spec.indexed ?? false,
    enforceUniqueValues: spec.unique ?? false,
  };
  switch (spec.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX } };
    case 'note':
      return {
        ...base,
        text: {
          allowMultipleLines: true,
          textType: 'plain',
          appendChangesToExistingText: false,
          linesForEditing: 6,
        },
      };
    case 'choice':
      return {
        ...base,
        choice: { choices: [...(spec.choices ?? [])], allowTextEntry: false, displayAs: 'dropDownMenu' },
      };
    case 'dateOnly':
      return { ...base, dateTime: { format: 'dateOnly', displayAs: 'standard' } };
    case 'number':
      return { ...base, number: { decimalPlaces: 'none' } };
  }
}

/** The kind of an existing Graph column, to compare with the spec. */
export function columnKindOf(column: Record<string, unknown>): ColumnKind | 'other' {
  const textFacet = column.text as { allowMultipleLines?: boolean } | undefined;
  if (textFacet) return textFacet.allowMultipleLines ? 'note' : 'text';
  if (column.choice) return 'choice';
  if (column.number) return 'number';
  const dateFacet = column.dateTime as { format?: string } | undefined;
  if (dateFacet) return dateFacet.format === 'dateOnly' ? 'dateOnly' : 'other';
  return 'other';
}
