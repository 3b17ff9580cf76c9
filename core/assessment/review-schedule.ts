import { addDays, daysBetween, type IsoDate } from '../dates.js';
import type { AssessmentStatus, RiskLevel } from './schema.js';

/**
 * Suggested weeks between reviews for a given overall risk. A suggestion only: the DSL sets the
 * frequency in the review plan, and guidance asks for plans to be kept under review, not for a fixed
 * interval.
 */
export const suggestedReviewWeeks: Record<RiskLevel, number> = { high: 2, medium: 4, low: 6 };

export function nextReviewDate(from: IsoDate, frequencyWeeks: number): IsoDate {
  if (!Number.isInteger(frequencyWeeks) || frequencyWeeks < 1) {
    throw new RangeError('Review frequency is a whole number of weeks.');
  }
  return addDays(from, frequencyWeeks * 7);
}

export function isOverdue(nextDue: IsoDate | null | undefined, today: IsoDate): boolean {
  return !!nextDue && nextDue < today;
}

/**
 * "Due" (DESIGN §3): not closed, with a next review date on or before `today + withinDays`. Overdue
 * reviews are due, and so are drafts, so that nothing planned is forgotten.
 */
export function isDue(
  item: { status: AssessmentStatus; nextDue: IsoDate | null | undefined },
  today: IsoDate,
  withinDays: number,
): boolean {
  return item.status !== 'closed' && !!item.nextDue && item.nextDue <= addDays(today, withinDays);
}

/** Days until the review is due; negative when overdue. */
export function daysUntilDue(nextDue: IsoDate, today: IsoDate): number {
  return daysBetween(today, nextDue);
}
