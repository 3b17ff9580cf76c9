import type { OutboxEntryResponse } from '../api/actions.js';

export type OutboxEntry = OutboxEntryResponse;

/**
 * Local mode's outbox: the notifications that would have gone to Teams, kept so that someone trying
 * the product with no tenant can see who was told what. Entries hold a case reference, a due date
 * and a person's id and name: never a child's name or an action's text.
 */
export interface Outbox {
  add(entry: OutboxEntry): Promise<void>;
  /** Newest first, at most `limit`. */
  list(limit: number): Promise<OutboxEntry[]>;
}

export interface OutboxStore {
  outboxFor(schoolId: string): Outbox;
}

export function hasOutbox<S extends object>(store: S): store is S & OutboxStore {
  return typeof (store as Partial<OutboxStore>).outboxFor === 'function';
}
