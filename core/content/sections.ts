/**
 * The headings of the HSB policy skeleton, in policy order; every one needs a clause. `summaries` holds
 * the versions of the policy written for pupils and for parents and carers, which the whole school
 * community must be able to read.
 */
export const requiredPolicySections = [
  'purpose-scope',
  'legal-framework',
  'definitions',
  'roles',
  'prevention',
  'recognising',
  'immediate-response',
  'online-nudes',
  'risk-assessment',
  'response-options',
  'support',
  'discipline',
  'shared-classes-transport',
  'parents-carers',
  'records',
  'training',
  'monitoring-review',
  'summaries',
] as const;
export type PolicySection = (typeof requiredPolicySections)[number];

/** The blocks of a local authority multi-agency referral form in form order. */
export const referralSections = [
  'referrer',
  'consent',
  'child',
  'behaviour',
  'continuum',
  'context-history',
  'actions-taken',
  'child-voice',
  'wider-concerns',
  'safety-measures',
  'request',
  'availability',
  'below-threshold',
] as const;
export type ReferralSection = (typeof referralSections)[number];

export const clauseKinds = ['policy', 'referral'] as const;
export type ClauseKind = (typeof clauseKinds)[number];

export const policySectionTitles: Readonly<Record<PolicySection, string>> = {
  'purpose-scope': 'Purpose and scope',
  'legal-framework': 'Legal framework and guidance',
  definitions: 'Definitions',
  roles: 'Roles and responsibilities',
  prevention: 'Prevention and whole-school approach',
  recognising: 'Recognising harmful sexual behaviour',
  'immediate-response': 'Responding to a report',
  'online-nudes': 'Online incidents and sharing nudes',
  'risk-assessment': 'Risk assessment and safety planning',
  'response-options': 'Response options and decisions',
  support: 'Support for the children involved',
  discipline: 'Discipline and exclusion',
  'shared-classes-transport': 'Shared classes and transport',
  'parents-carers': 'Working with parents and carers',
  records: 'Records and information sharing',
  training: 'Training',
  'monitoring-review': 'Monitoring and review',
  summaries: 'Summaries for pupils and for parents and carers',
};

export const referralSectionTitles: Readonly<Record<ReferralSection, string>> = {
  referrer: 'Referrer',
  consent: 'Consent and parents’ views',
  child: 'The child',
  behaviour: 'The behaviour',
  continuum: 'Place on the continuum',
  'context-history': 'Context and history',
  'actions-taken': 'What the school has done',
  'child-voice': 'The child’s voice',
  'wider-concerns': 'Wider safeguarding concerns',
  'safety-measures': 'Immediate safety measures',
  request: 'What is being asked for',
  availability: 'Availability',
  'below-threshold': 'If the referral is below threshold',
};

export function sectionsOf(kind: ClauseKind): readonly string[] {
  return kind === 'policy' ? requiredPolicySections : referralSections;
}
