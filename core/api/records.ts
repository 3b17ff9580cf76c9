import { z } from 'zod';
import { childRoles, planKinds } from '../assessment/schema.js';
import { caseStatuses } from '../cases/case.js';
import { eraseInputSchema } from '../records/erasure.js';
import { transferInputSchema, transferReceiptSchema } from '../records/transfer.js';
import { apiRoutes } from './paths.js';
import { daysParam, noQuery } from './queries.js';
import { chronologyEntryResponse, referralResponse, transferResponse } from './responses.js';

/**
 * The contract of a child's whole record: transfer of the child-protection file, subject access,
 * retention review and erasure. Kept beside the main contract and spread into it.
 */

/** A transfer just recorded, with where to download the child's own file. */
export const transferSentResponse = z.object({
  transfer: transferResponse,
  /** One .docx per plan (audience `file`), then the same record as JSON. */
  documents: z.array(
    z.object({ assessmentId: z.string(), caseRef: z.string(), kind: z.enum(planKinds), href: z.string() }),
  ),
  exportHref: z.string(),
});

export const awaitingReceiptResponse = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      childId: z.string(),
      transferId: z.string(),
      sentOn: z.string(),
      dueBy: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export const retentionDueQuery = z.strictObject({ withinDays: daysParam.default(90) });

export const retentionReviewResponse = z.object({
  today: z.string(),
  withinDays: z.number(),
  items: z.array(
    z.object({
      childId: z.string(),
      name: z.string(),
      yearGroup: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      retainUntil: z.string().nullable(),
      reason: z.enum(['due', 'no-date-of-birth']),
    }),
  ),
});

export const erasureResponse = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  reason: z.string(),
  counts: z.object({
    plans: z.number(),
    cases: z.number(),
    casesKept: z.number(),
    chronology: z.number(),
    documents: z.number(),
  }),
});

const caseAsItConcerns = z.looseObject({
  caseRef: z.string(),
  status: z.enum(caseStatuses),
  roles: z.array(z.enum(childRoles)),
  label: z.string(),
  otherChildren: z.number(),
  summary: z.string().optional(),
  incidents: z.array(z.looseObject({})),
  decision: z.looseObject({}).optional(),
  referrals: z.array(referralResponse),
});

/** GET /api/children/:id/export: one child's record for a subject access request or a transfer. */
export const subjectAccessResponse = z.object({
  generatedAt: z.string(),
  child: z.looseObject({ id: z.string(), name: z.string(), retainUntil: z.string().nullable() }),
  plans: z.array(z.looseObject({ id: z.string(), kind: z.enum(planKinds), caseRef: z.string() })),
  cases: z.array(caseAsItConcerns),
  chronology: z.array(chronologyEntryResponse),
  transfers: z.array(transferResponse),
});

export const recordsContract = {
  sendTransfer: {
    method: 'POST',
    path: apiRoutes.childTransfers,
    query: noQuery,
    body: transferInputSchema,
    response: transferSentResponse,
    status: 201,
  },
  confirmTransferReceipt: {
    method: 'PUT',
    path: apiRoutes.childTransfer,
    query: noQuery,
    body: transferReceiptSchema,
    response: transferResponse,
    status: 200,
  },
  transfersAwaitingReceipt: {
    method: 'GET',
    path: apiRoutes.transfersAwaitingReceipt,
    query: noQuery,
    response: awaitingReceiptResponse,
    status: 200,
  },
  childExport: {
    method: 'GET',
    path: apiRoutes.childExport,
    query: noQuery,
    response: subjectAccessResponse,
    status: 200,
  },
  retentionDue: {
    method: 'GET',
    path: apiRoutes.retentionDue,
    query: retentionDueQuery,
    response: retentionReviewResponse,
    status: 200,
  },
  eraseChild: {
    method: 'POST',
    path: apiRoutes.childErase,
    query: noQuery,
    body: eraseInputSchema,
    response: erasureResponse,
    status: 200,
  },
} as const;

export type TransferSentResponse = z.output<typeof transferSentResponse>;
export type AwaitingReceiptResponse = z.output<typeof awaitingReceiptResponse>;
export type RetentionReviewResponse = z.output<typeof retentionReviewResponse>;
export type ErasureResponse = z.output<typeof erasureResponse>;
export type SubjectAccessResponse = z.output<typeof subjectAccessResponse>;
