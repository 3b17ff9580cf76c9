import { MONTHS, addDays, type IsoDate } from '../dates.js';

/**
 * How a report groups dates and times. The academic year is counted from 1 September (the start of
 * the school year in England); week 1 is 1–7 September, whatever day of the week it starts on, so a
 * week number means the same dates in every school.
 */

/**
 * Days since 1970-01-01 of an ISO date, by arithmetic (the proleptic Gregorian calendar). A report
 * over a large school does this for every incident; parsing a Date each time was its slowest step.
 */
export function dayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const n = computeDayNumber(date);
  remember(dayNumbers, date, n);
  return n;
}

/** A report meets the same few hundred dates and year groups thousands of times. */
const MEMO_ENTRIES = 10_000;
const dayNumbers = new Map<string, number>();
const yearGroupKeys = new Map<string, string>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_ENTRIES) memo.clear();
  memo.set(key, value);
}

function computeDayNumber(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function monthKey(date: IsoDate): string {
  return date.slice(0, 7);
}

export function monthLabel(key: string): string {
  const month = Number(key.slice(5, 7));
  return `${MONTHS[month - 1] ?? key} ${key.slice(0, 4)}`;
}

/** Every month from `from` to `to`, so a month with nothing in it still shows as 0. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const keys: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthKey(to);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return keys;
    keys.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The calendar year in which the academic year holding `date` began. */
export function academicYearStart(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year : year - 1;
}

/** `2025-26 W01`: the academic year and the week counted from 1 September. */
export function academicWeekKey(date: IsoDate): string {
  const start = academicYearStart(date);
  const week = Math.floor(daysFrom(`${start}-09-01`, date) / 7) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')} W${String(week).padStart(2, '0')}`;
}

export function academicWeekLabel(key: string): string {
  const [year, week] = key.split(' W') as [string, string];
  const start = addDays(`${year.slice(0, 4)}-09-01`, (Number(week) - 1) * 7);
  return `${year.replace('-', '/')} week ${Number(week)} (from ${Number(start.slice(8))} ${MONTHS[Number(start.slice(5, 7)) - 1]!})`;
}

/** The academic year from 1 September to 31 August holding `date`. */
export function academicYearRange(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const start = academicYearStart(date);
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof weekdays)[number];

export function weekday(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday.
  return weekdays[(((dayNumber(date) + 3) % 7) + 7) % 7]!;
}

/** Bands of the school day; the edges are the usual start, lunch and end of a school day in England. */
export const timeBands = [
  'before-school',
  'morning',
  'lunch',
  'afternoon',
  'after-school',
  'evening-night',
] as const;
export type TimeBand = (typeof timeBands)[number];

export const timeBandLabels: Record<TimeBand, string> = {
  'before-school': 'Before school (07:00–08:29)',
  morning: 'Morning (08:30–11:59)',
  lunch: 'Lunchtime (12:00–13:29)',
  afternoon: 'Afternoon (13:30–15:29)',
  'after-school': 'After school (15:30–17:59)',
  'evening-night': 'Evening and night (18:00–06:59)',
};

export function timeBand(time: string): TimeBand {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m;
  if (minutes < 7 * 60 || minutes >= 18 * 60) return 'evening-night';
  if (minutes < 8 * 60 + 30) return 'before-school';
  if (minutes < 12 * 60) return 'morning';
  if (minutes < 13 * 60 + 30) return 'lunch';
  if (minutes < 15 * 60 + 30) return 'afternoon';
  return 'after-school';
}

/**
 * Year groups are typed by staff ("Year 7", "Y7", "7", "Reception"); a report counts them in a fixed
 * set so that free text (which could hold anything) never reaches a report.
 */
export function yearGroupKey(yearGroup: string | null): string {
  if (!yearGroup) return 'not-recorded';
  const known = yearGroupKeys.get(yearGroup);
  if (known !== undefined) return known;
  const key = computeYearGroupKey(yearGroup);
  remember(yearGroupKeys, yearGroup, key);
  return key;
}

function computeYearGroupKey(yearGroup: string): string {
  const text = yearGroup.trim().toLowerCase();
  if (/^(r|rec|reception)$/.test(text)) return 'reception';
  if (/^(n|nursery)$/.test(text)) return 'nursery';
  const m = /^(?:year|yr|y)?\s*(\d{1,2})$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 14) return `year-${Number(m[1])}`;
  return 'other';
}

export function yearGroupLabel(key: string): string {
  if (key === 'not-recorded') return 'Not recorded';
  if (key === 'reception') return 'Reception';
  if (key === 'nursery') return 'Nursery';
  if (key === 'other') return 'Other';
  return `Year ${key.slice(5)}`;
}

export function yearGroupOrder(key: string): number {
  if (key === 'nursery') return -2;
  if (key === 'reception') return -1;
  if (key.startsWith('year-')) return Number(key.slice(5));
  return key === 'other' ? 100 : 101;
}

/** The middle value (mean of the two middle values for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
