import { ValidationError } from '../errors.js';

/**
 * Case references read `HSB-2026-0042`: the year the assessment was opened and a sequence that starts
 * at 1 each year and is unique within a school for that year. They are what the bot shows in channels
 * instead of a child's name, so they must never be derived from the child's details.
 */
const CASE_REF = /^HSB-(\d{4})-(\d{4,})$/;

export function formatCaseRef(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError('Year out of range.');
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('Sequence starts at 1.');
  return `HSB-${year}-${String(sequence).padStart(4, '0')}`;
}

export function parseCaseRef(value: string): { year: number; sequence: number } {
  const m = CASE_REF.exec(value.trim().toUpperCase());
  if (!m) throw new ValidationError('INVALID_CASE_REF', 'A case reference looks like HSB-2026-0042.');
  return { year: Number(m[1]), sequence: Number(m[2]) };
}

export function isCaseRef(value: string): boolean {
  return CASE_REF.test(value);
}

/** The next free reference for `year`, given the references already used in that school. */
export function nextCaseRef(year: number, existing: Iterable<string>): string {
  let max = 0;
  for (const ref of existing) {
    const m = CASE_REF.exec(ref);
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  return formatCaseRef(year, max + 1);
}
