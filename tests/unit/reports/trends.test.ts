import {
  academicWeekKey,
  academicWeekLabel,
  addDays,
  dayNumber,
  weekday,
  partitionMask,
  previousRange,
  timeBand,
  trendsReport,
  yearGroupKey,
  type TrendTable,
  type TrendsReport,
} from '../../../core/index.js';
import { contextLabel, trendCase } from './report-data.js';

const RANGE = { from: '2026-01-01', to: '2026-03-31' };

const tableOf = (report: TrendsReport, id: string): TrendTable => {
  const t = report.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const counts = (t: TrendTable) => Object.fromEntries(t.rows.map((r) => [r.key, r.count]));

describe('calendar groupings', () => {
  it('numbers weeks of the academic year from 1 September', () => {
    expect(academicWeekKey('2025-09-01')).toBe('2025-26 W01');
    expect(academicWeekKey('2025-09-07')).toBe('2025-26 W01');
    expect(academicWeekKey('2025-09-08')).toBe('2025-26 W02');
    expect(academicWeekKey('2026-08-31')).toBe('2025-26 W53');
    expect(academicWeekKey('2026-09-01')).toBe('2026-27 W01');
    expect(academicWeekLabel('2025-26 W02')).toBe('2025/26 week 2 (from 8 September)');
  });

  it('puts times into school-day bands at their edges', () => {
    expect(
      ['06:59', '07:00', '08:29', '08:30', '11:59', '12:00', '13:29', '13:30', '15:30', '18:00'].map(
        timeBand,
      ),
    ).toEqual([
      'evening-night',
      'before-school',
      'before-school',
      'morning',
      'morning',
      'lunch',
      'lunch',
      'afternoon',
      'after-school',
      'evening-night',
    ]);
  });

  it('counts typed year groups in a fixed set, so free text never reaches a report', () => {
    expect(
      ['Year 7', 'Y7', '7', 'yr 7', 'Reception', 'R', '', 'Sam’s class', null].map(yearGroupKey),
    ).toEqual([
      'year-7',
      'year-7',
      'year-7',
      'year-7',
      'reception',
      'reception',
      'not-recorded',
      'other',
      'not-recorded',
    ]);
  });

  it('compares with the period of the same length just before', () => {
    expect(previousRange(RANGE)).toEqual({ from: '2025-10-03', to: '2025-12-31' });
  });
});

describe('trends for the safeguarding team', () => {
  const cases = [
    trendCase({
      reportedOn: '2026-01-05',
      incidents: [
        {
          date: '2026-01-05',
          time: '12:15',
          context: 'toilets-changing',
          online: false,
          kinds: ['talk', 'force'],
          level: 'abusive',
        },
        { kinds: [] },
      ],
      participants: [
        { childId: 'a', roles: ['displayedHsb'], yearGroup: 'Year 9', sex: 'male' },
        { childId: 'b', roles: ['harmed'], yearGroup: 'Y8', sex: 'female' },
      ],
      decision: { options: ['referral-csc', 'report-police'], decidedOn: '2026-01-06' },
      referrals: [
        { to: 'childrens-social-care', status: 'accepted' },
        { to: 'police', status: 'made' },
      ],
      firstPlanOn: '2026-01-20',
    }),
    trendCase({
      reportedOn: '2026-02-10',
      incidents: [{ date: '2026-02-07', online: true, kinds: ['images'], context: 'online' }],
      participants: [{ childId: 'a', roles: ['displayedHsb'], yearGroup: 'Year 9', sex: 'male' }],
      decision: { options: ['manage-internally'], decidedOn: '2026-02-20' },
    }),
    trendCase({ reportedOn: '2025-11-01', incidents: [{ kinds: [] }] }),
    trendCase({ reportedOn: '2026-03-02', decision: { options: ['early-help'] } }),
  ];
  const report = trendsReport(cases, RANGE, { audience: 'dsl', contextLabel });

  it('counts each period’s cases under their report date', () => {
    expect(report.headline).toEqual({ cases: 3, incidents: 3, children: 2 });
    expect(counts(tableOf(report, 'reports-by-month'))).toEqual({ '2026-01': 1, '2026-02': 1, '2026-03': 1 });
  });

  it('groups incidents by when, where, how and what, with "not recorded" kept visible', () => {
    expect(counts(tableOf(report, 'incidents-by-month'))).toMatchObject({ '2026-01': 2, '2026-02': 1 });
    expect(counts(tableOf(report, 'incidents-by-weekday'))).toMatchObject({
      monday: 1,
      saturday: 1,
      'not-recorded': 1,
    });
    expect(counts(tableOf(report, 'incidents-by-time'))).toMatchObject({ lunch: 1, 'not-recorded': 2 });
    expect(counts(tableOf(report, 'incidents-by-context'))).toMatchObject({
      'toilets-changing': 1,
      online: 1,
      'not-recorded': 1,
    });
    expect(counts(tableOf(report, 'incidents-online'))).toEqual({
      online: 1,
      'in-person': 1,
      'not-recorded': 1,
    });
    expect(counts(tableOf(report, 'incidents-by-kind'))).toMatchObject({
      talk: 1,
      force: 1,
      images: 1,
      'not-recorded': 1,
    });
    expect(tableOf(report, 'incidents-by-kind').partition).toBe(false);
    expect(counts(tableOf(report, 'incidents-by-level'))).toMatchObject({ abusive: 1, 'not-recorded': 2 });
    expect(tableOf(report, 'incidents-by-week').rows.map((r) => r.key)).toEqual([
      '2025-26 W19',
      '2025-26 W23',
    ]);
    expect(tableOf(report, 'incidents-by-context').rows[0]?.label).toBe('Context classroom');
  });

  it('counts children by role, year group and sex, and repeat involvement without naming anyone', () => {
    expect(counts(tableOf(report, 'year-group-displayedHsb'))).toMatchObject({ 'year-9': 2 });
    expect(counts(tableOf(report, 'sex-harmed'))).toMatchObject({ female: 1, male: 0 });
    expect(counts(tableOf(report, 'repeat-involvement'))).toEqual({ one: 1, two: 1, 'three-or-more': 0 });
    expect(JSON.stringify(report)).not.toMatch(/"(a|b)"/);
  });

  it('counts decisions, referrals and how long things took', () => {
    expect(counts(tableOf(report, 'decisions'))).toMatchObject({
      'referral-csc': 1,
      'report-police': 1,
      'manage-internally': 1,
      'not-yet': 0,
    });
    expect(counts(tableOf(report, 'referrals-by-agency'))).toMatchObject({
      'childrens-social-care': 1,
      police: 1,
    });
    expect(counts(tableOf(report, 'referral-outcomes'))).toMatchObject({ accepted: 1, made: 1 });
    expect(counts(tableOf(report, 'time-to-decision'))).toMatchObject({
      'within-a-day': 1,
      '8-28-days': 1,
      'date-not-recorded': 1,
      'not-yet': 0,
    });
    expect(counts(tableOf(report, 'time-to-plan'))).toMatchObject({ '8-28-days': 1, 'not-yet': 2 });
    expect(report.timings).toEqual([
      { id: 'report-to-decision', title: expect.any(String), medianDays: 5.5, cases: 2 },
      { id: 'report-to-plan', title: expect.any(String), medianDays: 15, cases: 1 },
    ]);
  });

  it('sums every partition to its total', () => {
    for (const t of report.tables.filter((x) => x.partition)) {
      expect(t.rows.reduce((a, r) => a + (r.count as number), 0)).toBe(t.total);
    }
  });

  it('summarises the change in plain words, without judging it', () => {
    expect(report.summary).toContain('Cases opened: 3, up 2 from 1 in the previous period.');
    expect(report.summary).toContain('Incidents recorded: 3, up 2 from 1 in the previous period.');
    expect(report.summary.join(' ')).not.toMatch(/worse|better|concern|improv|worr/i);
  });
});

describe('the governors’ audience', () => {
  const many = Array.from({ length: 12 }, (_, i) =>
    trendCase({
      reportedOn: `2026-01-${String(i + 1).padStart(2, '0')}`,
      incidents: [{ kinds: ['talk'], context: i < 9 ? 'classroom' : 'corridors', date: '2026-01-05' }],
      participants: [{ childId: `c${i}`, roles: ['harmed'], yearGroup: 'Year 7', sex: 'female' }],
      decision: { options: ['manage-internally'], decidedOn: '2026-02-01' },
    }),
  );
  const report = trendsReport(many, RANGE, { audience: 'governors', contextLabel });

  it('shows counts of 5 or more, hides 1 to 4 and the next smallest row that would give one away', () => {
    expect(report.headline).toEqual({ cases: 12, incidents: 12, children: 12 });
    const context = counts(tableOf(report, 'incidents-by-context'));
    expect(context.corridors).toEqual({ suppressed: true });
    expect(context.classroom).toEqual({ suppressed: true });
    expect(context['toilets-changing']).toBe(0);
    expect(counts(tableOf(report, 'reports-by-month'))).toEqual({
      '2026-01': 12,
      '2026-02': 0,
      '2026-03': 0,
    });
  });

  it('has no weeks, no medians, nothing finer than a month, and no second "online" field', () => {
    expect(report.tables.some((t) => t.id === 'incidents-by-week')).toBe(false);
    expect(report.tables.some((t) => t.id === 'incidents-online')).toBe(false);
    expect(report.timings).toBeUndefined();
    expect(JSON.stringify(report.tables)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('withholds every row, zeros too, when nothing else would stop a small count being worked out', () => {
    expect(partitionMask([1, 1, 1, 1, 1, 0])).toEqual({
      hide: [true, true, true, true, true, true],
      hideZeros: true,
    });
    expect(partitionMask([1, 1, 20]).hide).toEqual([true, true, true]);
    expect(partitionMask([3, 7, 0]).hide).toEqual([true, true, false]);
  });
});

describe('day arithmetic', () => {
  it('agrees with the calendar for every day of several years, leap days included', () => {
    let date = '1999-12-25';
    let expected = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    for (let i = 0; i < 3 * 366 + 10; i++) {
      expect(dayNumber(date)).toBe(expected);
      expect(weekday(date)).toBe(
        ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][
          new Date(`${date}T00:00:00Z`).getUTCDay()
        ],
      );
      date = addDays(date, 1);
      expected += 1;
    }
  });
});
