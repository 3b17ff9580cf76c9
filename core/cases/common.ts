import { z } from 'zod';

/** Shared field rules for the case-centred records (children, cases, chronology). */
export const isoDate = z.iso.date();
export const isoInstant = z.iso.datetime({ offset: true });
/** Ids the server makes are UUIDs; a client refers to a record only by one of those. */
export const recordId = z.uuid({ error: 'Not a record id.' });
/** Client-chosen or server-assigned id of an item inside a record (referral, incident…). */
export const itemId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use letters, digits, "-" or "_" (at most 64).');
export const shortText = z.string().trim().min(1).max(200);
export const longText = z.string().max(20_000);
/** A person's name as staff type it; stored only in a child record (or for staff, in lists of people). */
export const personName = z.string().trim().min(1).max(200);

/** Fields the store manages on every record: accepted back in a PUT body and ignored. */
export const storeManagedShape = {
  id: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
};

export interface StoreManaged {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Increases by one on every write; the ETag is derived from it. */
  version: number;
}
