import { z } from 'zod';
import { isoDate, shortText } from '../cases/common.js';
import { addDays, type IsoDate } from '../dates.js';

/**
 * A child-protection file sent to the child's next school. KCSIE asks the DSL to send it within five
 * school days of an in-year move (or of the start of a new term), separately from the main pupil file,
 * and to get confirmation that it arrived; the transfer stays "awaiting receipt" until that is recorded.
 */
export const transferMethods = ['secure-transfer-service', 'by-hand', 'other'] as const;
export type TransferMethod = (typeof transferMethods)[number];

/** Receipt is chased once this many school days have passed since sending. */
export const RECEIPT_EXPECTED_SCHOOL_DAYS = 5;

/** POST /api/children/:id/transfers. Who sent it is the signed-in person, never typed. */
export const transferInputSchema = z.strictObject({
  receivingSchool: shortText,
  sentOn: isoDate,
  method: z.enum(transferMethods),
  /** When `method` is `other`: how it went (never a parent as courier). */
  methodDetail: shortText.optional(),
});

/** PUT /api/children/:id/transfers/:tid: the receiving school confirmed receipt. */
export const transferReceiptSchema = z.strictObject({
  receivedOn: isoDate,
  /** Who at the receiving school confirmed it (their role or name, as they signed it). */
  confirmedBy: shortText,
});

export type TransferInput = z.output<typeof transferInputSchema>;
export type TransferReceipt = z.output<typeof transferReceiptSchema>;

export interface Transfer extends TransferInput {
  id: string;
  /** The signed-in DSL who sent it. */
  sentBy: string;
  recordedAt: string;
  receivedOn?: string;
  confirmedBy?: string;
  /** Who recorded the receipt (signed in). */
  receiptRecordedBy?: string;
}

/**
 * The date `days` school days after `from`, counting Monday to Friday only. The product does not
 * know a school's holidays or training days, so across a holiday the reminder comes early, never late.
 */
export function addSchoolDays(from: IsoDate, days: number): IsoDate {
  let date = from;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

/** When a receipt should have come back by. */
export function receiptDueBy(transfer: Pick<Transfer, 'sentOn'>): IsoDate {
  return addSchoolDays(transfer.sentOn, RECEIPT_EXPECTED_SCHOOL_DAYS);
}

/** Sent, not confirmed, and more than five school days ago. */
export function receiptOverdue(transfer: Transfer, today: IsoDate): boolean {
  return transfer.receivedOn === undefined && receiptDueBy(transfer) < today;
}

/** How each method is shown to staff. */
export const transferMethodLabels: Record<TransferMethod, string> = {
  'secure-transfer-service': 'Secure transfer service',
  'by-hand': 'By hand, with a signed receipt',
  other: 'Other secure route',
};
