import type { PlanRecord } from '../assessment/schema.js';
import type { MyActionResponse } from '../api/actions.js';
import type { IsoDate } from '../dates.js';
import { actionsOfPlan } from './assignments.js';

export type MyAction = MyActionResponse;

/** Due before today and not in place yet. An action with no due date is never overdue. */
export function isActionOverdue(action: { due?: IsoDate; inPlace: boolean }, today: IsoDate): boolean {
  return !action.inPlace && action.due !== undefined && action.due < today;
}

/**
 * The actions of `plan` owned by `ownerId`. `render` turns the stored action text (child mentions as
 * tokens) into what the owner is shown.
 */
export function ownedActions(
  plan: PlanRecord,
  ownerId: string,
  today: IsoDate,
  render: (text: string) => string,
): MyAction[] {
  return actionsOfPlan(plan)
    .filter((a) => a.strategy.ownerId === ownerId)
    .map(({ itemKind, strategy, context }) => ({
      caseRef: plan.caseRef,
      assessmentId: plan.id,
      planKind: plan.kind,
      itemKind,
      strategyId: strategy.id,
      action: render(strategy.action),
      ...(context ? { context } : {}),
      ...(strategy.due ? { due: strategy.due } : {}),
      overdue: isActionOverdue(strategy, today),
      inPlace: strategy.inPlace,
    }));
}

/** How many actions of `plan`, whoever owns them, are overdue. */
export function overdueActions(plan: PlanRecord, today: IsoDate): number {
  return actionsOfPlan(plan).filter((a) => isActionOverdue(a.strategy, today)).length;
}

/** Overdue first, then by due date (undated last), then by case and position. Stable. */
export function sortActions(items: readonly MyAction[]): MyAction[] {
  const rank = (a: MyAction) => (a.overdue ? 0 : 1);
  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => {
      const a = x.item;
      const b = y.item;
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (a.due !== b.due) {
        if (a.due === undefined) return 1;
        if (b.due === undefined) return -1;
        return a.due < b.due ? -1 : 1;
      }
      if (a.caseRef !== b.caseRef) return a.caseRef < b.caseRef ? -1 : 1;
      return x.index - y.index;
    })
    .map(({ item }) => item);
}
