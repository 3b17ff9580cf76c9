import fc from 'fast-check';
import {
  childRoles,
  childSexes,
  decisionOptions,
  hackettLevels,
  referralAgencies,
  referralStatuses,
  riskContexts,
  seenKinds,
  type TrendCase,
} from '../../../core/index.js';

/** Test cases for trend reports: built by hand, or generated with many small counts. */
export function trendCase(overrides: Partial<TrendCase> = {}): TrendCase {
  return {
    reportedOn: '2026-01-05',
    incidents: [],
    participants: [],
    referrals: [],
    firstPlanOn: null,
    ...overrides,
  };
}

export const contextLabel = (c: string): string => `Context ${c}`;

const isoDateIn = (from: string, days: number) =>
  fc.integer({ min: 0, max: days - 1 }).map((n) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Cases over two years with few children and few values per field, so a report is full of counts of
 * 1 to 4 and of totals just above them: the hard cases for suppression.
 */
export const trendCases = (): fc.Arbitrary<TrendCase[]> => {
  const childId = fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8');
  const incident = fc.record({
    date: optional(isoDateIn('2025-01-01', 730)),
    time: optional(fc.constantFrom('08:00', '10:15', '12:45', '14:00', '16:30', '21:00')),
    context: optional(fc.constantFrom(...riskContexts.slice(0, 3))),
    online: optional(fc.boolean()),
    kinds: fc.uniqueArray(fc.constantFrom(...seenKinds.slice(0, 3)), { maxLength: 2 }),
    level: optional(fc.constantFrom(...hackettLevels.slice(1, 4))),
  });
  const caseArb = fc.record({
    reportedOn: isoDateIn('2025-01-01', 730),
    incidents: fc.array(incident, { maxLength: 3 }),
    participants: fc.uniqueArray(
      fc.record({
        childId,
        roles: fc.uniqueArray(fc.constantFrom(...childRoles), { minLength: 1, maxLength: 2 }),
        yearGroup: fc.option(fc.constantFrom('Year 7', 'Y8', '9', 'Reception'), { nil: null }),
        sex: fc.option(fc.constantFrom(...childSexes), { nil: null }),
      }),
      { selector: (p) => p.childId, maxLength: 3 },
    ),
    decision: optional(
      fc.record({
        options: fc.uniqueArray(fc.constantFrom(...decisionOptions), { minLength: 1, maxLength: 2 }),
        decidedOn: optional(isoDateIn('2025-01-01', 760)),
      }),
    ),
    referrals: fc.array(
      fc.record({
        to: fc.constantFrom(...referralAgencies.slice(0, 3)),
        status: fc.constantFrom(...referralStatuses),
      }),
      { maxLength: 2 },
    ),
    firstPlanOn: fc.option(isoDateIn('2025-01-01', 760), { nil: null }),
  });
  return fc.array(caseArb, { maxLength: 60 }).map((cases) =>
    cases.map((c) => {
      const clean = { ...c, incidents: c.incidents.map(stripUndefined) } as TrendCase;
      if (!c.decision) delete clean.decision;
      else clean.decision = stripUndefined(c.decision) as TrendCase['decision'];
      return clean;
    }),
  );
};

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
