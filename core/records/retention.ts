import { addDays, type IsoDate } from '../dates.js';
import { retainUntil, type ChildSummary } from '../cases/child.js';

/** How far ahead the retention review list looks unless asked otherwise. */
export const RETENTION_REVIEW_WINDOW_DAYS = 90;

export type RetentionReason = 'due' | 'no-date-of-birth';

/** A row of the retention review list: the DSL reviews the record, or first gives its date of birth. */
export interface RetentionReviewItem {
  childId: string;
  name: string;
  yearGroup: string | null;
  dateOfBirth: string | null;
  retainUntil: string | null;
  reason: RetentionReason;
}

/**
 * Children whose records have reached their retention date (date of birth + 25 years) or will
 * within `withinDays`, and children whose retention date cannot be known without a date of birth.
 * Reaching the date starts a review: the DSL decides whether to erase or keep, and records why.
 */
export function retentionReview(
  children: readonly ChildSummary[],
  today: IsoDate,
  withinDays: number,
): RetentionReviewItem[] {
  const horizon = addDays(today, withinDays);
  const due: RetentionReviewItem[] = [];
  const unknown: RetentionReviewItem[] = [];
  for (const c of children) {
    const until = retainUntil(c.dateOfBirth ?? undefined);
    const item = {
      childId: c.id,
      name: c.name,
      yearGroup: c.yearGroup,
      dateOfBirth: c.dateOfBirth,
      retainUntil: until,
    };
    if (until === null) unknown.push({ ...item, reason: 'no-date-of-birth' });
    else if (until <= horizon) due.push({ ...item, reason: 'due' });
  }
  due.sort((a, b) => (a.retainUntil! < b.retainUntil! ? -1 : a.retainUntil! > b.retainUntil! ? 1 : 0));
  return [...due, ...unknown];
}
