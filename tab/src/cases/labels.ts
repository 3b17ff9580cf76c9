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

export const planKindLabels = {
  'risk-assessment': 'Risk assessment',
  'support-plan': 'Support plan',
} as const;
