import { planKindNames, type PlanKind } from '../../../../core/index.js';
import template from './assessment-created.json';
import caseTemplate from './case-created.json';
import { cardAttachment, expandCard } from './render-card.js';

const NAME_NOTE =
  'Add the learner’s name and details in the tab, where only your safeguarding team can see them. Until then the record shows “Not yet recorded”. Please don’t type names in this chat.';

/** A plan as a chat may name it: its kind and, for a support plan, the case's pseudonym of its child. */
export interface PlanMention {
  kind: PlanKind;
  /** The case's own pseudonym of the plan's child ("Child B"), never a name. */
  label?: string;
}

/**
 * "support plan (Child B)": a DSL can tell which child's plan it is without a name. A risk assessment
 * carries its pseudonym only when asked: a case usually has one, and the pseudonym adds nothing.
 */
export function planMention(plan: PlanMention, withLabel = plan.kind === 'support-plan'): string {
  const kind = planKindNames[plan.kind].toLowerCase();
  return withLabel && plan.label ? `${kind} (${plan.label})` : kind;
}

/** The answer to `new assessment`: the case reference and a link into the tab, never a child's details. */
export function assessmentCreatedCard(options: { caseRef: string; url: string }) {
  return cardAttachment(
    expandCard(template, { caseRef: options.caseRef, url: options.url, nameNote: NAME_NOTE }),
  );
}

/**
 * The answer to `new case`: the case reference, the plans made (by kind and pseudonym) and a link to the
 * case's page in the tab. Never a child's details.
 */
export function caseCreatedCard(options: { caseRef: string; url: string; plans: readonly PlanMention[] }) {
  return cardAttachment(
    expandCard(caseTemplate, {
      caseRef: options.caseRef,
      url: options.url,
      plans: options.plans.map((p) => ({
        title: p.label ?? 'Plan',
        value: `Draft ${planMention(p, false)}`,
      })),
      nameNote:
        'Add the children’s names, their roles and what happened in the tab, where only your safeguarding team can see them. Please don’t type names in this chat.',
    }),
  );
}
