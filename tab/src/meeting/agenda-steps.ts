import type { RiskTemplate } from '../api/content-types';
import { contextTitle } from '../content/use-content';
import type { SectionId } from '../editor/assessment-editor';
import { riskComplete, type Draft } from '../editor/draft';
import { decisionComplete } from '../editor/payload';

/**
 * Meeting mode: the risk-assessment meeting as an agenda, one step at a time, in the order the
 * meeting talks — who is here, the child's and the parents' views, each context in turn, the
 * decision, the actions and the next review. Every step edits the plan through the form's own
 * section, so there is one editor and one save; "done" is read from the plan, never ticked by hand.
 */
export type AgendaStepId =
  'attendees' | 'views' | 'contexts' | `context-${string}` | 'decision' | 'actions' | 'review';

export interface AgendaStep {
  id: AgendaStepId;
  /** The step's heading, e.g. "Context 2 of 5: Corridors". */
  title: string;
  /** Its short name in the step list. */
  label: string;
  /** The form's section that edits it; `actions` is the agenda's own summary. */
  section: SectionId | 'actions';
  /** The context a context step shows, alone. */
  riskId?: string;
  done: boolean;
  /** What makes it done, for the step list. */
  doneWhen: string;
}

const has = (text: string | undefined): boolean => !!text && text.trim() !== '';

/** The plan's actions: every strategy, in the order of the contexts. */
export function actionsOf(draft: Pick<Draft, 'risks'>) {
  return draft.risks.flatMap((risk) => risk.strategies.map((strategy) => ({ risk, strategy })));
}

/** The agenda of a risk assessment as the plan stands. A support plan has no agenda. */
export function agendaSteps(draft: Draft, template: RiskTemplate | null): AgendaStep[] {
  if (draft.kind === 'support-plan') return [];
  const meeting = draft.meeting;
  const count = draft.risks.length;
  const contexts: AgendaStep[] =
    count === 0
      ? [
          {
            id: 'contexts',
            title: 'Risks by context',
            label: 'Contexts',
            section: 'risks',
            done: false,
            doneWhen: 'at least one context is added',
          },
        ]
      : draft.risks.map((risk, i) => {
          const name = contextTitle(template, risk.context, risk.contextLabel);
          return {
            id: `context-${risk.id}` as const,
            title: `Context ${i + 1} of ${count}: ${name}`,
            label: name,
            section: 'risks',
            riskId: risk.id,
            done: riskComplete(risk) && risk.strategies.length > 0,
            doneWhen: 'the risk is described and rated and has a strategy',
          };
        });
  const actions = actionsOf(draft);
  return [
    {
      id: 'attendees',
      title: 'Who is here',
      label: 'Who is here',
      section: 'meeting',
      done: (meeting?.attendees.length ?? 0) > 0,
      doneWhen: 'an attendee is recorded',
    },
    {
      id: 'views',
      title: 'The child’s views and the parents’ views',
      label: 'Views',
      section: 'views',
      done: has(draft.views?.learner) && has(draft.views?.parentsCarers),
      doneWhen: 'both views are recorded',
    },
    ...contexts,
    {
      id: 'decision',
      title: 'The decision',
      label: 'Decision',
      section: 'decision',
      done: !!draft.decision && decisionComplete(draft.decision),
      doneWhen: 'a way forward and the reasons are recorded',
    },
    {
      id: 'actions',
      title: 'Actions',
      label: 'Actions',
      section: 'actions',
      done: actions.length > 0 && actions.every(({ strategy }) => has(strategy.owner)),
      doneWhen: 'there are strategies, each with someone who does it',
    },
    {
      id: 'review',
      title: 'The next review',
      label: 'Next review',
      section: 'plan',
      done: has(draft.review.nextDue),
      doneWhen: 'the next review date is set',
    },
  ];
}

/**
 * The step a requested id names. A context that has just been removed gives the first context step
 * (the meeting stays with the contexts); an unknown id, or none, gives the first step.
 */
export function currentStep(
  steps: readonly AgendaStep[],
  requested: string | undefined,
): AgendaStep | undefined {
  const found = steps.find((s) => s.id === requested);
  if (found) return found;
  if (requested === 'contexts' || requested?.startsWith('context-')) {
    return steps.find((s) => s.section === 'risks');
  }
  return steps[0];
}

/**
 * The step holding a field, so a save problem can take the meeting to it; null when the field is
 * not on the agenda (the learner's details, sharing, sign-off), which the sections show instead.
 */
export function stepForPath(draft: Pick<Draft, 'risks'>, path: string): AgendaStepId | null {
  const [head, index] = path.split('.');
  switch (head) {
    case 'meeting':
      return 'attendees';
    case 'views':
      return 'views';
    case 'decision':
      return 'decision';
    case 'review':
      return 'review';
    case 'risks': {
      const risk = draft.risks[Number(index)];
      return risk ? `context-${risk.id}` : 'contexts';
    }
    default:
      return null;
  }
}

/** The form's section holding a step, to leave meeting mode where the meeting was. */
export function sectionOfStep(step: string | undefined): SectionId {
  if (step === 'attendees') return 'meeting';
  if (step === 'views' || step === 'decision') return step;
  if (step === 'review') return 'plan';
  return 'risks';
}

/** The step showing a section, to enter meeting mode where the form was; the first step otherwise. */
export function stepOfSection(section: string | undefined): AgendaStepId | undefined {
  switch (section) {
    case 'meeting':
      return 'attendees';
    case 'views':
    case 'decision':
      return section;
    case 'plan':
      return 'review';
    case 'risks':
      return 'contexts';
    default:
      return undefined;
  }
}
