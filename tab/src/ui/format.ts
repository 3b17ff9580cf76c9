import { toUkShort } from './uk-date';

/**
 * Dates are ISO `YYYY-MM-DD` calendar dates, shown the British way, e.g. "3 Mar 2026", whatever
 * language the browser is set to: the words come from the app, not from the browser's locale.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return toUkShort(iso);
}

/** A clock time on the 24-hour clock, e.g. "10:42", for "Saved 10:42". */
export function formatTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
