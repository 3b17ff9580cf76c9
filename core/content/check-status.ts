import { longDate } from '../dates.js';

/**
 * Whether an item's facts were checked against the official text of the editions it follows, in the
 * words bot, tab and Word pane all show. An unchecked item is never shown as settled guidance: it says
 * so, and offers the writers' note of what is still to check.
 */
export const NOT_YET_CHECKED = 'Not yet checked against the current edition';

export interface CheckableItem {
  guidanceEdition: string;
  checkedOn?: string | null | undefined;
  verify?: string | null | undefined;
}

export interface CheckStatus {
  checked: boolean;
  /** "Checked against KCSIE 2026 and UKCIS 2024 on 2 December 2026", or NOT_YET_CHECKED. */
  label: string;
  /** What is still to check (the writers' `verify` note), shown on demand; null when there is none. */
  note: string | null;
}

export function checkStatus(item: CheckableItem): CheckStatus {
  const note = item.verify?.trim() || null;
  if (!item.checkedOn) return { checked: false, label: NOT_YET_CHECKED, note };
  const editions = item.guidanceEdition
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean);
  const against = editions.length > 1 ? `${editions.slice(0, -1).join(', ')} and ${editions.at(-1)}` : editions[0];
  return { checked: true, label: `Checked against ${against} on ${longDate(item.checkedOn)}`, note };
}
