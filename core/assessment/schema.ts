import { z } from 'zod';
import { ownerIdSchema } from '../actions/owner-id.js';
import { personNameSchema } from '../names.js';

/**
 * The HSB risk assessment record (DESIGN §3 and §4). Field names listed in DESIGN §3 are a public
 * contract: `id`, `caseRef`, `status`, `learner.name`, `learner.yearGroup`, `otherChildren[].name/role`,
 * `risks[]`, `decision`, `review.nextDue`, `reviews[]`. Every object is strict: unknown fields are
 * rejected, never silently dropped.
 */

export const ASSESSMENT_SCHEMA_VERSION = 1;

export const assessmentStatuses = ['draft', 'active', 'closed'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const childRoles = ['harmed', 'witness', 'displayedHsb', 'other'] as const;
export type ChildRole = (typeof childRoles)[number];

/**
 * A plan is the record of one child in a case: a risk assessment for a child who displayed HSB, a
 * support plan for a child harmed (KCSIE Part five: their protection and support come first).
 */
export const planKinds = ['risk-assessment', 'support-plan'] as const;
export type PlanKind = (typeof planKinds)[number];

/** The contexts of the risk-assessment template (content/risk-assessment/contexts). */
export const riskContexts = [
  'classroom',
  'corridors',
  'toilets-changing',
  'break-lunch',
  'school-transport',
  'public-transport',
  'clubs-activities',
  'trips-residentials',
  'online',
  'home-community',
  'other',
] as const;
export type RiskContext = (typeof riskContexts)[number];

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Who could be harmed in a context: the learner, the child harmed, other children, staff. */
export const riskAffects = ['learner', 'harmed', 'others', 'staff'] as const;
export type RiskAffects = (typeof riskAffects)[number];

/** Hackett's continuum (Hackett 2010, as set out in the NSPCC HSB framework). */
export const hackettLevels = ['normal', 'inappropriate', 'problematic', 'abusive', 'violent'] as const;
export type HackettLevel = (typeof hackettLevels)[number];

/** KCSIE Part five's four ways forward after a report. */
export const decisionOptions = ['manage-internally', 'early-help', 'referral-csc', 'report-police'] as const;
export type DecisionOption = (typeof decisionOptions)[number];

/** The factors KCSIE asks the DSL to weigh (content/risk-assessment/decision.yaml explains each). */
export const decisionFactors = [
  'victim-wishes',
  'nature',
  'ages-development',
  'power-imbalance',
  'pattern',
  'intimate-relationship',
  'intra-familial',
  'ongoing-risk',
  'wider-context',
] as const;
export type DecisionFactor = (typeof decisionFactors)[number];

export const sharingAudiences = ['staff', 'parents-carers', 'learner', 'other-agency'] as const;
export const strategyImpacts = [
  'effective',
  'partly-effective',
  'not-effective',
  'not-yet-in-place',
] as const;

const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });
/** Client-chosen or server-assigned id of an item inside the record (risk, strategy, incident…). */
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use letters, digits, "-" or "_" (at most 64).');
const shortText = z.string().trim().min(1).max(200);
const mediumText = z.string().trim().min(1).max(2_000);
const longText = z.string().max(20_000);
const likert = z.number().int().min(1).max(3);

/**
 * Several may be harmed in one context, each named once. Clients and records from when only one
 * could be chosen sent a single value: it is read as a list of one, so they keep working.
 */
export const affectsSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z
      .array(z.enum(riskAffects))
      .max(riskAffects.length)
      .refine((a) => new Set(a).size === a.length, 'Each choice once.'),
  )
  .default([]);

export const learnerSchema = z.strictObject({
  name: personNameSchema,
  dateOfBirth: isoDate.optional(),
  yearGroup: z.string().trim().max(40).optional(),
  send: longText.optional(),
  vulnerabilities: longText.optional(),
  keyAdult: personNameSchema.optional(),
});

export const incidentSchema = z.strictObject({
  id: itemId.optional(),
  date: isoDate.optional(),
  location: shortText.optional(),
  online: z.boolean().optional(),
  description: longText.optional(),
  hackettLevel: z.enum(hackettLevels).optional(),
  brookRating: z.enum(['green', 'amber', 'red']).optional(),
});

export const otherChildSchema = z.strictObject({
  id: itemId.optional(),
  name: personNameSchema,
  role: z.enum(childRoles),
  yearGroup: z.string().trim().max(40).optional(),
  incidentIds: z.array(itemId).max(50).optional(),
});

export const attendeeSchema = z.strictObject({
  name: personNameSchema,
  role: shortText,
  organisation: shortText.optional(),
});

export const meetingSchema = z.strictObject({
  date: isoDate.optional(),
  attendees: z.array(attendeeSchema).max(50).default([]),
  parentsCarersTookPart: z.boolean().optional(),
  learnerContributed: z.boolean().optional(),
  learnerContribution: longText.optional(),
});

/** A risk's strategy or a support plan's measure: an action someone owns. */
export const strategySchema = z.strictObject({
  id: itemId.optional(),
  action: mediumText,
  /** The owner's name as shown, whether chosen from the directory or typed freely. */
  owner: personNameSchema,
  /**
   * The owner as a person (the people picker's choice): notified when the action becomes theirs, and
   * listed in their "My actions". Absent for a name typed freely (someone outside the tenant).
   */
  ownerId: ownerIdSchema.optional(),
  /** When the action should be in place; overdue after this date until it is. */
  due: isoDate.optional(),
  startDate: isoDate.optional(),
  inPlace: z.boolean().default(false),
});

export const riskSchema = z
  .strictObject({
    id: itemId.optional(),
    context: z.enum(riskContexts),
    contextLabel: shortText.optional(),
    affects: affectsSchema,
    description: mediumText,
    likelihood: likert,
    impact: likert,
    strategies: z.array(strategySchema).max(50).default([]),
    residualLikelihood: likert.optional(),
    residualImpact: likert.optional(),
    /** Server-managed: computed from likelihood × impact; any value sent is ignored. */
    levelBefore: z.enum(riskLevels).optional(),
    /** Server-managed: computed from the residual scores; any value sent is ignored. */
    levelAfter: z.enum(riskLevels).optional(),
  })
  .superRefine((risk, ctx) => {
    if (risk.context === 'other' && !risk.contextLabel) {
      ctx.addIssue({
        code: 'custom',
        path: ['contextLabel'],
        message: 'Name the context when it is "other".',
      });
    }
    if ((risk.residualLikelihood === undefined) !== (risk.residualImpact === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['residualImpact'],
        message: 'Give both the likelihood and the impact after strategies, or neither.',
      });
    }
  });

export const viewsSchema = z.strictObject({
  learner: longText.optional(),
  parentsCarers: longText.optional(),
});

export const decisionSchema = z.strictObject({
  options: z
    .array(z.enum(decisionOptions))
    .min(1)
    .max(4)
    .refine((o) => new Set(o).size === o.length, 'Each option once.'),
  factors: z
    .array(z.enum(decisionFactors))
    .max(decisionFactors.length)
    .refine((f) => new Set(f).size === f.length, 'Each factor once.')
    .default([]),
  victimWishes: longText.optional(),
  /** KCSIE: record every decision and the reasons for it. The DSL's words, never generated. */
  rationale: z.string().trim().min(1, 'Record why this decision was made.').max(20_000),
  decidedBy: shortText.optional(),
  decidedOn: isoDate.optional(),
});

export const sharingSchema = z.strictObject({
  audience: z.enum(sharingAudiences),
  who: shortText,
  informedOn: isoDate.optional(),
});

export const reviewPlanSchema = z.strictObject({
  frequencyWeeks: z.number().int().min(1).max(52).optional(),
  nextDue: isoDate.optional(),
});

export const strategyImpactSchema = z.strictObject({
  strategyId: itemId,
  impact: z.enum(strategyImpacts),
  note: longText.optional(),
});

/** What a client sends to append a review (POST /api/assessments/:id/reviews). */
export const reviewInputSchema = z.strictObject({
  date: isoDate,
  reviewedBy: personNameSchema.optional(),
  behaviourChanges: z.string().trim().min(1, 'Say whether the behaviour has changed.').max(20_000),
  strategyImpacts: z.array(strategyImpactSchema).max(200).default([]),
  newRiskLevel: z.enum(riskLevels).optional(),
  /** The next review date. Closing an assessment is a separate change, with its own reason. */
  nextDue: isoDate,
  notes: longText.optional(),
});

export const reviewEntrySchema = reviewInputSchema.extend({
  id: itemId,
  recordedAt: isoInstant,
});

export const signOffSchema = z.strictObject({
  name: personNameSchema,
  role: shortText,
  date: isoDate,
});

/** Whether the child and their parents saw the plan, and what they said. */
export const agreementSchema = z.strictObject({
  sharedOn: isoDate,
  comments: longText.optional(),
});

export const onlineHelpStatuses = ['not-needed', 'discussed', 'used'] as const;

/**
 * The support plan of a child harmed (KCSIE Part five: their wishes and feelings, their protection
 * and support). It is theirs: it never sits in another child's record.
 */
export const supportPlanSchema = z.strictObject({
  viewsAndWishes: longText.optional(),
  wantsToHappen: longText.optional(),
  wantsTold: longText.optional(),
  safeSpaces: longText.optional(),
  trustedAdults: longText.optional(),
  adjustments: longText.optional(),
  contactWithOtherChild: longText.optional(),
  /** Report Remove (Childline and the IWF) for images shared online, and other online help. */
  onlineHelp: z
    .strictObject({ reportRemove: z.enum(onlineHelpStatuses).optional(), notes: longText.optional() })
    .optional(),
  /** What is done to support the child; each is evaluated at review like a risk strategy. */
  measures: z.array(strategySchema).max(100).default([]),
});

/** Everything a client may write. Status changes are checked against the lifecycle rules. */
const contentShape = {
  status: z.enum(assessmentStatuses).optional(),
  learner: learnerSchema,
  incidents: z.array(incidentSchema).max(50).default([]),
  otherChildren: z.array(otherChildSchema).max(50).default([]),
  meeting: meetingSchema.optional(),
  risks: z.array(riskSchema).max(100).default([]),
  views: viewsSchema.optional(),
  decision: decisionSchema.optional(),
  sharing: z.array(sharingSchema).max(100).default([]),
  review: reviewPlanSchema.default({}),
  signOff: z.array(signOffSchema).max(20).default([]),
  /** Notes for the safeguarding team only: never in a parents' document. */
  staffNotes: longText.optional(),
  closingReason: z.string().trim().min(1).max(5_000).optional(),
  /** Risk assessment: support and interventions for the child who displayed HSB. */
  support: longText.optional(),
  /** Risk assessment: who covers when the key adult is away. */
  keyAdultCover: longText.optional(),
  supportPlan: supportPlanSchema.optional(),
  agreement: z
    .strictObject({ parents: agreementSchema.optional(), child: agreementSchema.optional() })
    .optional(),
};

/**
 * POST /api/assessments. A draft needs nothing but `learner.name` (a child, a case and a risk
 * assessment are made around it), or `caseId` and `childId` for a further plan in a case.
 */
export const createAssessmentSchema = z
  .strictObject({
    ...contentShape,
    learner: learnerSchema.optional(),
    kind: z.enum(planKinds).optional(),
    caseId: z.uuid().optional(),
    childId: z.uuid().optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.caseId === undefined) !== (input.childId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['childId'],
        message: 'Give both caseId and childId, or neither.',
      });
    }
    if (input.caseId === undefined && input.learner === undefined) {
      ctx.addIssue({ code: 'custom', path: ['learner', 'name'], message: 'Give the child’s name.' });
    }
  });

/**
 * PUT /api/assessments/:id. The body may be exactly what GET returned: server-managed fields are
 * accepted, `id` and `caseRef` must match the record, the rest (timestamps, version, computed levels,
 * the review history, which only grows through POST …/reviews) is ignored.
 */
export const replaceAssessmentSchema = z.strictObject({
  ...contentShape,
  status: z.enum(assessmentStatuses),
  id: z.string().optional(),
  caseRef: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
  overallRisk: z.enum(riskLevels).nullable().optional(),
  closedOn: z.string().optional(),
  reviews: z.array(z.unknown()).optional(),
  kind: z.enum(planKinds).optional(),
  caseId: z.string().optional(),
  childId: z.string().optional(),
  riskHistory: z.array(z.unknown()).optional(),
  signedOff: z.unknown().optional(),
  /** Records the caller as the headteacher's countersignature. */
  countersign: z.boolean().optional(),
  /** Why this change was made; required for every change once the assessment is active. */
  changeReason: z.string().trim().min(1).max(5_000).optional(),
});

type WithIds<T> = T & { id: string };
type Strategy = WithIds<z.output<typeof strategySchema>>;

export type Learner = z.output<typeof learnerSchema>;
export type Incident = WithIds<z.output<typeof incidentSchema>>;
export type OtherChild = WithIds<z.output<typeof otherChildSchema>>;
export type Meeting = z.output<typeof meetingSchema>;
export type AssessmentStrategy = Strategy;
export type Risk = Omit<z.output<typeof riskSchema>, 'id' | 'strategies' | 'levelBefore' | 'levelAfter'> & {
  id: string;
  strategies: Strategy[];
  levelBefore: RiskLevel;
  levelAfter?: RiskLevel;
};
export type Views = z.output<typeof viewsSchema>;
export type Decision = z.output<typeof decisionSchema>;
export type Sharing = z.output<typeof sharingSchema>;
export type ReviewPlan = z.output<typeof reviewPlanSchema>;
export type ReviewInput = z.output<typeof reviewInputSchema>;
export type ReviewEntry = z.output<typeof reviewEntrySchema>;
export type SignOff = z.output<typeof signOffSchema>;
export type SupportPlan = z.output<typeof supportPlanSchema> & { measures: Strategy[] };
export type Agreement = z.output<typeof agreementSchema>;
export type CreateAssessmentInput = z.output<typeof createAssessmentSchema>;
export type ReplaceAssessmentInput = z.output<typeof replaceAssessmentSchema>;

/** Someone who signed, as the server knows them: never a name typed into the form. */
export interface Signature {
  actorId: string;
  name: string;
  on: string;
}

/** How the plan's overall risk changed: from the risk table, or set by a review. */
export interface RiskLevelChange {
  level: RiskLevel | null;
  on: string;
  source: 'risks' | 'review';
  reviewId?: string;
}

/**
 * The content of a plan as a backend stores it: everything but the fields the store manages. A plan
 * in a case holds no child's name: `learner` and `otherChildren` are composed from the child
 * records when it is read, and are kept here only by backends that do not hold cases yet.
 */
export interface AssessmentData {
  kind: PlanKind;
  caseId?: string;
  childId?: string;
  status: AssessmentStatus;
  learner?: Learner;
  incidents: Incident[];
  otherChildren: OtherChild[];
  meeting?: Meeting;
  risks: Risk[];
  views?: Views;
  decision?: Decision;
  sharing: Sharing[];
  review: ReviewPlan;
  reviews: ReviewEntry[];
  signOff: SignOff[];
  staffNotes?: string;
  closingReason?: string;
  closedOn?: string;
  overallRisk: RiskLevel | null;
  riskHistory?: RiskLevelChange[];
  support?: string;
  keyAdultCover?: string;
  supportPlan?: SupportPlan;
  agreement?: { parents?: Agreement; child?: Agreement };
  signedOff?: { dsl?: Signature; headteacher?: Signature };
}

/** A plan as a backend stores and returns it. */
export interface PlanRecord extends AssessmentData {
  id: string;
  /** The case's reference for a plan in a case; otherwise assigned by the backend. */
  caseRef: string;
  createdAt: string;
  updatedAt: string;
  /** Increases by one on every write; the ETag is derived from it. */
  version: number;
}

/** The full plan as GET returns it: the stored plan with the child's details read from their record. */
export interface Assessment extends PlanRecord {
  learner: Learner;
}

/** A list row: enough to find and triage a plan, no narrative text. */
export interface AssessmentSummary {
  id: string;
  kind: PlanKind;
  caseId: string | null;
  childId: string | null;
  caseRef: string;
  status: AssessmentStatus;
  learnerName: string;
  yearGroup: string | null;
  overallRisk: RiskLevel | null;
  nextDue: string | null;
  updatedAt: string;
}
