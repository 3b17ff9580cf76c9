import { childData, emptyAgencies, type CaseData, type CaseRecordStore } from '../../core/index.js';
import { changeContext } from '../helpers/assessment-data.js';
import type { CaseRecordsHarness } from './case-records.contract.js';

function caseData(childIds: string[], overrides: Partial<CaseData> = {}): CaseData {
  return {
    status: 'open',
    participants: childIds.map((childId, i) => ({
      childId,
      roles: [i === 0 ? 'displayedHsb' : 'harmed'],
      label: `Child ${String.fromCharCode(65 + i)}`,
    })),
    labelsIssued: childIds.length,
    incidents: [],
    agencies: emptyAgencies(),
    ...overrides,
  };
}

/**
 * The trend reports' read model, the same on every backend: the cases opened in a range with only
 * their counted facts, their children's year group and sex, and when their first plan became active.
 */
export function describeTrendsReadModelContract(
  name: string,
  setup: () => Promise<CaseRecordsHarness & { store: CaseRecordStore }>,
): void {
  describe(`Trends read model: ${name}`, () => {
    let harness: CaseRecordsHarness;
    let school: string;
    beforeEach(async () => {
      harness = await setup();
      school = harness.schools?.[0] ?? 'school-a';
    });
    afterEach(async () => {
      await harness.cleanup();
    });
    const records = () => harness.store.recordsFor(school);

    it('answers the cases opened in the range, both ends included, with their counted facts', async () => {
      const r = records();
      const one = await r.children.create(
        childData({ name: 'Zoë Ångström', yearGroup: 'Year 9', sex: 'female' }),
        changeContext('2026-01-05T10:00:00Z'),
      );
      const two = await r.children.create(
        childData({ name: 'Sam Smith' }),
        changeContext('2026-01-05T10:00:00Z'),
      );
      const ids = [one.record.id, two.record.id];
      // 23:59 UTC on 4 January is still 4 January in the UK (winter time): outside the range.
      await r.cases.create(caseData(ids), changeContext('2026-01-04T23:59:00Z'));
      const first = await r.cases.create(
        caseData(ids, {
          incidents: [
            {
              id: 'i1',
              date: '2026-01-02',
              time: '12:30',
              context: 'toilets-changing',
              online: false,
              kinds: ['talk', 'force'],
              hackettLevel: 'problematic',
              description: 'Narrative never read by a report.',
            },
          ],
          decision: { options: ['referral-csc'], factors: [], rationale: 'Why.', decidedOn: '2026-01-07' },
          agencies: {
            ...emptyAgencies(),
            referrals: [{ id: 'r1', to: 'childrens-social-care', on: '2026-01-07', status: 'accepted' }],
          },
        }),
        changeContext('2026-01-05T09:00:00Z'),
      );
      await r.cases.create(caseData([one.record.id]), changeContext('2026-01-31T16:00:00Z'));
      await r.cases.create(caseData(ids), changeContext('2026-02-01T08:00:00Z'));
      await r.chronology.append(
        {
          date: '2026-01-12',
          kind: 'plan-activated',
          summary: 'Plan activated.',
          by: 'DSL',
          caseId: first.record.id,
        },
        changeContext('2026-01-12T10:00:00Z'),
      );
      await r.chronology.append(
        {
          date: '2026-01-20',
          kind: 'plan-activated',
          summary: 'Plan activated.',
          by: 'DSL',
          caseId: first.record.id,
        },
        changeContext('2026-01-20T10:00:00Z'),
      );

      const found = await r.reports.trendCases({ from: '2026-01-05', to: '2026-01-31' });
      expect(found).toHaveLength(2);
      const byDate = [...found].sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
      expect(byDate[0]).toEqual({
        reportedOn: '2026-01-05',
        incidents: [
          {
            date: '2026-01-02',
            time: '12:30',
            context: 'toilets-changing',
            online: false,
            kinds: ['talk', 'force'],
            level: 'problematic',
          },
        ],
        participants: [
          { childId: one.record.id, roles: ['displayedHsb'], yearGroup: 'Year 9', sex: 'female' },
          { childId: two.record.id, roles: ['harmed'], yearGroup: null, sex: null },
        ],
        decision: { options: ['referral-csc'], decidedOn: '2026-01-07' },
        referrals: [{ to: 'childrens-social-care', status: 'accepted' }],
        firstPlanOn: '2026-01-12',
      });
      expect(byDate[1]).toMatchObject({ reportedOn: '2026-01-31', firstPlanOn: null });
      expect(JSON.stringify(found)).not.toMatch(/Narrative|Zoë|Sam Smith|HSB-/);
    });

    it('counts a case under the UK date it was opened, and follows later saves', async () => {
      const r = records();
      const child = await r.children.create(childData({ name: 'A Child' }), changeContext());
      // 23:30 UTC on 31 May is 00:30 on 1 June in the UK (summer time).
      const made = await r.cases.create(caseData([child.record.id]), changeContext('2026-05-31T23:30:00Z'));
      expect(await r.reports.trendCases({ from: '2026-05-31', to: '2026-05-31' })).toEqual([]);
      await r.cases.replace(
        made.record.id,
        caseData([child.record.id], { incidents: [{ id: 'x', online: true }] }),
        made.etag,
        changeContext('2026-06-03T10:00:00Z', { action: 'update' }),
      );
      const [found] = await r.reports.trendCases({ from: '2026-06-01', to: '2026-06-01' });
      expect(found?.incidents).toEqual([{ online: true, kinds: [] }]);
    });

    it('never answers another school’s cases', async () => {
      const [a, b] = harness.schools ?? ['school-a', 'school-b'];
      const other = harness.store.recordsFor(b);
      const child = await other.children.create(childData({ name: 'Other' }), changeContext());
      await other.cases.create(caseData([child.record.id]), changeContext('2026-03-10T10:00:00Z'));
      expect(
        await harness.store.recordsFor(a).reports.trendCases({ from: '2026-01-01', to: '2026-12-31' }),
      ).toEqual([]);
    });
  });
}
