import {
  assessmentStatuses,
  caseStatuses,
  chronologyKinds,
  planKinds,
  riskLevels,
} from '../../core/index.js';

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
  /**
   * SharePoint enforces unique values only on indexed columns. `false` (not just absent) lifts a
   * uniqueness an earlier version of the app asked for.
   */
  unique?: boolean;
  choices?: readonly string[];
}

export type ListKey =
  'assessments' | 'auditLog' | 'documents' | 'children' | 'cases' | 'caseParticipants' | 'chronology';

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
  children: 'HSB children',
  cases: 'HSB cases',
  caseParticipants: 'HSB case participants',
  chronology: 'HSB chronology',
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

/** The record as versioned JSON, and on every version who saved it, when, which fields and why. */
function versionedRecordColumns(what: string): ColumnSpec[] {
  return [
    ...RECORD_CHUNK_COLUMNS.map((name, i) =>
      note(name, i === 0 ? `The full ${what} as versioned JSON.` : 'Continuation of RecordJson.'),
    ),
    note('ChangeReason', 'Why this version was saved.'),
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
  ];
}

export const assessmentsList: ListSpec = {
  key: 'assessments',
  template: 'genericList',
  description: 'HSB risk assessments (one item per assessment; the record is the JSON in RecordJson).',
  columns: [
    // The plans of one case share its reference, so uniqueness lives in PlanKey.
    text('CaseRef', 'Case reference, e.g. HSB-2026-0042 (shared by the plans of one case).', {
      indexed: true,
      unique: false,
    }),
    text(
      'PlanKey',
      'Unique: the case reference of a plan outside any case, or case reference and plan id inside one.',
      { indexed: true, unique: true },
    ),
    { name: 'CaseYear', kind: 'number', description: 'Year of the case reference.', indexed: true },
    text('RecordId', 'The app’s id of the assessment. Unique.', { indexed: true, unique: true }),
    {
      name: 'Kind',
      kind: 'choice',
      description: 'risk-assessment or support-plan.',
      indexed: true,
      choices: planKinds,
    },
    text('CaseId', 'The app’s id of the plan’s case.', { indexed: true }),
    text('ChildId', 'The app’s id of the child the plan is for.', { indexed: true }),
    {
      name: 'Status',
      kind: 'choice',
      description: 'draft, active or closed.',
      indexed: true,
      choices: assessmentStatuses,
    },
    {
      name: 'OverallRisk',
      kind: 'choice',
      description: 'Highest current risk level.',
      indexed: true,
      choices: riskLevels,
    },
    {
      name: 'NextReviewDue',
      kind: 'dateOnly',
      description: 'Date of the next review.',
      indexed: true,
    },
    text('Dsl', 'The DSL who made the decision or signed the plan off.', { indexed: true }),
    text('YearGroup', 'The learner’s year group.'),
    text(
      'LearnerName',
      'The learner’s name, only on plans outside any case (a case’s children have records).',
    ),
    ...versionedRecordColumns('assessment'),
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

const recordId = (what: string): ColumnSpec =>
  text('RecordId', `The app’s id of the ${what}. Unique.`, { indexed: true, unique: true });

export const childrenList: ListSpec = {
  key: 'children',
  template: 'genericList',
  description:
    'Children of the school with an HSB record: the only list that holds a child’s name (one item per child).',
  columns: [
    recordId('child'),
    text('ChildName', 'The child’s name.'),
    text('YearGroup', 'The child’s year group.'),
    text('Sex', 'Recorded for equality monitoring; counted in trend reports.'),
    { name: 'DateOfBirth', kind: 'dateOnly', description: 'Date of birth, when known.' },
    {
      name: 'RetainUntil',
      kind: 'dateOnly',
      description: 'Keep the record until this date (date of birth + 25 years).',
      indexed: true,
    },
    ...versionedRecordColumns('child'),
  ],
};

export const casesList: ListSpec = {
  key: 'cases',
  template: 'genericList',
  description: 'HSB cases (one item per case; names appear only as references to the children list).',
  columns: [
    text('CaseRef', 'Case reference, e.g. HSB-2026-42. Unique.', { indexed: true, unique: true }),
    { name: 'CaseYear', kind: 'number', description: 'Year of the case reference.', indexed: true },
    recordId('case'),
    {
      name: 'Status',
      kind: 'choice',
      description: 'open or closed.',
      indexed: true,
      choices: caseStatuses,
    },
    note('Participants', 'The children of the case by id, role and pseudonym, as JSON (no names).'),
    text('CreatedAt', 'When the case was opened (ISO 8601).'),
    {
      name: 'ReportedOn',
      kind: 'dateOnly',
      description: 'The date the case was opened: what trend reports filter on.',
      indexed: true,
    },
    note('TrendJson', 'What trend reports count of the case (no names, no narrative), as JSON.'),
    ...versionedRecordColumns('case'),
  ],
};

export const caseParticipantsList: ListSpec = {
  key: 'caseParticipants',
  template: 'genericList',
  description:
    'Which children have taken part in which case, so "cases of this child" is an indexed look-up. The case item says who takes part now.',
  columns: [
    text('CaseId', 'The app’s id of the case.', { indexed: true }),
    text('ChildId', 'The app’s id of the child.', { indexed: true }),
    text('PairKey', 'Case id and child id. Unique.', { indexed: true, unique: true }),
  ],
};

export const chronologyList: ListSpec = {
  key: 'chronology',
  template: 'genericList',
  description: 'Dated chronology of HSB cases and children. Append-only: a correction is a new entry.',
  columns: [
    recordId('chronology entry'),
    text('CaseId', 'The app’s id of the case.', { indexed: true }),
    text('ChildId', 'The app’s id of the child the entry is about, if one.', { indexed: true }),
    { name: 'EntryDate', kind: 'dateOnly', description: 'The date of what happened.', indexed: true },
    {
      name: 'Kind',
      kind: 'choice',
      description: 'What kind of entry.',
      indexed: true,
      choices: chronologyKinds,
    },
    text('Corrects', 'The entry this one corrects, if any.'),
    text('RecordedAt', 'When it was recorded (ISO 8601).'),
    text('ActorId', 'Who recorded it (tenant/object id).'),
    note('RecordJson', 'The entry as versioned JSON.'),
  ],
};

export const listSpecs: readonly ListSpec[] = [
  assessmentsList,
  auditLogList,
  documentsLibrary,
  childrenList,
  casesList,
  caseParticipantsList,
  chronologyList,
];

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
