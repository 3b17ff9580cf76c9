import type {
  CscStatus,
  ReferralAgency,
  ReferralStatus,
  SpecialistAssessmentStatus,
} from '../../../core/cases/case';
import type { ChronologyKind } from '../../../core/cases/chronology';
import type { ChildSex } from '../../../core/cases/child';

/**
 * What the tab calls the case model's coded values. Role, decision and plan labels come from
 * core/documents/labels.ts so a document and the screen always say the same thing.
 */

export const agencyLabels: Record<ReferralAgency, string> = {
  'childrens-social-care': 'Children’s social care',
  police: 'Police',
  'early-help': 'Early help',
  'specialist-hsb-service': 'Specialist harmful sexual behaviour service',
  camhs: 'Child and adolescent mental health services (CAMHS)',
  'youth-justice': 'Youth justice service',
  other: 'Other agency',
};

export const referralStatusLabels: Record<ReferralStatus, string> = {
  made: 'Made',
  acknowledged: 'Acknowledged',
  accepted: 'Accepted',
  declined: 'Declined',
  closed: 'Closed',
};

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

export const sexLabels: Record<ChildSex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-known': 'Not known',
};

export const planKindLabels = {
  'risk-assessment': 'Risk assessment',
  'support-plan': 'Support plan',
} as const;
