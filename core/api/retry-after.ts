/**
 * A `Retry-After` header (delay-seconds or an HTTP date) as milliseconds from `now`; undefined when
 * absent or unreadable. A date in the past means "now" (0), never a negative wait.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only an HTTP date (which names a weekday or month) is a date here: `Date.parse` also reads
  // bare numbers such as "-1" or "12" as years, which are not valid Retry-After values.
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
