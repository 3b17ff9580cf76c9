import type { RiskTemplate } from '../api/content-types';
import { contextTitle } from '../content/use-content';
import type { Draft } from './draft';

const labels: Record<string, string> = {
  status: 'Status',
  learner: 'Learner',
  'learner.name': 'Learner’s name',
  'learner.dateOfBirth': 'Date of birth',
  'learner.yearGroup': 'Year group',
  'learner.send': 'Special educational needs and disabilities',
  'learner.vulnerabilities': 'Other vulnerabilities',
  'learner.keyAdult': 'Key adult',
  incidents: 'Incidents',
  otherChildren: 'Other children',
  meeting: 'The meeting',
  'meeting.date': 'Date of the meeting',
  'meeting.attendees': 'Attendees',
  'meeting.parentsCarersTookPart': 'Parents or carers took part',
  'meeting.learnerContributed': 'The learner contributed',
  'meeting.learnerContribution': 'How the learner contributed',
  risks: 'Risks by context',
  views: 'Views',
  'views.learner': 'The learner’s views',
  'views.parentsCarers': 'Parents’ or carers’ views',
  decision: 'Decision',
  'decision.options': 'Decision: response',
  'decision.factors': 'Decision: factors weighed',
  'decision.victimWishes': 'Decision: wishes of the child harmed',
  'decision.rationale': 'Decision: why',
  'decision.decidedBy': 'Decision: decided by',
  'decision.decidedOn': 'Decision: decided on',
  sharing: 'Who it is shared with',
  review: 'Review plan',
  'review.frequencyWeeks': 'Review frequency',
  'review.nextDue': 'Next review',
  signOff: 'Sign-off',
  staffNotes: 'Staff notes',
  closingReason: 'Reason for closing',
  support: 'Support and interventions',
  keyAdultCover: 'Who covers when the key adult is away',
  supportPlan: 'Wishes and support',
  'supportPlan.viewsAndWishes': 'Their views and wishes',
  'supportPlan.wantsToHappen': 'What they want to happen',
  'supportPlan.wantsTold': 'Who they want told',
  'supportPlan.safeSpaces': 'Safe spaces',
  'supportPlan.trustedAdults': 'Trusted adults',
  'supportPlan.adjustments': 'Adjustments',
  'supportPlan.contactWithOtherChild': 'Contact with the other child',
  'supportPlan.measures': 'Support measures',
  'supportPlan.onlineHelp.reportRemove': 'Report Remove',
  'supportPlan.onlineHelp.notes': 'Other online help',
  changeReason: 'Reason for the changes',
};

const riskFields: Record<string, string> = {
  description: 'the risk',
  likelihood: 'likelihood',
  impact: 'impact',
  residualLikelihood: 'likelihood after strategies',
  residualImpact: 'impact after strategies',
  contextLabel: 'name of the context',
  affects: 'who could be harmed',
};

const strategyFields: Record<string, string> = {
  action: 'what',
  owner: 'who',
  ownerId: 'who',
  due: 'due',
  startDate: 'from',
  inPlace: 'in place',
};

/**
 * A person's name for a dotted field path (`risks.2.strategies.0.owner` → "Corridors: strategy 1,
 * who"), or an overlap id from the merge (`risks:<id>`), for save problems and the conflict dialog.
 */
export function describePath(path: string, draft: Draft, template: RiskTemplate | null): string {
  const [head, second, third, fourth, fifth] = path.split(/[.:]/);
  if (head === 'risks' && second !== undefined) {
    const risk =
      /^\d+$/.test(second) && path.includes('.')
        ? draft.risks[Number(second)]
        : draft.risks.find((r) => r.id === second);
    const title = risk ? contextTitle(template, risk.context, risk.contextLabel) : 'A context';
    if (third === 'strategies' && fourth !== undefined) {
      return `${title}: strategy ${Number(fourth) + 1}${fifth ? `, ${strategyFields[fifth] ?? fifth}` : ''}`;
    }
    return third ? `${title}: ${riskFields[third] ?? third}` : title;
  }
  if ((head === 'incidents' || head === 'otherChildren') && second !== undefined) {
    const list = head === 'incidents' ? draft.incidents : draft.otherChildren;
    const index =
      /^\d+$/.test(second) && path.includes('.') ? Number(second) : list.findIndex((i) => i.id === second);
    const noun = head === 'incidents' ? 'Incident' : 'Child';
    return `${noun} ${index >= 0 ? index + 1 : ''}`.trim() + (third ? `: ${third}` : '');
  }
  const twoLevels = second !== undefined ? `${head}.${second}` : (head ?? path);
  return labels[twoLevels] ?? labels[head ?? ''] ?? path;
}

/** Which section of the form holds a path, so a problem can take the user to it. */
export function sectionOf(path: string): string {
  const head = path.split(/[.:]/)[0];
  switch (head) {
    case 'learner':
      return 'learner';
    case 'incidents':
      return 'incidents';
    case 'otherChildren':
      return 'children';
    case 'meeting':
      return 'meeting';
    case 'risks':
      return 'risks';
    case 'views':
      return 'views';
    case 'decision':
      return 'decision';
    case 'sharing':
      return 'sharing';
    case 'review':
      return 'plan';
    case 'support':
    case 'keyAdultCover':
      return 'support';
    case 'supportPlan':
      return 'wishes';
    case 'signOff':
    case 'staffNotes':
      return 'signoff';
    default:
      return 'status';
  }
}
