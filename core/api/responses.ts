import { z } from 'zod';
import { assessmentStatuses, childRoles, planKinds, riskLevels } from '../assessment/schema.js';
import {
  caseStatuses,
  cscStatuses,
  referralAgencies,
  referralStatuses,
  specialistAssessmentStatuses,
} from '../cases/case.js';
import { childSexes } from '../cases/child.js';
import { chronologyKinds } from '../cases/chronology.js';
import { transferMethods } from '../records/transfer.js';

/**
 * What the server answers. Objects are not strict here, so that a client built against this
 * contract keeps working when the server adds a field; the server's own tests check exact shapes.
 */

const storeManaged = { id: z.string(), createdAt: z.string(), updatedAt: z.string(), version: z.number() };

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A child-protection file transfer on a child's record. */
export const transferResponse = z.object({
  id: z.string(),
  receivingSchool: z.string(),
  sentOn: z.string(),
  method: z.enum(transferMethods),
  methodDetail: z.string().optional(),
  sentBy: z.string(),
  recordedAt: z.string(),
  receivedOn: z.string().optional(),
  confirmedBy: z.string().optional(),
  receiptRecordedBy: z.string().optional(),
});

export const childResponse = z.object({
  ...storeManaged,
  name: z.string(),
  dateOfBirth: z.string().optional(),
  yearGroup: z.string().optional(),
  sex: z.enum(childSexes).optional(),
  send: z.string().optional(),
  vulnerabilities: z.string().optional(),
  keyAdult: z.string().optional(),
  retainUntil: z.string().nullable(),
  transfers: z.array(transferResponse).optional(),
});

export const childSummaryResponse = z.object({
  id: z.string(),
  name: z.string(),
  yearGroup: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  updatedAt: z.string(),
});

export const participantResponse = z.object({
  childId: z.string(),
  roles: z.array(z.enum(childRoles)),
  label: z.string(),
  assessmentId: z.string().optional(),
  /** Every plan of the child in the case (a child harmed who also displayed HSB has two). */
  plans: z.array(z.object({ kind: z.enum(planKinds), assessmentId: z.string() })).optional(),
});

export const referralResponse = z.object({
  id: z.string(),
  to: z.enum(referralAgencies),
  on: z.string(),
  reference: z.string().optional(),
  status: z.enum(referralStatuses),
  outcome: z.string().optional(),
  outcomeOn: z.string().optional(),
});

export const caseResponse = z.object({
  ...storeManaged,
  caseRef: z.string(),
  status: z.enum(caseStatuses),
  participants: z.array(participantResponse),
  labelsIssued: z.number(),
  incidents: z.array(z.looseObject({ id: z.string() })),
  summary: z.string().optional(),
  decision: z
    .object({ options: z.array(z.string()), factors: z.array(z.string()), rationale: z.string() })
    .optional(),
  agencies: z.object({
    referrals: z.array(referralResponse),
    socialWorker: z
      .object({ name: z.string(), team: z.string().optional(), contact: z.string().optional() })
      .optional(),
    cscStatus: z.enum(cscStatuses),
    police: z.object({
      reference: z.string().optional(),
      officer: z.string().optional(),
      investigationStatus: z.string().optional(),
      bailConditions: z.string().optional(),
      agreedSharing: z.array(z.object({ what: z.string(), with: z.string() })),
    }),
    specialistAssessment: z.enum(specialistAssessmentStatuses),
  }),
  closedOn: z.string().optional(),
  closingReason: z.string().optional(),
});

export const caseSummaryResponse = z.object({
  id: z.string(),
  caseRef: z.string(),
  status: z.enum(caseStatuses),
  participants: z.array(participantResponse.omit({ assessmentId: true, plans: true })),
  updatedAt: z.string(),
});

export const chronologyEntryResponse = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(chronologyKinds),
  summary: z.string(),
  by: z.string(),
  caseId: z.string().optional(),
  childId: z.string().optional(),
  corrects: z.string().optional(),
  recordedAt: z.string(),
});

/** A plan (risk assessment or support plan). Only the fields the API guarantees are listed. */
export const assessmentResponse = z.looseObject({
  ...storeManaged,
  kind: z.enum(planKinds),
  caseId: z.string(),
  childId: z.string(),
  caseRef: z.string(),
  status: z.enum(assessmentStatuses),
  /** Read from the child record when the plan is read; never stored in the plan. */
  learner: z.looseObject({ name: z.string(), yearGroup: z.string().optional() }),
  risks: z.array(z.looseObject({ id: z.string() })).optional(),
  overallRisk: z.enum(riskLevels).nullable(),
  review: z.looseObject({ nextDue: z.string().optional() }),
  reviews: z.array(z.looseObject({ id: z.string(), date: z.string() })),
});

export const assessmentSummaryResponse = z.object({
  id: z.string(),
  kind: z.enum(planKinds),
  caseId: z.string(),
  childId: z.string(),
  caseRef: z.string(),
  status: z.enum(assessmentStatuses),
  learnerName: z.string(),
  yearGroup: z.string().nullable(),
  overallRisk: z.enum(riskLevels).nullable(),
  nextDue: z.string().nullable(),
  updatedAt: z.string(),
  overdue: z.boolean(),
});

export const reviewsDueResponse = z.object({
  withinDays: z.number(),
  today: z.string(),
  items: z.array(assessmentSummaryResponse.extend({ nextDue: z.string(), daysUntilDue: z.number() })),
});

export const meResponse = z.object({
  displayName: z.string(),
  kind: z.string(),
  mode: z.enum(['local', 'm365']),
  schools: z.array(z.object({ schoolId: z.string(), teamId: z.string().nullable() })),
});

export const healthResponse = z.object({
  status: z.literal('ok'),
  mode: z.enum(['local', 'm365']),
  storage: z.enum(['sqlite', 'sharepoint']),
  version: z.string(),
});

/** The meeting stage: children by pseudonym only, and the plan discussed (see core/assessment/stage-view.ts). */
export const stageResponse = z.looseObject({
  caseId: z.string().nullable(),
  caseRef: z.string(),
  children: z.array(
    z.strictObject({
      label: z.string(),
      roles: z.array(z.enum(childRoles)),
      plan: z.strictObject({ kind: z.enum(planKinds), status: z.enum(assessmentStatuses) }).optional(),
    }),
  ),
  plan: z
    .looseObject({
      id: z.string(),
      kind: z.enum(planKinds),
      label: z.string(),
      status: z.enum(assessmentStatuses),
      nextReview: z.string().nullable(),
    })
    .nullable(),
});

export type ChildResponse = z.output<typeof childResponse>;
export type TransferResponse = z.output<typeof transferResponse>;
export type ChildSummaryResponse = z.output<typeof childSummaryResponse>;
export type CaseResponse = z.output<typeof caseResponse>;
export type CaseSummaryResponse = z.output<typeof caseSummaryResponse>;
export type ChronologyEntryResponse = z.output<typeof chronologyEntryResponse>;
export type AssessmentResponse = z.output<typeof assessmentResponse>;
export type AssessmentSummaryResponse = z.output<typeof assessmentSummaryResponse>;
export type ReviewsDueResponse = z.output<typeof reviewsDueResponse>;
export type MeResponse = z.output<typeof meResponse>;
export type HealthResponse = z.output<typeof healthResponse>;
export type StageResponse = z.output<typeof stageResponse>;
