/**
 * Round trips per operation, counted by the Graph fake: a save is one request, a read is one, a
 * due-review list is one per page, and big lists (past the list view threshold) keep working because
 * only indexed columns are filtered on.
 */
import { addDays, childData, emptyAgencies, type CaseData } from '../../../core/index.js';
import { assessmentData, changeContext, testActor } from '../../helpers/assessment-data.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';
import { seedAssessments } from '../../helpers/sharepoint-seed.js';

describe('Graph round trips per operation', () => {
  let h: FakeStoreHarness;
  beforeEach(async () => {
    h = await fakeSharePointStore();
  });
  afterEach(() => h.close());

  const repo = () => h.store.forSchool(SCHOOL_A, { userAssertion: 'dsl' });
  const records = () => h.store.recordsFor(SCHOOL_A, { userAssertion: 'dsl' });

  it('saves a plan in a case, a case and a chronology entry in one round trip each', async () => {
    const child = await records().children.create(childData({ name: 'Count Child' }), changeContext());
    const data = (childIds: string[]): CaseData => ({
      status: 'open',
      participants: childIds.map((childId, i) => ({
        childId,
        roles: [i === 0 ? 'displayedHsb' : 'harmed'],
        label: `Child ${i + 1}`,
      })),
      labelsIssued: childIds.length,
      incidents: [],
      agencies: emptyAgencies(),
    });
    const kase = await records().cases.create(data([child.record.id]), changeContext());
    // After the year's first, a case create is one round trip: case, audit entry and participants.
    h.fake.resetCounts();
    await records().cases.create(data([child.record.id]), changeContext());
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.count('items.create')).toBe(3);
    const plan = await repo().create(
      { ...assessmentData(), learner: undefined, caseId: kase.record.id, childId: child.record.id },
      changeContext(),
      kase.record.caseRef,
    );

    h.fake.resetCounts();
    await repo().replace(
      plan.record.id,
      { ...assessmentData({ staffNotes: 'x' }), learner: undefined, caseId: kase.record.id },
      plan.etag,
      changeContext(undefined, { action: 'update' }),
    );
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.count('items.create')).toBe(1);

    h.fake.resetCounts();
    const saved = await records().cases.replace(
      kase.record.id,
      { ...data([child.record.id]), summary: 'x' },
      kase.etag,
      changeContext(undefined, { action: 'update' }),
    );
    expect(h.fake.roundTrips()).toBe(1);

    // A child joining the case adds one participant item, in one more round trip.
    const other = await records().children.create(childData({ name: 'Second Child' }), changeContext());
    h.fake.resetCounts();
    await records().cases.replace(
      kase.record.id,
      data([child.record.id, other.record.id]),
      saved.etag,
      changeContext(undefined, { action: 'update' }),
    );
    expect(h.fake.roundTrips()).toBe(2);

    h.fake.resetCounts();
    await records().chronology.append(
      { date: '2026-03-10', kind: 'note', summary: 'Noted.', by: 'Dee', caseId: kase.record.id },
      changeContext(),
    );
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.count('items.create')).toBe(2);
  });

  it('resolves the site and lists once, then needs one round trip per save, read and audit', async () => {
    await repo().list({ status: [] });
    await repo().list();
    await repo().list({ status: ['active'] });
    expect(h.fake.roundTrips('sites.getByGroup')).toBe(1);
    expect(h.fake.roundTrips('lists.list')).toBe(1);

    h.fake.resetCounts();
    const first = await repo().create(assessmentData(), changeContext());
    // The first create of a year looks up the highest case reference once, in the cases list and in
    // the plans from before cases existed (they share one sequence).
    expect(h.fake.roundTrips()).toBe(3);
    expect(h.fake.roundTrips('items.list')).toBe(2);
    expect(h.fake.roundTrips('batch')).toBe(1);

    h.fake.resetCounts();
    await repo().create(assessmentData(), changeContext());
    expect(h.fake.roundTrips()).toBe(1);
    // The record and its audit entry travel together.
    expect(h.fake.count('items.create')).toBe(2);

    h.fake.resetCounts();
    const read = await repo().get(first.record.id);
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.roundTrips('items.get')).toBe(1);

    h.fake.resetCounts();
    const saved = await repo().replace(
      first.record.id,
      assessmentData({ staffNotes: 'x' }),
      read.etag,
      changeContext(undefined, { action: 'update' }),
    );
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.count('items.update')).toBe(1);
    expect(h.fake.count('items.create')).toBe(1);
    expect(saved.record.version).toBe(2);

    h.fake.resetCounts();
    await repo().recordAccess(first.record.id, { actor: testActor, at: new Date(), action: 'read' });
    expect(h.fake.roundTrips()).toBe(1);

    h.fake.resetCounts();
    await repo().history(first.record.id);
    expect(h.fake.roundTrips()).toBe(1);
    expect(h.fake.count('items.list') + h.fake.count('versions.list')).toBe(2);
  });

  it('a second instance of the app reads an unknown record with one look-up', async () => {
    const created = await repo().create(assessmentData(), changeContext());
    const other = h.anotherStore();
    await other.forSchool(SCHOOL_A).list({ status: ['closed'] });
    h.fake.resetCounts();
    const read = await other.forSchool(SCHOOL_A).get(created.record.id);
    expect(read.etag).toBe(created.etag);
    expect(h.fake.roundTrips()).toBe(1);
    h.fake.resetCounts();
    await other.forSchool(SCHOOL_A).replace(created.record.id, assessmentData(), read.etag, changeContext());
    expect(h.fake.roundTrips()).toBe(1);
  });
});

describe('lists past the list view threshold', () => {
  it('pages a due-review query over 5,200 items at one round trip per page, filtering only indexed columns', async () => {
    const h = await fakeSharePointStore({ store: { pageSize: 200 } });
    try {
      const siteId = h.sites[SCHOOL_A]!;
      // Every 4th assessment is due by 2026-03-31; the rest later or with no date.
      seedAssessments(h.fake, siteId, 5_200, (i) =>
        i % 4 === 0 ? addDays('2026-03-01', i % 30) : i % 4 === 1 ? '2026-09-01' : undefined,
      );
      const repo = h.store.forSchool(SCHOOL_A);
      await repo.list({ status: ['closed'] });

      h.fake.resetCounts();
      const due = await repo.list({ status: ['draft', 'active'], dueOnOrBefore: '2026-03-31' });
      expect(due).toHaveLength(1_300);
      expect(h.fake.roundTrips()).toBe(Math.ceil(1_300 / 200));
      expect(h.fake.roundTrips('items.list')).toBe(7);

      h.fake.resetCounts();
      const all = await repo.list();
      expect(all).toHaveLength(5_200);
      expect(h.fake.roundTrips()).toBe(26);

      expect(h.fake.seenPrefer).toEqual([]);
    } finally {
      await h.close();
    }
  }, 60_000);
});
