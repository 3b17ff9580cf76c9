import { longDate } from '../dates.js';
import type { ReportRange } from './facts.js';
import { countText, isSuppressed, type ReportCount, type TrendTable, type TrendsReport } from './types.js';

type Period = Pick<TrendsReport, 'headline' | 'tables'>;

/**
 * What changed since the previous period, in plain words: counts and their differences only. It
 * never says whether a change is good or bad — that is the DSL's reading, not arithmetic. When either
 * count is withheld no difference is given, since a difference could give the small count away.
 */
export function trendSummary(current: Period, previous: Period, before: ReportRange): string[] {
  const period = `${longDate(before.from)} to ${longDate(before.to)}`;
  const lines = [
    compare('Cases opened', current.headline.cases, previous.headline.cases),
    compare('Incidents recorded', current.headline.incidents, previous.headline.incidents),
    compare('Children involved', current.headline.children, previous.headline.children),
  ];
  const online = row(current.tables, 'incidents-online', 'online');
  const onlineBefore = row(previous.tables, 'incidents-online', 'online');
  if (online !== undefined && onlineBefore !== undefined)
    lines.push(compare('Incidents online', online, onlineBefore));
  const referrals = total(current.tables, 'referrals-by-agency');
  const referralsBefore = total(previous.tables, 'referrals-by-agency');
  if (referrals !== undefined && referralsBefore !== undefined) {
    lines.push(compare('Referrals made', referrals, referralsBefore));
  }
  for (const [id, what] of [
    ['incidents-by-context', 'The setting with the most incidents'],
    ['incidents-by-time', 'The time of day with the most incidents'],
  ] as const) {
    const top = largest(current.tables, id);
    const topBefore = largest(previous.tables, id);
    if (!top) continue;
    const was = topBefore ? `; in ${period} it was ${topBefore.label} (${topBefore.count})` : '';
    lines.push(`${what} was ${top.label} (${top.count})${was}.`);
  }
  lines.push(`Compared with ${period}, the period of the same length just before.`);
  return lines;
}

function compare(what: string, now: ReportCount, before: ReportCount): string {
  if (isSuppressed(now) || isSuppressed(before)) {
    return `${what}: ${countText(now)} (${countText(before)} in the previous period).`;
  }
  if (now === before) return `${what}: ${now}, the same as in the previous period.`;
  const change = now > before ? `up ${now - before}` : `down ${before - now}`;
  return `${what}: ${now}, ${change} from ${before} in the previous period.`;
}

function find(tables: readonly TrendTable[], id: string): TrendTable | undefined {
  return tables.find((t) => t.id === id);
}

function row(tables: readonly TrendTable[], id: string, key: string): ReportCount | undefined {
  return find(tables, id)?.rows.find((r) => r.key === key)?.count;
}

function total(tables: readonly TrendTable[], id: string): ReportCount | undefined {
  return find(tables, id)?.total;
}

/** The one recorded row with the highest shown count; none on a tie, a withheld count or nothing. */
function largest(tables: readonly TrendTable[], id: string): { label: string; count: number } | undefined {
  const rows = (find(tables, id)?.rows ?? []).filter((r) => r.key !== 'not-recorded');
  if (rows.some((r) => isSuppressed(r.count))) return undefined;
  const sorted = rows
    .map((r) => ({ label: r.label, count: r.count as number }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  if (!sorted[0] || (sorted[1] && sorted[1].count === sorted[0].count)) return undefined;
  return sorted[0];
}
