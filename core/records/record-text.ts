/** Keys whose values are ids, references, dates or codes, never prose that could name a child. */
const NOT_PROSE = new Set([
  'id',
  'caseId',
  'childId',
  'strategyId',
  'caseRef',
  'corrects',
  'assessmentId',
  'createdAt',
  'updatedAt',
  'recordedAt',
]);

/**
 * `value` with `f` applied to every prose string in it (ids and references are left alone), so one
 * rule about names can be applied to a whole record whatever its shape.
 */
export function mapProse<T>(value: T, f: (text: string) => string): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return key !== undefined && NOT_PROSE.has(key) ? v : f(v);
    if (Array.isArray(v)) return v.map((item) => walk(item, undefined));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]),
      );
    }
    return v;
  };
  return walk(value, undefined) as T;
}
