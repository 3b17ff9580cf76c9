import { MONTHS, isIsoDate, type IsoDate } from '../../../core/dates';

/**
 * Dates as a school in England writes and types them, worked out here rather than by the browser:
 * a member of staff whose browser is set to US English still sees and types day/month/year.
 */

export const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
/** Sunday first, as `Date.getDay()` counts. */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (year < 1000 || year > 9999) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : null;
}

/** `2026-03-05` → `05/03/2026`, what the date field shows; anything that is not a date gives "". */
export function toUkNumeric(iso: string | undefined): string {
  const m = iso ? ISO.exec(iso) : null;
  if (!m || !isIsoDate(iso!)) return '';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** `2026-03-05` → `5 Mar 2026`, how dates read on screen; anything that is not a date is returned as it is. */
export function toUkShort(iso: string): string {
  const m = ISO.exec(iso);
  if (!m || !isIsoDate(iso)) return iso;
  return `${Number(m[3])} ${SHORT_MONTHS[Number(m[2]) - 1]!} ${m[1]}`;
}

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  // Any three letters or more of the name: "Mar", "March", "Sept". Three letters already tell months apart.
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(w));
  return index < 0 ? null : index + 1;
}

/**
 * Reads a date as staff type it: `05/03/2026`, `5/3/2026`, `5-3-2026`, `5.3.2026`, `5 March 2026`,
 * `5th Mar 2026`, ISO `2026-03-05`, or the eight digits `05032026` that a browser's own date box took. Day first always: `03/05/2026` is 3 May. A year needs all four
 * digits, so `5/3/26` is not guessed at. Returns the ISO date, or null when the text is not a real date.
 */
export function parseUkDate(text: string): IsoDate | null {
  const t = text.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoOf(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

export type DateProblemCode = 'DATE_INVALID' | 'DATE_TOO_EARLY' | 'DATE_TOO_LATE';

export type DateCheck =
  { ok: true; value: IsoDate | undefined } | { ok: false; code: DateProblemCode; message: string };

const EXAMPLE = 'for example 05/03/2026';

/**
 * What a typed date means for the field: a date inside `min`..`max` (ISO, both inclusive), nothing
 * (an empty box: whether a date is needed is the form's question), or a problem with a code and the
 * words to show.
 */
export function checkUkDate(
  text: string,
  limits: { min?: string | undefined; max?: string | undefined } = {},
): DateCheck {
  if (!text.trim()) return { ok: true, value: undefined };
  const iso = parseUkDate(text);
  if (!iso) {
    return {
      ok: false,
      code: 'DATE_INVALID',
      message: `That is not a date this field can read. Enter day/month/year, ${EXAMPLE}.`,
    };
  }
  // ISO dates compare correctly as strings.
  if (limits.min && iso < limits.min) {
    return { ok: false, code: 'DATE_TOO_EARLY', message: `Enter ${toUkNumeric(limits.min)} or later.` };
  }
  if (limits.max && iso > limits.max) {
    return { ok: false, code: 'DATE_TOO_LATE', message: `Enter ${toUkNumeric(limits.max)} or earlier.` };
  }
  return { ok: true, value: iso };
}

/** The calendar works on local-midnight `Date`s; these convert without any time-zone shift. */
export function isoToLocalDate(iso: string | undefined): Date | null {
  const m = iso ? ISO.exec(iso) : null;
  if (!m || !isIsoDate(iso!)) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function localDateToIso(date: Date): IsoDate {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
