/**
 * `file`: one child's own record (their plan and chronology) for a subject access request or a
 * transfer of their file; every other child appears as "another child".
 */
export const documentAudiences = ['staff', 'parents', 'full', 'file'] as const;
export type DocumentAudience = (typeof documentAudiences)[number];

export type DocumentSection =
  | 'learner'
  | 'learnerNeeds'
  | 'incidents'
  | 'incidentNarrative'
  | 'otherChildren'
  | 'meeting'
  | 'risks'
  | 'views'
  | 'decision'
  | 'decisionReasons'
  | 'sharing'
  | 'reviewPlan'
  | 'reviewHistory'
  | 'staffNotes'
  | 'signOff'
  | 'closing';

/**
 * Which parts of an assessment each audience sees. Parents of the learner never see other children,
 * what happened to them, the harmed child's wishes, the DSL's reasoning or staff-only notes; staff who
 * work with the learner see what they need to carry out the plan.
 */
export const audienceSections: Record<DocumentAudience, ReadonlySet<DocumentSection>> = {
  full: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'incidentNarrative',
    'otherChildren',
    'meeting',
    'risks',
    'views',
    'decision',
    'decisionReasons',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  staff: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'otherChildren',
    'meeting',
    'risks',
    'decision',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  file: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'incidentNarrative',
    'meeting',
    'risks',
    'views',
    'decision',
    'decisionReasons',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  parents: new Set<DocumentSection>([
    'learner',
    'meeting',
    'risks',
    'views',
    'reviewPlan',
    'reviewHistory',
    'signOff',
  ]),
};

/** The line under the marking that says who the document is for. */
export const audienceLines: Record<DocumentAudience, string> = {
  full: 'Full record for the Designated Safeguarding Lead and the safeguarding team.',
  staff: 'For staff who work with the learner: share only with those who need to know.',
  parents: 'For the parents and carers of the learner named below.',
  file: 'The record of the child named below, from their own file. Other children appear as “another child”.',
};
