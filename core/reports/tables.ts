import { childRoles, hackettLevels, riskContexts, type RiskContext } from '../assessment/schema.js';
import { referralAgencies, referralStatuses } from '../cases/case.js';
import { childSexes } from '../cases/child.js';
import { seenChoices } from '../classify/labels.js';
import type { IsoDate } from '../dates.js';
import {
  agencyLabels,
  decisionLabels,
  hackettLabels,
  referralStatusLabels,
  roleLabels,
  sexLabels,
} from '../documents/labels.js';
import { decisionOptions } from '../assessment/schema.js';
import {
  academicWeekKey,
  academicWeekLabel,
  daysFrom,
  monthKey,
  monthLabel,
  monthsBetween,
  timeBand,
  timeBandLabels,
  timeBands,
  weekday,
  weekdays,
  yearGroupKey,
  yearGroupLabel,
  yearGroupOrder,
} from './calendar.js';
import type { ReportRange, TrendCase, TrendIncident } from './facts.js';
import type { ReportUnit, TrendTable } from './types.js';

/** The words for a setting, read from the risk-assessment template's context titles. */
export type ContextLabel = (context: RiskContext) => string;

const NOT_RECORDED = 'not-recorded';
const NOT_RECORDED_LABEL = 'Not recorded';

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  keys(): string[] {
    return [...this.counts.keys()];
  }
}

function table(
  id: string,
  title: string,
  unit: ReportUnit,
  keys: readonly string[],
  label: (key: string) => string,
  tally: Tally,
  partition = true,
): TrendTable {
  const rows = keys.map((key) => ({ key, label: label(key), count: tally.get(key) }));
  const t: TrendTable = { id, title, unit, partition, rows };
  if (partition) t.total = rows.reduce((a, r) => a + (r.count as number), 0);
  return t;
}

/** The codes of a fixed list, then "not recorded". */
const withNotRecorded = (keys: readonly string[]): string[] => [...keys, NOT_RECORDED];
const orNotRecorded =
  (label: (key: string) => string) =>
  (key: string): string =>
    key === NOT_RECORDED ? NOT_RECORDED_LABEL : label(key);

/** An incident's date, or the date its case was reported when the incident has none. */
const incidentDate = (i: TrendIncident, c: TrendCase): IsoDate => i.date ?? c.reportedOn;

export const timingBands = [
  'within-a-day',
  '2-7-days',
  '8-28-days',
  'over-28-days',
  'date-not-recorded',
  'not-yet',
] as const;
const timingBandLabels: Record<(typeof timingBands)[number], string> = {
  'within-a-day': 'The same day or the next',
  '2-7-days': '2 to 7 days',
  '8-28-days': '8 to 28 days',
  'over-28-days': 'More than 28 days',
  'date-not-recorded': 'Done, date not recorded',
  'not-yet': 'Not yet',
};

function timingBand(
  from: IsoDate,
  to: IsoDate | null | undefined,
  done = !!to,
): (typeof timingBands)[number] {
  if (!done) return 'not-yet';
  if (!to) return 'date-not-recorded';
  const days = Math.max(0, daysFrom(from, to));
  if (days <= 1) return 'within-a-day';
  if (days <= 7) return '2-7-days';
  if (days <= 28) return '8-28-days';
  return 'over-28-days';
}

export interface TableOptions {
  contextLabel: ContextLabel;
  /** Weeks are finer than a governors' report shows dates. */
  includeWeeks: boolean;
  /**
   * Online-or-not is a second field beside the "online and devices" setting; shown together, the
   * difference between them would count a small group the report never shows. Governors get the
   * setting alone.
   */
  includeOnlineFlag: boolean;
}

/** Every table of a trends report, with plain counts (suppression comes after, for governors). */
export function trendTables(
  cases: readonly TrendCase[],
  range: ReportRange,
  options: TableOptions,
): TrendTable[] {
  const incidents = cases.flatMap((c) => c.incidents.map((i) => ({ i, c })));
  const tables: TrendTable[] = [];

  const reports = new Tally();
  for (const c of cases) reports.add(monthKey(c.reportedOn));
  const reportMonths = monthsBetween(range.from, range.to);
  tables.push(
    table('reports-by-month', 'Cases opened, by month', 'cases', reportMonths, monthLabel, reports),
  );

  const months = new Tally();
  const weeks = new Tally();
  const days = new Tally();
  const times = new Tally();
  const contexts = new Tally();
  const online = new Tally();
  const kinds = new Tally();
  const levels = new Tally();
  for (const { i, c } of incidents) {
    const date = incidentDate(i, c);
    months.add(monthKey(date));
    weeks.add(academicWeekKey(date));
    days.add(i.date ? weekday(i.date) : NOT_RECORDED);
    times.add(i.time ? timeBand(i.time) : NOT_RECORDED);
    contexts.add(i.context ?? NOT_RECORDED);
    online.add(i.online === undefined ? NOT_RECORDED : i.online ? 'online' : 'in-person');
    for (const k of i.kinds) kinds.add(k);
    if (i.kinds.length === 0) kinds.add(NOT_RECORDED);
    levels.add(i.level ?? NOT_RECORDED);
  }
  const incidentMonths = [...new Set([...reportMonths, ...months.keys()])].sort();
  tables.push(
    table(
      'incidents-by-month',
      'Incidents, by month they happened (or were reported, when the date is not known)',
      'incidents',
      incidentMonths,
      monthLabel,
      months,
    ),
  );
  if (options.includeWeeks) {
    tables.push(
      table(
        'incidents-by-week',
        'Incidents, by week of the academic year (week 1 starts on 1 September)',
        'incidents',
        weeks.keys().sort(),
        academicWeekLabel,
        weeks,
      ),
    );
  }
  tables.push(
    table(
      'incidents-by-weekday',
      'Incidents, by day of the week',
      'incidents',
      withNotRecorded(weekdays),
      orNotRecorded(capitalised),
      days,
    ),
    table(
      'incidents-by-time',
      'Incidents, by time of day',
      'incidents',
      withNotRecorded(timeBands),
      orNotRecorded((k) => timeBandLabels[k as keyof typeof timeBandLabels]),
      times,
    ),
    table(
      'incidents-by-context',
      'Incidents, by where they happened',
      'incidents',
      withNotRecorded(riskContexts),
      orNotRecorded((k) => options.contextLabel(k as RiskContext)),
      contexts,
    ),
    ...(options.includeOnlineFlag
      ? [
          table(
            'incidents-online',
            'Incidents online or in person',
            'incidents',
            ['online', 'in-person', NOT_RECORDED],
            orNotRecorded((k) => (k === 'online' ? 'Online' : 'In person')),
            online,
          ),
        ]
      : []),
    table(
      'incidents-by-kind',
      'Incidents, by kind of behaviour (an incident may be of more than one kind)',
      'incidents',
      withNotRecorded(seenChoices.map((c) => c.value)),
      orNotRecorded((k) => seenChoices.find((c) => c.value === k)?.title ?? k),
      kinds,
      false,
    ),
    table(
      'incidents-by-level',
      'Incidents, by the DSL’s placement on Hackett’s continuum',
      'incidents',
      withNotRecorded(hackettLevels),
      orNotRecorded((k) => hackettLabels[k as keyof typeof hackettLabels]),
      levels,
    ),
  );

  tables.push(...participantTables(cases));
  tables.push(...outcomeTables(cases));
  return tables;
}

function participantTables(cases: readonly TrendCase[]): TrendTable[] {
  const tables: TrendTable[] = [];
  for (const role of childRoles) {
    const years = new Tally();
    const sexes = new Tally();
    for (const c of cases) {
      for (const p of c.participants) {
        if (!p.roles.includes(role)) continue;
        years.add(yearGroupKey(p.yearGroup));
        sexes.add(p.sex ?? NOT_RECORDED);
      }
    }
    const yearKeys = [...new Set(['not-recorded', ...years.keys()])].sort(
      (a, b) => yearGroupOrder(a) - yearGroupOrder(b),
    );
    const roleName = roleLabels[role];
    tables.push(
      table(`year-group-${role}`, `Year group: ${roleName}`, 'involvements', yearKeys, yearGroupLabel, years),
      table(
        `sex-${role}`,
        `Sex: ${roleName}`,
        'involvements',
        withNotRecorded(childSexes.filter((s) => s !== 'not-known')),
        orNotRecorded((k) => sexLabels[k as keyof typeof sexLabels]),
        // "Not known" and "not recorded" say the same to a reader of a report.
        mergeKey(sexes, 'not-known', NOT_RECORDED),
      ),
    );
  }

  const casesPerChild = new Map<string, number>();
  for (const c of cases) {
    for (const childId of new Set(c.participants.map((p) => p.childId))) {
      casesPerChild.set(childId, (casesPerChild.get(childId) ?? 0) + 1);
    }
  }
  const repeat = new Tally();
  for (const n of casesPerChild.values()) repeat.add(n === 1 ? 'one' : n === 2 ? 'two' : 'three-or-more');
  const repeatLabels: Record<string, string> = {
    one: 'In one case',
    two: 'In two cases',
    'three-or-more': 'In three or more cases',
  };
  tables.push(
    table(
      'repeat-involvement',
      'Children, by how many cases of this period they are in',
      'children',
      ['one', 'two', 'three-or-more'],
      (k) => repeatLabels[k] ?? k,
      repeat,
    ),
  );
  return tables;
}

function mergeKey(tally: Tally, from: string, into: string): Tally {
  const merged = new Tally();
  for (const key of tally.keys()) merged.add(key === from ? into : key, tally.get(key));
  return merged;
}

function outcomeTables(cases: readonly TrendCase[]): TrendTable[] {
  const decisions = new Tally();
  const toDecision = new Tally();
  const toPlan = new Tally();
  const agencies = new Tally();
  const statuses = new Tally();
  for (const c of cases) {
    if (c.decision) for (const o of c.decision.options) decisions.add(o);
    else decisions.add('not-yet');
    // A decision without its date is still a decision: "not yet" here means what it means in the
    // decisions table, so that no small count hides in the difference between the two.
    toDecision.add(timingBand(c.reportedOn, c.decision?.decidedOn, !!c.decision));
    toPlan.add(timingBand(c.reportedOn, c.firstPlanOn));
    for (const r of c.referrals) {
      agencies.add(r.to);
      statuses.add(r.status);
    }
  }
  const bandLabel = (k: string) => timingBandLabels[k as keyof typeof timingBandLabels];
  return [
    table(
      'decisions',
      'Decisions (a case may take more than one way forward)',
      'cases',
      [...decisionOptions, 'not-yet'],
      (k) =>
        k === 'not-yet' ? 'No decision recorded yet' : decisionLabels[k as keyof typeof decisionLabels],
      decisions,
      false,
    ),
    table('time-to-decision', 'Time from report to decision', 'cases', timingBands, bandLabel, toDecision),
    table('time-to-plan', 'Time from report to a plan in place', 'cases', timingBands, bandLabel, toPlan),
    table(
      'referrals-by-agency',
      'Referrals, by agency',
      'referrals',
      referralAgencies,
      (k) => agencyLabels[k as keyof typeof agencyLabels],
      agencies,
    ),
    table(
      'referral-outcomes',
      'Referrals, by where they stand',
      'referrals',
      referralStatuses,
      (k) => referralStatusLabels[k as keyof typeof referralStatusLabels],
      statuses,
    ),
  ];
}
