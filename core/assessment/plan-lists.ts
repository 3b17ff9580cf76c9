import { addDays, type IsoDate } from '../dates.js';
import { ValidationError } from '../errors.js';
import type { PlanContext } from './plan-context.js';
import { daysUntilDue, isDue, isOverdue } from './review-schedule.js';
import type { AssessmentStatus, AssessmentSummary, PlanKind } from './schema.js';

export interface SummaryView extends AssessmentSummary {
  overdue: boolean;
}

export interface DueView extends SummaryView {
  nextDue: string;
  daysUntilDue: number;
}

/** Plan rows; in a case, the learner's name and year group are read from the child records. */
export async function listPlans(
  ctx: PlanContext,
  filter: { status?: readonly AssessmentStatus[]; dueWithinDays?: number; kind?: PlanKind } = {},
): Promise<SummaryView[]> {
  const today = ctx.today();
  const rows = await ctx.repository.list({
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.dueWithinDays !== undefined
      ? { dueOnOrBefore: addDaysSafe(today, filter.dueWithinDays) }
      : {}),
  });
  return (await withNames(ctx, rows))
    .filter((r) => filter.dueWithinDays === undefined || isDue(r, today, filter.dueWithinDays))
    .map((r) => ({ ...r, overdue: r.status !== 'closed' && isOverdue(r.nextDue, today) }));
}

async function withNames(ctx: PlanContext, rows: AssessmentSummary[]): Promise<AssessmentSummary[]> {
  if (!ctx.cases) return rows;
  const ids = [...new Set(rows.map((r) => r.childId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return rows;
  const children = new Map((await ctx.cases.records.children.list({ ids })).map((c) => [c.id, c]));
  return rows.map((r) => {
    const child = r.childId ? children.get(r.childId) : undefined;
    return child ? { ...r, learnerName: child.name, yearGroup: child.yearGroup } : r;
  });
}

/** Plans whose review is due within `withinDays` (overdue and drafts included), soonest first. */
export async function duePlans(ctx: PlanContext, withinDays: number): Promise<DueView[]> {
  const today = ctx.today();
  const rows = await ctx.repository.list({
    status: ['draft', 'active'],
    dueOnOrBefore: addDaysSafe(today, withinDays),
  });
  return (await withNames(ctx, rows))
    .filter((r): r is AssessmentSummary & { nextDue: string } => isDue(r, today, withinDays))
    .map((r) => ({
      ...r,
      overdue: isOverdue(r.nextDue, today),
      daysUntilDue: daysUntilDue(r.nextDue, today),
    }))
    .sort((a, b) =>
      a.nextDue < b.nextDue ? -1 : a.nextDue > b.nextDue ? 1 : a.caseRef < b.caseRef ? -1 : 1,
    );
}

function addDaysSafe(today: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new ValidationError('INVALID_QUERY', 'The number of days must be a whole number from 0 to 366.', [
      { path: 'withinDays', problem: 'Out of range.' },
    ]);
  }
  return addDays(today, days);
}
