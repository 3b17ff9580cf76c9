import type { ChildRole, DecisionFactor, DecisionOption, HackettLevel } from '../assessment/schema.js';
import type { CscStatus, ReferralAgency, ReferralStatus, SpecialistAssessmentStatus } from '../cases/case.js';

/** Wording used in referral text. Behaviour is labelled, never the child (content/guides/language.yaml). */

export const hackettLabels: Readonly<Record<HackettLevel, string>> = {
  normal: 'normal',
  inappropriate: 'inappropriate',
  problematic: 'problematic',
  abusive: 'abusive',
  violent: 'violent',
};

export const decisionLabels: Readonly<Record<DecisionOption, string>> = {
  'manage-internally': 'manage the behaviour within school',
  'early-help': 'early help',
  'referral-csc': "referral to children's social care",
  'report-police': 'report to the police',
};

export const factorLabels: Readonly<Record<DecisionFactor, string>> = {
  'victim-wishes': 'the wishes of the child harmed',
  nature: 'the nature of the behaviour',
  'ages-development': "the children's ages and developmental stages",
  'power-imbalance': 'any imbalance of power',
  pattern: 'whether it is a one-off or part of a pattern',
  'intimate-relationship': 'whether the children are in an intimate relationship',
  'intra-familial': 'whether there are concerns within the family',
  'ongoing-risk': 'ongoing risk to the children involved',
  'wider-context': 'the wider context, including harm outside school',
};

export const roleLabels: Readonly<Record<ChildRole, { one: string; many: string }>> = {
  harmed: { one: 'a child harmed', many: 'children harmed' },
  witness: { one: 'a child who witnessed it', many: 'children who witnessed it' },
  displayedHsb: {
    one: 'another child who also displayed harmful sexual behaviour',
    many: 'other children who also displayed harmful sexual behaviour',
  },
  other: { one: 'another child involved', many: 'other children involved' },
};

/** Role words when the referral is about a child who did not display the behaviour (e.g. the child harmed). */
export const roleLabelsForHarmedChild: Readonly<Record<ChildRole, { one: string; many: string }>> = {
  ...roleLabels,
  harmed: { one: 'another child harmed', many: 'other children harmed' },
  displayedHsb: {
    one: 'a child who displayed harmful sexual behaviour',
    many: 'children who displayed harmful sexual behaviour',
  },
};

/** Who a participant is, as the referral builder's child picker names them (with their pseudonym). */
export const participantRoleWords: Readonly<Record<ChildRole, string>> = {
  displayedHsb: 'displayed harmful sexual behaviour',
  harmed: 'harmed',
  witness: 'witnessed it',
  other: 'involved',
};

export const agencyWords: Readonly<Record<ReferralAgency, string>> = {
  'childrens-social-care': "children's social care",
  police: 'the police',
  'early-help': 'early help',
  'specialist-hsb-service': 'a specialist harmful sexual behaviour service',
  camhs: 'child and adolescent mental health services (CAMHS)',
  'youth-justice': 'the youth justice service',
  other: 'another agency',
};

export const referralStatusWords: Readonly<Record<ReferralStatus, string>> = {
  made: 'made',
  acknowledged: 'acknowledged',
  accepted: 'accepted',
  declined: 'declined',
  closed: 'closed',
};

export const cscStatusWords: Readonly<Record<CscStatus, string>> = {
  none: 'no involvement recorded',
  'early-help': 'early help',
  'child-in-need': 'child in need',
  'child-protection': 'child protection',
  'looked-after': 'looked after',
};

export const specialistWords: Readonly<Record<SpecialistAssessmentStatus, string>> = {
  none: 'not requested',
  requested: 'requested',
  done: 'done',
};

/** "a, b and c". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
