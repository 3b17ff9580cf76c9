import fc from 'fast-check';
import {
  isSmall,
  isSuppressed,
  partitionMask,
  trendsReport,
  type TrendTable,
  type TrendsReport,
} from '../../../core/index.js';
import { contextLabel, trendCases } from './report-data.js';

const RANGE = { from: '2025-09-01', to: '2026-08-31' };

/** Everything a reader of one table can work out, given that a shown count is never 1 to 4. */
function leaksOfTable(t: TrendTable): string[] {
  if (!t.partition || isSuppressed(t.total)) return [];
  const total = t.total as number;
  const hidden = t.rows.filter((r) => isSuppressed(r.count));
  const shownSum = t.rows.reduce((a, r) => (isSuppressed(r.count) ? a : a + (r.count as number)), 0);
  const rest = total - shownSum;
  if (hidden.length === 0) return rest === 0 ? [] : [`${t.id}: rows do not add up`];
  // A reader knows a hidden row is at least 1 unless zeros may be hidden too (every row hidden).
  const least = hidden.length === t.rows.length ? 0 : 1;
  const leaks: string[] = [];
  if (isSmall(rest)) leaks.push(`${t.id}: the hidden rows add up to ${rest}`);
  for (const r of hidden) {
    const most = rest - least * (hidden.length - 1);
    if (most === least && isSmall(most)) leaks.push(`${t.id}: ${r.key} must be ${most}`);
  }
  return leaks;
}

/** Tables counting the same things have the same total: shown in all of them or hidden in all. */
function baseOf(t: TrendTable): string {
  const role = /^(?:year-group|sex)-(.+)$/.exec(t.id)?.[1];
  return role ? `${t.unit}:${role}` : t.unit;
}

function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, found));
  return found;
}

function leaks(report: TrendsReport): string[] {
  const found = report.tables.flatMap(leaksOfTable);
  const bases = new Map<string, boolean>();
  for (const t of report.tables.filter((x) => x.partition)) {
    const hidden = isSuppressed(t.total);
    const seen = bases.get(baseOf(t));
    if (seen !== undefined && seen !== hidden)
      found.push(`${baseOf(t)}: a total shown in one table, hidden in another`);
    bases.set(baseOf(t), hidden);
  }
  if (bases.has('cases') && bases.get('cases') !== isSuppressed(report.headline.cases)) {
    found.push('cases: the headline and the tables disagree about the total');
  }
  const small = numbersIn(report).filter(isSmall);
  if (small.length) found.push(`numbers from 1 to 4 in the answer: ${small.join(', ')}`);
  return found;
}

describe('governors’ report suppression (property)', () => {
  it('never lets a reader work out a count from 1 to 4, whatever the cases', () => {
    fc.assert(
      fc.property(trendCases(), (cases) => {
        const report = trendsReport(cases, RANGE, { audience: 'governors', contextLabel });
        expect(leaks(report)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('hides nothing it need not: a partition with no count from 1 to 4 is shown whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 50 })), { maxLength: 8 }),
        (counts) => {
          expect(partitionMask(counts).hide.every((h) => !h)).toBe(true);
        },
      ),
    );
  });

  it('partitions of any counts: the hidden rows never pin a value down', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, n) => a + n, 0);
        fc.pre(!isSmall(total));
        const { hide } = partitionMask(counts);
        const table: TrendTable = {
          id: 't',
          title: 't',
          unit: 'cases',
          partition: true,
          total,
          rows: counts.map((n, i) => ({
            key: String(i),
            label: String(i),
            count: hide[i] ? { suppressed: true } : n,
          })),
        };
        expect(leaksOfTable(table)).toEqual([]);
        counts.forEach((n, i) => {
          if (isSmall(n)) expect(hide[i]).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('the checker itself catches a table that gives a small count away', () => {
    const leaky: TrendTable = {
      id: 'leaky',
      title: 'leaky',
      unit: 'cases',
      partition: true,
      total: 10,
      rows: [
        { key: 'a', label: 'a', count: { suppressed: true } },
        { key: 'b', label: 'b', count: 7 },
      ],
    };
    expect(leaksOfTable(leaky)).not.toEqual([]);
  });
});
