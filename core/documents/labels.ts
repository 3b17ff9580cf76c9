import type { ChildRole, DecisionOption, HackettLevel } from '../assessment/schema.js';
import type { ReferralAgency, ReferralStatus } from '../cases/case.js';
import type { ChildSex } from '../cases/child.js';

export const roleLabels: Record<ChildRole, string> = {
  harmed: 'Child harmed',
  witness: 'Witness',
  displayedHsb: 'Also displayed harmful sexual behaviour',
  other: 'Other child involved',
};

export const decisionLabels: Record<DecisionOption, string> = {
  'manage-internally': 'Managed in school',
  'early-help': 'Early help',
  'referral-csc': "Referral to children's social care",
  'report-police': 'Reported to the police',
};

export const hackettLabels: Record<HackettLevel, string> = {
  normal: 'Normal',
  inappropriate: 'Inappropriate',
  problematic: 'Problematic',
  abusive: 'Abusive',
  violent: 'Violent',
};

export const statusLabels = { draft: 'Draft', active: 'Active', closed: 'Closed' } as const;

export const sharingLabels: Record<string, string> = {
  staff: 'Staff',
  'parents-carers': 'Parents and carers',
  learner: 'The learner',
  'other-agency': 'Another agency',
};

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

export const sexLabels: Record<ChildSex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-known': 'Not known',
};
