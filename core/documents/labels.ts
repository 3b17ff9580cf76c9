import type {
  ChildRole,
  DecisionOption,
  HackettLevel,
  RiskContext,
  RiskLevel,
} from '../assessment/schema.js';

export const contextLabels: Record<RiskContext, string> = {
  classroom: 'Classroom and lessons',
  corridors: 'Corridors and moving between lessons',
  'toilets-changing': 'Toilets and changing rooms',
  'break-lunch': 'Break and lunch',
  'school-transport': 'School transport',
  'public-transport': 'Public transport',
  'clubs-activities': 'Before- and after-school clubs and activities',
  'trips-residentials': 'Trips and residentials',
  online: 'Online and devices',
  'home-community': 'Home and community',
  other: 'Other',
};

export const levelLabels: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

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

export const impactLabels: Record<string, string> = {
  effective: 'Effective',
  'partly-effective': 'Partly effective',
  'not-effective': 'Not effective',
  'not-yet-in-place': 'Not yet in place',
};

export const statusLabels = { draft: 'Draft', active: 'Active', closed: 'Closed' } as const;

export const sharingLabels: Record<string, string> = {
  staff: 'Staff',
  'parents-carers': 'Parents and carers',
  learner: 'The learner',
  'other-agency': 'Another agency',
};
