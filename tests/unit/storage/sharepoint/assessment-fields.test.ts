import { ValidationError } from '../../../../core/index.js';
import {
  chunkJson,
  dslOf,
  etagVersion,
  fromSharePointDate,
  readRecord,
  recordFields,
  summaryFrom,
  toSharePointDate,
  type StoredRecord,
} from '../../../../storage/sharepoint/assessment-fields.js';
import {
  RECORD_CHUNK_CHARS,
  RECORD_CHUNK_COLUMNS,
} from '../../../../storage/sharepoint/sharepoint-schema.js';
import { assessmentData, changeContext } from '../../../helpers/assessment-data.js';

function record(overrides: Record<string, unknown> = {}): StoredRecord {
  return {
    id: '6b1f6f39-3f7b-4b5e-9a43-2b6d2b0c1a11',
    caseRef: 'HSB-2026-0007',
    createdAt: '2026-03-10T10:00:00.000Z',
    updatedAt: '2026-03-10T10:00:00.000Z',
    ...assessmentData(overrides),
  };
}

describe('record JSON in note columns', () => {
  it('round-trips through the columns, split below SharePoint’s note limit', () => {
    // Larger than the API accepts in one field, to exercise several columns at once.
    const big = { ...record(), staffNotes: 'é🧒'.repeat(40_000) + 'x'.repeat(19_000) };
    const fields = recordFields(big, changeContext(), 'w1');
    const used = RECORD_CHUNK_COLUMNS.filter((c) => typeof fields[c] === 'string');
    expect(used.length).toBeGreaterThan(1);
    for (const c of used) expect((fields[c] as string).length).toBeLessThanOrEqual(RECORD_CHUNK_CHARS);
    expect(readRecord(fields)).toEqual(big);
  });

  it('never splits a surrogate pair between two columns', () => {
    const json = 'a'.repeat(RECORD_CHUNK_CHARS - 1) + '🧒' + 'b';
    const chunks = chunkJson(json);
    expect(chunks[0]).toHaveLength(RECORD_CHUNK_CHARS - 1);
    expect(chunks[1]!.startsWith('🧒')).toBe(true);
    expect(chunks.join('')).toBe(json);
  });

  it('clears the columns a shorter record no longer needs', () => {
    const fields = recordFields(record(), changeContext(), 'w1');
    expect(RECORD_CHUNK_COLUMNS.slice(1).map((c) => fields[c])).toEqual(
      RECORD_CHUNK_COLUMNS.slice(1).map(() => null),
    );
  });

  it('refuses a record too large for every column with a coded error', () => {
    expect(() => chunkJson('x'.repeat(RECORD_CHUNK_CHARS * RECORD_CHUNK_COLUMNS.length + 1))).toThrow(
      ValidationError,
    );
  });

  it('refuses to read a record written by a newer schema', () => {
    expect(() => readRecord({ RecordJson: JSON.stringify({ schemaVersion: 999, record: {} }) })).toThrow(
      /newer version/,
    );
  });
});

describe('summary columns', () => {
  it('hold what a list row needs and never narrative text', () => {
    const r = record({
      status: 'active',
      learner: { name: 'Casey Canary', yearGroup: 'Year 9' },
      staffNotes: 'narrative',
      review: { nextDue: '2026-06-01' },
      decision: { options: ['early-help'], rationale: 'why', decidedBy: 'Dee Esel' },
    });
    const fields = recordFields(r, changeContext(), 'w1');
    expect(fields).toMatchObject({
      Status: 'active',
      LearnerName: 'Casey Canary',
      YearGroup: 'Year 9',
      Dsl: 'Dee Esel',
    });
    expect(summaryFrom({ ...fields, RecordId: r.id, CaseRef: r.caseRef })).toEqual({
      id: r.id,
      kind: 'risk-assessment',
      caseId: null,
      childId: null,
      caseRef: r.caseRef,
      status: 'active',
      learnerName: 'Casey Canary',
      yearGroup: 'Year 9',
      overallRisk: null,
      nextDue: '2026-06-01',
      updatedAt: '2026-03-10T10:00:00.000Z',
    });
  });

  it('skip items that are not this app’s assessments', () => {
    expect(summaryFrom({ Title: 'Someone typed this in SharePoint' })).toBeUndefined();
  });
});

describe('dates and versions', () => {
  it('write date-only columns at noon UTC and read back the UK calendar date', () => {
    expect(toSharePointDate('2026-06-01')).toBe('2026-06-01T12:00:00Z');
    expect(fromSharePointDate('2026-06-01T12:00:00Z')).toBe('2026-06-01');
    // SharePoint may store a date as midnight in the site's zone: 1 June in BST is 31 May 23:00 UTC.
    expect(fromSharePointDate('2026-05-31T23:00:00Z')).toBe('2026-06-01');
    expect(fromSharePointDate('2026-01-15T00:00:00Z')).toBe('2026-01-15');
    expect(fromSharePointDate(null)).toBeNull();
  });

  it('read the version from a list item ETag', () => {
    expect(etagVersion('"4f6a0e8e-22b4-4c55-9d57-7a3e0c0b9f11,7"')).toBe(7);
    expect(() => etagVersion('"abc"')).toThrow();
  });

  it('name the DSL from the decision, else from a DSL sign-off', () => {
    const base = assessmentData();
    expect(
      dslOf({
        ...base,
        signOff: [{ name: 'Pat', role: 'Designated Safeguarding Lead', date: '2026-01-01' }],
      }),
    ).toBe('Pat');
    expect(
      dslOf({ ...base, signOff: [{ name: 'Sam', role: 'Head of Year', date: '2026-01-01' }] }),
    ).toBeNull();
  });
});
