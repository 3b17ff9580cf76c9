import { SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import {
  addSchoolDays,
  receiptDueBy,
  retentionReview,
  schoolServices,
  type ChildSummary,
  type Transfer,
} from '../../../core/index.js';
import { fixedClock } from '../../helpers/test-server.js';

const DSL = { actor: { id: 'tenant-1/dsl', kind: 'user' as const }, name: 'Dee Esel' };

describe('school days for the transfer receipt', () => {
  it('counts Monday to Friday only', () => {
    expect(addSchoolDays('2026-03-02', 5)).toBe('2026-03-09'); // Monday → next Monday
    expect(addSchoolDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addSchoolDays('2026-03-07', 5)).toBe('2026-03-13'); // sent on a Saturday
    expect(receiptDueBy({ sentOn: '2026-03-04' })).toBe('2026-03-11');
  });
});

describe('retention review list', () => {
  const row = (id: string, dateOfBirth: string | null): ChildSummary => ({
    id,
    name: `Child ${id}`,
    yearGroup: null,
    dateOfBirth,
    updatedAt: '2026-01-01T00:00:00Z',
  });

  it('lists records past or within the window of date of birth + 25 years, then those with no date of birth', () => {
    const items = retentionReview(
      [
        row('late', '2001-06-01'), // 2026-06-01: within 90 days of 2026-03-10
        row('past', '2000-01-15'), // 2025-01-15: passed
        row('young', '2014-01-01'),
        row('unknown', null),
        row('edge', '2001-06-09'), // 2026-06-09 is exactly 91 days on: outside
      ],
      '2026-03-10',
      90,
    );
    expect(items.map((i) => [i.childId, i.retainUntil, i.reason])).toEqual([
      ['past', '2025-01-15', 'due'],
      ['late', '2026-06-01', 'due'],
      ['unknown', null, 'no-date-of-birth'],
    ]);
  });
});

describe('child-protection file transfer (SQLite)', () => {
  let store: SqliteAssessmentStore;
  beforeEach(() => {
    store = new SqliteAssessmentStore({ file: ':memory:' });
  });
  afterEach(() => store.close());

  const at = (instant: string) =>
    schoolServices(store, {
      schoolId: 's',
      actor: DSL.actor,
      callerName: DSL.name,
      clock: fixedClock(instant),
    });

  it('records who sent it, links the child’s own file, writes the chronology and chases a late receipt', async () => {
    const monday = at('2026-03-02T10:00:00Z');
    const opened = await monday.cases!.createCase(
      {
        participants: [
          { child: { name: 'Casey Canary', dateOfBirth: '2012-05-01' }, roles: ['displayedHsb'] },
        ],
      },
      DSL,
    );
    const childId = opened.record.participants[0]!.childId;
    const sent = await monday.records!.sendTransfer(
      childId,
      { receivingSchool: 'Hillside Academy', sentOn: '2026-03-02', method: 'secure-transfer-service' },
      DSL,
    );
    expect(sent.transfer).toMatchObject({ sentBy: 'Dee Esel', receivingSchool: 'Hillside Academy' });
    expect(sent.documents).toEqual([
      expect.objectContaining({
        href: `/api/assessments/${opened.record.participants[0]!.assessmentId}/document?audience=file`,
      }),
    ]);
    expect(sent.exportHref).toBe(`/api/children/${childId}/export`);

    expect((await at('2026-03-09T10:00:00Z').records!.awaitingReceipt())[0]).toMatchObject({
      dueBy: '2026-03-09',
      overdue: false,
    });
    const tuesday = at('2026-03-10T10:00:00Z');
    expect((await tuesday.records!.awaitingReceipt())[0]).toMatchObject({ overdue: true });

    const body = { receivedOn: '2026-03-10', confirmedBy: 'DSL, Hillside Academy' };
    const received: Transfer = await tuesday.records!.confirmReceipt(childId, sent.transfer.id, body, DSL);
    expect(received).toMatchObject({ receivedOn: '2026-03-10', receiptRecordedBy: 'Dee Esel' });
    expect(await tuesday.records!.awaitingReceipt()).toEqual([]);
    await expect(tuesday.records!.confirmReceipt(childId, sent.transfer.id, body, DSL)).rejects.toMatchObject(
      {
        code: 'RECEIPT_ALREADY_RECORDED',
      },
    );
    const kinds = (await tuesday.cases!.childChronology(childId)).filter((e) => e.kind === 'transfer');
    expect(kinds.map((e) => [e.date, e.summary])).toEqual([
      ['2026-03-02', 'Child-protection file sent by secure transfer service.'],
      ['2026-03-10', 'Receipt of the child-protection file confirmed.'],
    ]);

    // Editing the child afterwards keeps the transfers: only the transfer routes change them.
    const child = await tuesday.cases!.readChild(childId, DSL.actor);
    const edited = await tuesday.cases!.replaceChild(
      childId,
      { ...child.record, yearGroup: 'Year 10' },
      child.etag,
      DSL,
    );
    expect(edited.record.transfers).toHaveLength(1);
  });

  it('refuses a future sending date, an unexplained "other" method and a receipt before sending', async () => {
    const s = at('2026-03-02T10:00:00Z');
    const child = await s.cases!.createChild({ name: 'Casey Canary' }, DSL);
    const id = child.record.id;
    const base = { receivingSchool: 'Hillside', sentOn: '2026-03-02', method: 'by-hand' };
    await expect(s.records!.sendTransfer(id, { ...base, sentOn: '2026-03-03' }, DSL)).rejects.toMatchObject({
      code: 'DATE_IN_FUTURE',
    });
    await expect(s.records!.sendTransfer(id, { ...base, method: 'other' }, DSL)).rejects.toMatchObject({
      code: 'METHOD_DETAIL_REQUIRED',
    });
    await expect(s.records!.sendTransfer(id, { ...base, by: 'someone' }, DSL)).rejects.toMatchObject({
      code: 'UNKNOWN_FIELD',
    });
    const { transfer } = await s.records!.sendTransfer(id, base, DSL);
    await expect(
      s.records!.confirmReceipt(id, transfer.id, { receivedOn: '2026-03-01', confirmedBy: 'x' }, DSL),
    ).rejects.toMatchObject({ code: 'RECEIPT_DATE_INVALID' });
  });
});
