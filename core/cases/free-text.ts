import { createNameMatcher, tokeniseMentions, type NamedChild } from '../privacy/index.js';

/**
 * Keys whose values (or, for an array, whose items) are ids, references or codes, never prose that
 * could name a child. A code must never become a mention: a child called "Sam Harmed" would otherwise
 * turn the role `harmed` into a token, and the record would no longer pass its own schema.
 */
const NOT_PROSE = new Set([
  // ids and references
  'id',
  'caseId',
  'childId',
  'strategyId',
  'caseRef',
  'corrects',
  'assessmentId',
  'ownerId',
  'incidentIds',
  // codes (the schemas' enums)
  'role',
  'roles',
  'status',
  'kind',
  'kinds',
  'context',
  'affects',
  'audience',
  'options',
  'factors',
  'impact',
  'sex',
  'method',
  'outcome',
  'cscStatus',
  'specialistAssessment',
  'hackettLevel',
  'brookRating',
  'overallRisk',
  'newRiskLevel',
  'levelBefore',
  'levelAfter',
  'reportRemove',
]);

/**
 * Every string in `value` (a record's content) with the names of `others` — typed in any form —
 * turned into `@[child:<id>]` mention tokens. `own` is the child the record is about: parts of their
 * name that another child shares (a sibling's surname) are left alone.
 */
export function tokeniseNames<T>(value: T, others: readonly NamedChild[], own?: string): T {
  if (others.length === 0) return value;
  const matcher = createNameMatcher(others, own ? { keep: [own] } : {});
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string')
      return key !== undefined && NOT_PROSE.has(key) ? v : tokeniseMentions(v, matcher);
    // An array's items are what its key says they are (`roles: ['harmed']` holds codes).
    if (Array.isArray(v)) return v.map((item) => walk(item, key));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]),
      );
    }
    return v;
  };
  return walk(value, undefined) as T;
}
