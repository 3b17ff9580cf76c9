import type {
  AssessmentData,
  AssessmentStrategy,
  PlanKind,
  PlanRecord,
  RiskContext,
} from '../assessment/schema.js';
import { longDate, type IsoDate } from '../dates.js';
import type { ActionItemKind } from '../api/actions.js';

/** One action of a plan: a risk's strategy (with the risk's context) or a support plan's measure. */
export interface PlanAction {
  itemKind: ActionItemKind;
  strategy: AssessmentStrategy;
  context?: RiskContext;
}

/** Every action of a plan, strategies in risk order first, then measures. */
export function actionsOfPlan(plan: Pick<AssessmentData, 'risks' | 'supportPlan'>): PlanAction[] {
  const items: PlanAction[] = [];
  for (const risk of plan.risks) {
    for (const strategy of risk.strategies)
      items.push({ itemKind: 'strategy', strategy, context: risk.context });
  }
  for (const strategy of plan.supportPlan?.measures ?? []) items.push({ itemKind: 'measure', strategy });
  return items;
}

/** An action that has just become someone's. */
export interface ActionAssignment {
  itemKind: ActionItemKind;
  strategyId: string;
  ownerId: string;
  /** The owner's display name, as the plan shows it. */
  owner: string;
  due?: IsoDate;
}

/**
 * The actions a save gave to someone: every strategy or measure of `after` with an `ownerId` that the
 * same item (same kind and id) did not have in `before` — a new action, or a new owner. A closed plan
 * gives no one anything. Saving the same owner again, or changing only the text or the date, is not
 * a new assignment.
 */
export function newAssignments(
  before: Pick<AssessmentData, 'risks' | 'supportPlan'> | undefined,
  after: Pick<AssessmentData, 'risks' | 'supportPlan' | 'status'>,
): ActionAssignment[] {
  if (after.status === 'closed') return [];
  const previous = new Map(
    (before ? actionsOfPlan(before) : []).map((a) => [`${a.itemKind}:${a.strategy.id}`, a.strategy.ownerId]),
  );
  const given: ActionAssignment[] = [];
  for (const { itemKind, strategy } of actionsOfPlan(after)) {
    const ownerId = strategy.ownerId;
    if (ownerId === undefined || previous.get(`${itemKind}:${strategy.id}`) === ownerId) continue;
    given.push({
      itemKind,
      strategyId: strategy.id,
      ownerId,
      owner: strategy.owner,
      ...(strategy.due ? { due: strategy.due } : {}),
    });
  }
  return given;
}

/**
 * A notification that an action is someone's. It carries the case reference and the due date only:
 * never a child's name and never the action's text, which may describe a child.
 */
export interface ActionNotice {
  to: { id: string; displayName: string };
  caseRef: string;
  assessmentId: string;
  planKind: PlanKind;
  due?: IsoDate;
  /** The words shown to the owner: see `noticeText`. */
  text: string;
}

/** "You have a new action in HSB-2026-001, due 20 March 2026." */
export function noticeText(caseRef: string, due?: IsoDate): string {
  return due
    ? `You have a new action in ${caseRef}, due ${longDate(due)}.`
    : `You have a new action in ${caseRef}.`;
}

export function noticesFor(
  plan: Pick<PlanRecord, 'id' | 'caseRef' | 'kind'>,
  given: readonly ActionAssignment[],
): ActionNotice[] {
  return given.map((a) => ({
    to: { id: a.ownerId, displayName: a.owner },
    caseRef: plan.caseRef,
    assessmentId: plan.id,
    planKind: plan.kind,
    ...(a.due ? { due: a.due } : {}),
    text: noticeText(plan.caseRef, a.due),
  }));
}

/**
 * Tells owners of their new actions (a Teams activity-feed notification, or local mode's outbox).
 * Delivery happens after the save and is the notifier's concern: this never throws and never waits,
 * so a notification that fails can never fail or slow the save.
 */
export interface ActionNotifier {
  actionsAssigned(notices: readonly ActionNotice[]): void;
}
