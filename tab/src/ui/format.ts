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

/** At most `max` characters, cut at a word where there is one, with "…" to show something was left off. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A moment in the user's time zone, e.g. "9 Mar 2026, 08:05": the date and the time of one clock. */
export function formatDateTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}
