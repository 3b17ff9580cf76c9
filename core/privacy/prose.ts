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
  // timestamps
  'createdAt',
  'updatedAt',
  'recordedAt',
  // codes (the schemas' enums; not `role` or `outcome`, which are free text in attendees,
  // sign-off and referrals and must have names made mentions there)
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
 * `value` with `f` applied to every prose string in it (ids, references, timestamps and codes are
 * left alone), so one rule about names (make them mentions, remove them, redact them) can be applied
 * to a whole record whatever its shape. An array's items are what its key says they are
 * (`roles: ['harmed']` holds codes).
 */
export function mapProse<T>(value: T, f: (text: string) => string): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return key !== undefined && NOT_PROSE.has(key) ? v : f(v);
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
