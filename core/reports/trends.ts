import { addDays, longDate, type IsoDate } from '../dates.js';
import { daysFrom, median } from './calendar.js';
import type { ReportRange, TrendCase } from './facts.js';
import { suppressCount, suppressTable } from './suppression.js';
import { trendSummary } from './summary.js';
import { trendTables, type ContextLabel } from './tables.js';
import type { ReportAudience, TrendTable, TrendTiming, TrendsReport } from './types.js';

/** The period of the same length that ends the day before `range` starts. */
export function previousRange(range: ReportRange): ReportRange {
  const length = daysFrom(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

export function inRange(date: IsoDate, range: ReportRange): boolean {
  return date >= range.from && date <= range.to;
}

function timings(cases: readonly TrendCase[]): TrendTiming[] {
  const toDecision = cases.flatMap((c) =>
    c.decision?.decidedOn ? [Math.max(0, daysFrom(c.reportedOn, c.decision.decidedOn))] : [],
  );
  const toPlan = cases.flatMap((c) =>
    c.firstPlanOn ? [Math.max(0, daysFrom(c.reportedOn, c.firstPlanOn))] : [],
  );
  return [
    {
      id: 'report-to-decision',
      title: 'Median days from report to decision',
      medianDays: median(toDecision) ?? null,
      cases: toDecision.length,
    },
    {
      id: 'report-to-plan',
      title: 'Median days from report to a plan in place',
      medianDays: median(toPlan) ?? null,
      cases: toPlan.length,
    },
  ];
}

const distinctChildren = (cases: readonly TrendCase[]): number =>
  new Set(cases.flatMap((c) => c.participants.map((p) => p.childId))).size;

export interface TrendsOptions {
  audience: ReportAudience;
  contextLabel: ContextLabel;
}

/**
 * A trends report over `range` from the cases reported in it, compared with the cases of the period
 * before. `cases` may hold both periods (one query); each case counts in the period its report date
 * falls in. Pure: the same cases always give the same report.
 */
export function trendsReport(
  cases: readonly TrendCase[],
  range: ReportRange,
  options: TrendsOptions,
): TrendsReport {
  const before = previousRange(range);
  const current = cases.filter((c) => inRange(c.reportedOn, range));
  const previous = cases.filter((c) => inRange(c.reportedOn, before));
  const governors = options.audience === 'governors';
  const tableOptions = {
    contextLabel: options.contextLabel,
    includeWeeks: !governors,
    includeOnlineFlag: !governors,
  };

  const rawTables = trendTables(current, range, tableOptions);
  const rawPrevious = trendTables(previous, before, tableOptions);
  const tables: TrendTable[] = governors ? rawTables.map(suppressTable) : rawTables;
  const previousTables: TrendTable[] = governors ? rawPrevious.map(suppressTable) : rawPrevious;

  const count = governors ? suppressCount : (n: number) => n;
  const headline = {
    cases: count(current.length),
    incidents: count(current.reduce((a, c) => a + c.incidents.length, 0)),
    children: count(distinctChildren(current)),
  };
  const previousHeadline = {
    cases: count(previous.length),
    incidents: count(previous.reduce((a, c) => a + c.incidents.length, 0)),
    children: count(distinctChildren(previous)),
  };

  const report: TrendsReport = {
    audience: options.audience,
    range: { from: range.from, to: range.to },
    comparedWith: before,
    headline,
    tables,
    summary: trendSummary(
      { headline, tables },
      { headline: previousHeadline, tables: previousTables },
      before,
    ),
    notes: notes(range, before, governors),
  };
  if (!governors) report.timings = timings(current);
  return report;
}

function notes(range: ReportRange, before: ReportRange, governors: boolean): string[] {
  const list = [
    `Cases are counted by the date they were opened, from ${longDate(range.from)} to ${longDate(range.to)}; ` +
      `the summary compares them with ${longDate(before.from)} to ${longDate(before.to)}.`,
    'Incidents are counted by the date they happened, or the date their case was opened when that is not known.',
    'Children are counted once for each case they are in ("involvements"), so a child in two cases counts twice.',
    'The academic year is counted from 1 September.',
    'These are counts of what was recorded. What they mean for a child is for the designated safeguarding lead to judge.',
  ];
  if (governors) {
    list.push(
      'Counts from 1 to 4 are not shown ("fewer than 5, or withheld"), and nor is any count that would let one of them be worked out from a total. No names, case references or descriptions appear in this report.',
    );
  } else {
    list.push('Week numbers count from 1 September: week 1 is 1 to 7 September.');
  }
  return list;
}
