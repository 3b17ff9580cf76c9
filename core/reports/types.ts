import type { IsoDate } from '../dates.js';

/** Who a report is for: the safeguarding team, or the governing board (counts only, small ones hidden). */
export const reportAudiences = ['dsl', 'governors'] as const;
export type ReportAudience = (typeof reportAudiences)[number];

/** A count a report withholds because it is between 1 and 4, or would let one be worked out. */
export interface Suppressed {
  suppressed: true;
}
export type ReportCount = number | Suppressed;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true });

/**
 * How the report words a withheld count. Counts hidden only so that a small one cannot be worked out
 * look the same as the small ones (telling them apart would give the small one away), so the words
 * must be true of both.
 */
export const SUPPRESSED_TEXT = 'fewer than 5, or withheld';

export const reportUnits = ['cases', 'incidents', 'involvements', 'children', 'referrals'] as const;
export type ReportUnit = (typeof reportUnits)[number];

export interface TrendRow {
  key: string;
  label: string;
  count: ReportCount;
}

export interface TrendTable {
  id: string;
  title: string;
  unit: ReportUnit;
  /** True when every thing counted is in exactly one row, so the rows add up to `total`. */
  partition: boolean;
  total?: ReportCount;
  rows: TrendRow[];
}

export interface TrendTiming {
  id: 'report-to-decision' | 'report-to-plan';
  title: string;
  /** Median whole days; null when nothing has got that far. */
  medianDays: number | null;
  /** How many cases the median is taken over. */
  cases: number;
}

export interface TrendsReport {
  audience: ReportAudience;
  range: { from: IsoDate; to: IsoDate };
  /** The period of the same length just before `range`, which the summary compares with. */
  comparedWith: { from: IsoDate; to: IsoDate };
  headline: { cases: ReportCount; incidents: ReportCount; children: ReportCount };
  tables: TrendTable[];
  /** The safeguarding team only: the governors' report has counts alone. */
  timings?: TrendTiming[];
  /** Plain-words comparison with the previous period: counts, never a judgement. */
  summary: string[];
  /** How to read the report (what is counted, how weeks are numbered, what "fewer than 5" means). */
  notes: string[];
}

export function isSuppressed(count: ReportCount | undefined): count is Suppressed {
  return typeof count === 'object' && count !== null && count.suppressed === true;
}

/** A count as words: the number, or "fewer than 5, or withheld" when it is hidden. */
export function countText(count: ReportCount | undefined): string {
  if (count === undefined) return '';
  return isSuppressed(count) ? SUPPRESSED_TEXT : String(count);
}
