import { SUPPRESSED, type ReportCount, type TrendTable } from './types.js';

/**
 * Small-number suppression for reports that leave the safeguarding team. A count of 1 to 4 could
 * identify a child in a school, so it is never shown — and neither is anything that lets one work it
 * out: when a table's rows add up to a shown total, the hidden rows' sum is known, so it must be 0 or
 * at least 5 and spread over at least two rows in a way that fixes none of them.
 *
 * Totals are hidden only when they are themselves 1 to 4. Every table counting the same things has
 * the same total, so hiding a total of 5 or more in one table would not protect anything: another
 * table would show it. Hiding the next smallest row instead keeps every table consistent.
 */

export const SMALLEST_SHOWN = 5;

export function isSmall(n: number): boolean {
  return n >= 1 && n < SMALLEST_SHOWN;
}

function shown(n: number): ReportCount {
  return isSmall(n) ? SUPPRESSED : n;
}

/**
 * The hidden rows of a partition (rows adding up to a shown total) cannot be pinned down when their
 * sum is at least 5 and exceeds their number: each row is at least 1 (a 0 is shown), so with k rows
 * summing to S each could be anything from 1 to S − k + 1.
 */
function safeHiddenSum(sum: number, hidden: number): boolean {
  return hidden === 0 || (hidden >= 2 && sum >= SMALLEST_SHOWN && sum > hidden);
}

/** Which rows of a partition to hide, given the counts and a shown total. */
export function partitionMask(counts: readonly number[]): { hide: boolean[]; hideZeros: boolean } {
  const hide = counts.map(isSmall);
  let sum = counts.reduce((a, n, i) => (hide[i] ? a + n : a), 0);
  let hidden = hide.filter(Boolean).length;
  while (!safeHiddenSum(sum, hidden)) {
    let next = -1;
    counts.forEach((n, i) => {
      if (!hide[i] && n > 0 && (next < 0 || n < counts[next]!)) next = i;
    });
    if (next < 0) {
      // Every non-zero row is hidden and still they could be worked out (e.g. five rows of 1 with a
      // total of 5): hiding the zeros too leaves each row anywhere from 0 to the total.
      return { hide: counts.map(() => true), hideZeros: true };
    }
    hide[next] = true;
    sum += counts[next]!;
    hidden += 1;
  }
  return { hide, hideZeros: false };
}

/** A table as it may leave the safeguarding team. Rows come in with plain numbers. */
export function suppressTable(table: TrendTable): TrendTable {
  const counts = table.rows.map((r) => r.count as number);
  if (!table.partition) {
    return { ...table, rows: table.rows.map((r, i) => ({ ...r, count: shown(counts[i]!) })) };
  }
  const total = table.total as number;
  if (isSmall(total)) {
    // Every non-zero row of a total under 5 is itself under 5.
    return {
      ...table,
      total: SUPPRESSED,
      rows: table.rows.map((r, i) => ({ ...r, count: shown(counts[i]!) })),
    };
  }
  const { hide } = partitionMask(counts);
  return {
    ...table,
    total,
    rows: table.rows.map((r, i) => ({ ...r, count: hide[i] ? SUPPRESSED : counts[i]! })),
  };
}

export function suppressCount(n: number): ReportCount {
  return shown(n);
}
