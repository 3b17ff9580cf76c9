import { z } from 'zod';
import { addYears } from './dates.js';
import type { Transfer } from '../records/transfer.js';
import { isoDate, longText, personName, shortText, storeManagedShape, type StoreManaged } from './common.js';

/**
 * A child known to the safeguarding team. This record is the ONLY place a child's name is stored:
 * plans, cases and chronology refer to the child by `id`, and free text mentions them as a token.
 */

/** Recorded for equality monitoring only. */
export const childSexes = ['female', 'male', 'other', 'not-known'] as const;
export type ChildSex = (typeof childSexes)[number];

/** Child-protection records are kept until the child's 25th birthday (IRMS retention schedule). */
export const RETENTION_YEARS_AFTER_BIRTH = 25;

const childContentShape = {
  name: personName,
  dateOfBirth: isoDate.optional(),
  yearGroup: z.string().trim().max(40).optional(),
  sex: z.enum(childSexes).optional(),
  send: longText.optional(),
  vulnerabilities: longText.optional(),
  keyAdult: shortText.optional(),
};

/** POST /api/children, and a new child inside POST /api/cases. */
export const childInputSchema = z.strictObject(childContentShape);

/** PUT /api/children/:id: the body may be what GET returned; server-managed fields are ignored. */
export const replaceChildSchema = z.strictObject({
  ...childContentShape,
  ...storeManagedShape,
  retainUntil: z.string().nullable().optional(),
  /** Recorded through the transfer routes only; a PUT keeps what is stored. */
  transfers: z.array(z.unknown()).optional(),
});

export type ChildInput = z.output<typeof childInputSchema>;

/** What a backend stores for a child (everything but the store-managed fields). */
export interface ChildData {
  name: string;
  dateOfBirth?: string;
  yearGroup?: string;
  sex?: ChildSex;
  send?: string;
  vulnerabilities?: string;
  keyAdult?: string;
  /** Server-computed: date of birth + 25 years; null while the date of birth is not known. */
  retainUntil: string | null;
  /** Child-protection file transfers to other schools, oldest first. */
  transfers?: Transfer[];
}

export interface Child extends ChildData, StoreManaged {}

/** A row of GET /api/children: enough to tell two children apart, nothing sensitive beyond that. */
export interface ChildSummary {
  id: string;
  name: string;
  yearGroup: string | null;
  dateOfBirth: string | null;
  updatedAt: string;
}

export function retainUntil(dateOfBirth: string | undefined): string | null {
  return dateOfBirth ? addYears(dateOfBirth, RETENTION_YEARS_AFTER_BIRTH) : null;
}

/** The stored form of a child's input: drops empty optional text, computes the retention date. */
export function childData(input: ChildInput): ChildData {
  const data: ChildData = { name: input.name.normalize('NFC'), retainUntil: retainUntil(input.dateOfBirth) };
  if (input.dateOfBirth) data.dateOfBirth = input.dateOfBirth;
  if (input.yearGroup) data.yearGroup = input.yearGroup;
  if (input.sex) data.sex = input.sex;
  if (input.send) data.send = input.send;
  if (input.vulnerabilities) data.vulnerabilities = input.vulnerabilities;
  if (input.keyAdult) data.keyAdult = input.keyAdult;
  return data;
}
