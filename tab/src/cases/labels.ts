import type { CscStatus, SpecialistAssessmentStatus } from '../../../core/cases/case';
import type { ChronologyKind } from '../../../core/cases/chronology';

/**
 * What the tab calls the case model's coded values. Role, decision and plan labels come from
 * core/documents/labels.ts so a document and the screen always say the same thing.
 */

export { agencyLabels, referralStatusLabels, sexLabels } from '../../../core/documents/labels';

export const cscStatusLabels: Record<CscStatus, string> = {
  none: 'No involvement',
  'early-help': 'Early help',
  'child-in-need': 'Child in need',
  'child-protection': 'Child protection',
  'looked-after': 'Looked after',
};

export const specialistLabels: Record<SpecialistAssessmentStatus, string> = {
  none: 'Not requested',
  requested: 'Requested',
  done: 'Done',
};

export const chronologyKindLabels: Record<ChronologyKind, string> = {
  concern: 'Concern',
  incident: 'Incident',
  decision: 'Decision',
  referral: 'Referral',
  outcome: 'Outcome',
  meeting: 'Meeting',
  'plan-activated': 'Plan activated',
  review: 'Review',
  transfer: 'Transfer',
  closed: 'Closed',
  note: 'Note',
};

export { planKindNames as planKindLabels } from '../../../core/cases/case-service';

/**
 * The case page's field labels: the visible label of each box and the words a save problem or a
 * conflict uses for it, so the two never differ. Keys are dotted paths without list indexes.
 */
export const caseFieldLabels = {
  'incidents.date': 'Date',
  'incidents.location': 'Where, or the context',
  'incidents.online': 'Online',
  'incidents.time': 'Time of day (if known)',
  'incidents.context': 'Setting',
  'incidents.kinds': 'Kinds of behaviour (choose all that apply)',
  'incidents.description': 'What happened (the behaviour, in factual words)',
  'incidents.hackettLevel': 'Place on Hackett’s continuum (the DSL’s judgement)',
  'incidents.brookRating': 'Brook Traffic Light (if your school uses it)',
  'decision.options': 'Ways forward (one or more)',
  'decision.factors': 'Factors weighed',
  'decision.rationale': 'Why (the DSL’s reasons)',
  'decision.parentsCarers': 'Parents’ and carers’ views',
  'decision.decidedBy': 'Decided by',
  'decision.decidedOn': 'Decided on',
  'agencies.referrals.to': 'Referred to',
  'agencies.referrals.on': 'Made on',
  'agencies.referrals.reference': 'Their reference',
  'agencies.referrals.status': 'Status',
  'agencies.referrals.outcome': 'Outcome',
  'agencies.referrals.outcomeOn': 'Outcome on',
  'agencies.socialWorker.name': 'Social worker',
  'agencies.socialWorker.team': 'Social worker’s team',
  'agencies.socialWorker.contact': 'Social worker’s contact',
  'agencies.cscStatus': 'Children’s social care status',
  'agencies.police.reference': 'Police reference',
  'agencies.police.officer': 'Police officer',
  'agencies.police.investigationStatus': 'Investigation status',
  'agencies.police.bailConditions': 'Bail conditions or orders',
  'agencies.police.agreedSharing.what': 'What the police agreed may be shared',
  'agencies.police.agreedSharing.with': 'With whom',
  'agencies.specialistAssessment': 'Specialist (e.g. AIM) assessment',
  participants: 'Children in the case',
  'participants.roles': 'Roles',
  summary: 'What was reported',
} as const;
export type CaseFieldPath = keyof typeof caseFieldLabels;
