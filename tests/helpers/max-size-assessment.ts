import { createAssessmentSchema, normaliseContent, riskContexts, type Assessment } from '../../core/index.js';

/**
 * The largest record a school can realistically save within the schema's limits, shaped like the one
 * that froze the server (about 69 KB of JSON in the report): 50 other children with long names and 40 risks of 50
 * strategies each, every other strategy naming a child — in decomposed, capitalised, soft-hyphenated
 * and possessive forms — so that redaction does the most work it can. It comes to about 90 KB, a
 * little larger than the original report's record.
 */
export const MAX_OTHER_CHILDREN = 50;
export const MAX_RISKS = 40;
export const MAX_STRATEGIES = 50;

const FIRST = ['Zoë', 'Maximiliana', 'Bartholomew', 'Anastasija', 'Oluwaseun', 'Ángel', 'Siobhán', 'Þórunn'];
const LAST = ['Ångström-Featherstonehaugh', 'Nightingale-Oduya', 'Worthington-Smythe', 'Ó Súilleabháin'];

const MIDDLE = ['Rosalind', 'Evangeline', 'Christopher', 'Bartłomiej', 'Guinevere', 'Leopoldine', 'Aurelio'];

export function otherChildName(i: number): string {
  const middle = MIDDLE[Math.floor(i / FIRST.length) % MIDDLE.length]!;
  return `${FIRST[i % FIRST.length]} ${middle} ${LAST[i % LAST.length]}`;
}

/** How a member of staff might have typed child `i`'s first name in a strategy. */
function typed(i: number, k: number): string {
  const first = FIRST[i % FIRST.length]!;
  switch (k % 4) {
    case 0:
      return first.normalize('NFD');
    case 1:
      return first.toUpperCase();
    case 2:
      return `${first.slice(0, 2)}\u00ad${first.slice(2)}’s`;
    default:
      return first;
  }
}

export function maxSizeAssessmentBody(): Record<string, unknown> {
  return {
    learner: { name: 'Casey Maximus Canary', yearGroup: 'Year 9', dateOfBirth: '2012-05-01' },
    otherChildren: Array.from({ length: MAX_OTHER_CHILDREN }, (_, i) => ({
      name: otherChildName(i),
      role: i === 0 ? 'harmed' : 'witness',
    })),
    risks: Array.from({ length: MAX_RISKS }, (_, r) => ({
      context: riskContexts[r % riskContexts.length],
      ...(riskContexts[r % riskContexts.length] === 'other' ? { contextLabel: `Trips ${r}` } : {}),
      description: 'x',
      likelihood: 2,
      impact: 2,
      strategies: Array.from({ length: MAX_STRATEGIES }, (_, s) => ({
        action: s % 2 ? `Away from ${typed(r + s, s)}` : `Escort ${s}`,
        owner: 'HoY',
      })),
    })),
  };
}

/** A record with one risk and one strategy, for the ratio. */
export function smallAssessmentBody(): Record<string, unknown> {
  const body = maxSizeAssessmentBody();
  return {
    ...body,
    otherChildren: (body.otherChildren as unknown[]).slice(0, 1),
    risks: [
      {
        ...(body.risks as Record<string, unknown>[])[0],
        strategies: [{ action: 'Away from Zoë', owner: 'HoY' }],
      },
    ],
  };
}

/** The stored form of a body, built through the real schema and normalisation. */
export function storedAssessment(body: Record<string, unknown>): Assessment {
  const input = createAssessmentSchema.parse(body);
  const content = normaliseContent(input, 'active', idMaker());
  return {
    ...content,
    learner: input.learner!,
    kind: 'risk-assessment',
    reviews: [],
    id: '5e0c7a1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
    caseRef: 'HSB-2026-0099',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    version: 1,
  };
}

function idMaker(): () => string {
  let n = 0;
  return () => `m${(++n).toString(36)}`;
}
