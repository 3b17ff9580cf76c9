import { z } from 'zod';
import { isoDate, recordId } from './common.js';

/**
 * A dated entry in a case's or a child's chronology. Append-only: a mistake is corrected by a new
 * entry whose `corrects` names the entry it corrects; nothing is edited or deleted.
 */
export const chronologyKinds = [
  'concern',
  'incident',
  'decision',
  'referral',
  'outcome',
  'meeting',
  'plan-activated',
  'review',
  'transfer',
  'closed',
  'note',
] as const;
export type ChronologyKind = (typeof chronologyKinds)[number];

/** POST /api/cases/:id/chronology. `by` is the signed-in person, never typed. */
export const chronologyInputSchema = z.strictObject({
  date: isoDate,
  kind: z.enum(chronologyKinds),
  summary: z.string().trim().min(1, 'Say what happened.').max(5_000),
  /** The child this entry is about, when it is about one child of the case. */
  childId: recordId.optional(),
  corrects: recordId.optional(),
});

export type ChronologyInput = z.output<typeof chronologyInputSchema>;

export interface ChronologyEntryData {
  date: string;
  kind: ChronologyKind;
  /** Free text; other children appear only as `@[child:<id>]` tokens. */
  summary: string;
  /** Display name of the signed-in person (or the configured local user) who recorded it. */
  by: string;
  caseId?: string;
  childId?: string;
  corrects?: string;
}

export interface ChronologyEntry extends ChronologyEntryData {
  id: string;
  recordedAt: string;
}
