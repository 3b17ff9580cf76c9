/** Calendar dates are ISO `YYYY-MM-DD` strings in the school's time zone; instants are ISO timestamps. */
export type IsoDate = string;

export const SCHOOL_TIME_ZONE = 'Europe/London';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The calendar date of `instant` in `timeZone` (a school in England works to UK dates, not UTC). */
// Building a formatter for a time zone costs far more than using one (~0.3 ms): keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function dateInZone(instant: Date, timeZone: string = SCHOOL_TIME_ZONE): IsoDate {
  const parts = dateFormatter(timeZone).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const m = ISO_DATE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError('addDays needs an ISO date');
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** English month names, January first: one list for documents and reports. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2026-02-05` → `5 February 2026`, as UK documents write dates; anything else is returned as it is. */
export function longDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m || !isIsoDate(iso)) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]!} ${m[1]}`;
}
