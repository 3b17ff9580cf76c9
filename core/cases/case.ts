import { z } from 'zod';
import {
  childRoles,
  decisionSchema,
  incidentSchema,
  planKinds,
  riskContexts,
  type ChildRole,
  type PlanKind,
  type DecisionFactor,
  type DecisionOption,
} from '../assessment/schema.js';
import { seenKinds } from '../classify/input.js';
import { childInputSchema } from './child.js';
import {
  isoDate,
  itemId,
  longText,
  recordId,
  shortText,
  storeManagedShape,
  type StoreManaged,
} from './common.js';

/**
 * A case: one report or a linked set of incidents, the children in it by role, the DSL's decision and
 * the multi-agency work around it. A case never holds a child's name: participants are child ids with
 * the case's own pseudonym ("Child A"), and free text mentions children as `@[child:<id>]` tokens.
 */

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Where a school refers to (KCSIE Part five and the local safeguarding partners' arrangements). */
export const referralAgencies = [
  'childrens-social-care',
  'police',
  'early-help',
  'specialist-hsb-service',
  'camhs',
  'youth-justice',
  'other',
] as const;
export type ReferralAgency = (typeof referralAgencies)[number];

export const referralStatuses = ['made', 'acknowledged', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const cscStatuses = [
  'none',
  'early-help',
  'child-in-need',
  'child-protection',
  'looked-after',
] as const;
export type CscStatus = (typeof cscStatuses)[number];

export const specialistAssessmentStatuses = ['none', 'requested', 'done'] as const;
export type SpecialistAssessmentStatus = (typeof specialistAssessmentStatuses)[number];

/** A child holds at most two roles in one case (e.g. harmed and displayed HSB). */
export const MAX_ROLES = 2;

const roles = z
  .array(z.enum(childRoles))
  .min(1, 'Give the child’s role in the case.')
  .max(MAX_ROLES, 'At most two roles.')
  .refine((r) => new Set(r).size === r.length, 'Each role once.');

export const referralSchema = z.strictObject({
  id: itemId.optional(),
  to: z.enum(referralAgencies),
  on: isoDate,
  reference: shortText.optional(),
  status: z.enum(referralStatuses).default('made'),
  outcome: longText.optional(),
  outcomeOn: isoDate.optional(),
});

export const socialWorkerSchema = z.strictObject({
  name: shortText,
  team: shortText.optional(),
  contact: shortText.optional(),
});

export const policeSharingSchema = z.strictObject({ what: shortText, with: shortText });

export const policeSchema = z.strictObject({
  reference: shortText.optional(),
  officer: shortText.optional(),
  investigationStatus: shortText.optional(),
  bailConditions: longText.optional(),
  agreedSharing: z.array(policeSharingSchema).max(50).default([]),
});

export const agenciesSchema = z.strictObject({
  referrals: z.array(referralSchema).max(100).default([]),
  socialWorker: socialWorkerSchema.optional(),
  cscStatus: z.enum(cscStatuses).default('none'),
  police: policeSchema.default({ agreedSharing: [] }),
  specialistAssessment: z.enum(specialistAssessmentStatuses).default('none'),
});

/** KCSIE: the four ways forward, the factors weighed, and the DSL's own reasons. Never generated. */
export const caseDecisionSchema = decisionSchema
  .omit({ victimWishes: true })
  .extend({ parentsCarers: longText.optional() });

/** A participant in POST /api/cases: a new child (created with the case) or an existing one. */
export const newParticipantSchema = z.strictObject({
  child: z.union([childInputSchema, z.strictObject({ id: recordId })]),
  roles,
});

/** A participant in PUT /api/cases/:id: children are referred to by id; `label` is server-managed. */
export const participantSchema = z.strictObject({
  childId: recordId,
  roles,
  label: z.string().optional(),
  assessmentId: z.string().optional(),
  plans: z
    .array(z.strictObject({ kind: z.enum(planKinds), assessmentId: z.string() }))
    .max(2)
    .optional(),
});

/**
 * An incident of a case. Beyond what a plan records, a case keeps what the school's trend analysis
 * counts: the time of day, the setting (the risk-assessment contexts) and the kinds of behaviour (the
 * guided placement's list), so that patterns of where and when can be seen without reading narratives.
 */
export const caseIncidentSchema = incidentSchema.extend({
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM.')
    .optional(),
  context: z.enum(riskContexts).optional(),
  kinds: z
    .array(z.enum(seenKinds))
    .max(seenKinds.length)
    .refine((k) => new Set(k).size === k.length, 'Each kind once.')
    .optional(),
});

const caseContentShape = {
  incidents: z.array(caseIncidentSchema).max(50).default([]),
  /** What was reported, in factual, behaviour-focused words; other children as mention tokens. */
  summary: longText.optional(),
  decision: caseDecisionSchema.optional(),
  agencies: agenciesSchema.default({
    referrals: [],
    cscStatus: 'none',
    police: { agreedSharing: [] },
    specialistAssessment: 'none',
  }),
};

/** POST /api/cases. */
export const createCaseSchema = z.strictObject({
  ...caseContentShape,
  participants: z.array(newParticipantSchema).min(1, 'A case needs at least one child.').max(30),
});

/** PUT /api/cases/:id: the body may be what GET returned. */
export const replaceCaseSchema = z.strictObject({
  ...caseContentShape,
  ...storeManagedShape,
  caseRef: z.string().optional(),
  status: z.enum(caseStatuses),
  participants: z.array(participantSchema).min(1, 'A case needs at least one child.').max(30),
  labelsIssued: z.number().optional(),
  closedOn: z.string().optional(),
  closingReason: z.string().trim().min(1).max(5_000).optional(),
});

export type ReferralInput = z.output<typeof referralSchema>;
export type Referral = ReferralInput & { id: string };
export type Police = z.output<typeof policeSchema>;
export type Agencies = Omit<z.output<typeof agenciesSchema>, 'referrals'> & { referrals: Referral[] };
export type CaseDecision = z.output<typeof caseDecisionSchema>;
export type CaseIncident = z.output<typeof caseIncidentSchema> & { id: string };
export type CreateCaseInput = z.output<typeof createCaseSchema>;
export type ReplaceCaseInput = z.output<typeof replaceCaseSchema>;

export interface Participant {
  childId: string;
  roles: ChildRole[];
  /** The case's own pseudonym: "Child A", "Child B"… in the order children joined; never reused. */
  label: string;
  /** The child's first plan in this case (risk assessment or support plan), when one was made. */
  assessmentId?: string;
  /**
   * Every plan the child has in this case, by kind: a child who both displayed HSB and was harmed
   * has a risk assessment and a support plan. Absent on records made before a child could hold two.
   */
  plans?: ParticipantPlan[];
}

export interface ParticipantPlan {
  kind: PlanKind;
  assessmentId: string;
}

/** The plans a child's roles call for: a risk assessment for HSB displayed, a support plan if harmed. */
export function planKindsFor(roles: readonly ChildRole[]): PlanKind[] {
  const kinds: PlanKind[] = [];
  if (roles.includes('displayedHsb')) kinds.push('risk-assessment');
  if (roles.includes('harmed')) kinds.push('support-plan');
  return kinds;
}

/**
 * The participant's plans by kind. A record from before `plans` existed has only `assessmentId`,
 * which was then always the plan their roles called for first.
 */
export function plansOf(p: Pick<Participant, 'roles' | 'assessmentId' | 'plans'>): ParticipantPlan[] {
  if (p.plans) return p.plans;
  const kind = planKindsFor(p.roles)[0];
  return p.assessmentId && kind ? [{ kind, assessmentId: p.assessmentId }] : [];
}

/** The participant's plan of one kind, if they have one. */
export function planOf(
  p: Pick<Participant, 'roles' | 'assessmentId' | 'plans'>,
  kind: PlanKind,
): string | undefined {
  return plansOf(p).find((x) => x.kind === kind)?.assessmentId;
}

/** What a backend stores for a case (everything but the store-managed fields and `caseRef`). */
export interface CaseData {
  status: CaseStatus;
  participants: Participant[];
  /** How many pseudonyms this case has given out, so that a removed child's label is never reused. */
  labelsIssued: number;
  incidents: CaseIncident[];
  summary?: string;
  decision?: CaseDecision;
  agencies: Agencies;
  closedOn?: string;
  closingReason?: string;
}

export interface Case extends CaseData, StoreManaged {
  /** `HSB-YYYY-N`: unique per school and year; what channels show instead of names. */
  caseRef: string;
}

/** A row of GET /api/cases: no names and no narrative. */
export interface CaseSummary {
  id: string;
  caseRef: string;
  status: CaseStatus;
  participants: { childId: string; roles: ChildRole[]; label: string }[];
  updatedAt: string;
}

/** "Child A" … "Child Z", then "Child AA" … — spreadsheet-column style, from a 0-based index. */
export function participantLabel(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Child ${letters}`;
}

export type { ChildRole, DecisionFactor, DecisionOption };
