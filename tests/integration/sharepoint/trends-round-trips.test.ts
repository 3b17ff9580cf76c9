/**
 * The trends query on SharePoint past the list view threshold: filtered on indexed columns only (the
 * fake refuses anything else on lists over 5,000 items), one round trip per page, and never the
 * record JSON.
 */
import { randomUUID } from 'node:crypto';
import { emptyAgencies, formatCaseRef, type CaseData } from '../../../core/index.js';
import { toSharePointDate } from '../../../storage/sharepoint/assessment-fields.js';
import { trendFields } from '../../../storage/sharepoint/sharepoint-trends.js';
import { fakeSharePointStore, SCHOOL_A, type FakeStoreHarness } from '../../helpers/sharepoint-fake-store.js';

const SEEDER = { id: 'seed', displayName: 'Seed', kind: 'application' as const, sites: 'all' as const };
const CASES = 5_200;
const CHILDREN = 120;
const PAGE = 200;

describe('trends on SharePoint: Graph round trips', () => {
  let h: FakeStoreHarness;
  beforeAll(async () => {
    h = await fakeSharePointStore();
    const siteId = h.sites[SCHOOL_A]!;
    const children = h.fake.list(siteId, 'HSB children');
    const ids = Array.from({ length: CHILDREN }, (_, i) => {
      const id = randomUUID();
      h.fake.sharepoint.createItem(
        children,
        { Title: `Child ${i}`, ChildName: `Child ${i}`, RecordId: id, YearGroup: 'Year 8', Sex: 'female' },
        SEEDER,
      );
      return id;
    });
    const cases = h.fake.list(siteId, 'HSB cases');
    const chronology = h.fake.list(siteId, 'HSB chronology');
    for (let i = 0; i < CASES; i++) {
      // Half in the autumn term of 2025 (the report), half the term before (its comparison).
      const day = i % 2 ? '2025-10-15' : '2025-05-15';
      const at = `${day}T09:00:00.000Z`;
      const id = randomUUID();
      const data: CaseData = {
        status: 'open',
        participants: [{ childId: ids[i % CHILDREN]!, roles: ['harmed'], label: 'Child A' }],
        labelsIssued: 1,
        incidents: [{ id: 'i', context: 'classroom', kinds: ['talk'], description: 'Never read.' }],
        agencies: emptyAgencies(),
      };
      const caseRef = formatCaseRef(2025, i + 1);
      h.fake.sharepoint.createItem(
        cases,
        {
          Title: caseRef,
          CaseRef: caseRef,
          CaseYear: 2025,
          RecordId: id,
          Status: 'open',
          CreatedAt: at,
          ...trendFields({ ...data, createdAt: at }),
        },
        SEEDER,
      );
      if (i % 4 === 1) {
        h.fake.sharepoint.createItem(
          chronology,
          {
            Title: 'plan-activated',
            RecordId: randomUUID(),
            CaseId: id,
            EntryDate: toSharePointDate('2025-10-20'),
            Kind: 'plan-activated',
          },
          SEEDER,
        );
      }
    }
  });
  afterAll(() => h.close());

  it('reads a page per request of cases, children and plan activations, and counts them all', async () => {
    const records = h.store.recordsFor(SCHOOL_A, { userAssertion: 'dsl' });
    // The first call also finds the site and its lists (remembered after): not part of a report.
    await records.reports.trendCases({ from: '2030-01-01', to: '2030-01-31' });
    h.fake.resetCounts();
    const found = await records.reports.trendCases({ from: '2025-04-07', to: '2025-12-31' });
    const trips = h.fake.roundTrips();
    expect(found).toHaveLength(CASES);
    const plans = CASES / 4;
    expect(trips).toBe(Math.ceil(CASES / PAGE) + Math.ceil(CHILDREN / PAGE) + Math.ceil(plans / PAGE));
    expect(found.filter((c) => c.firstPlanOn === '2025-10-20')).toHaveLength(plans);
    expect(found[0]!.participants[0]).toMatchObject({ yearGroup: 'Year 8', sex: 'female' });
    expect(JSON.stringify(found)).not.toContain('Never read.');
  });

  it('reads only the cases of the range, and their children by id when there are few', async () => {
    const records = h.store.recordsFor(SCHOOL_A, { userAssertion: 'dsl' });
    h.fake.resetCounts();
    const found = await records.reports.trendCases({ from: '2025-09-01', to: '2025-12-31' });
    expect(found).toHaveLength(CASES / 2);
    // 60 children: fewer than five filters of 15 ids each cost less than reading all 120.
    expect(h.fake.roundTrips()).toBe(Math.ceil(CASES / 2 / PAGE) + 60 / 15 + Math.ceil(CASES / 4 / PAGE));
  });
});
