import type { Actor, StoredAssessment } from '../repositories/assessment-repository.js';
import type { PlanContext } from './plan-context.js';
import { planView } from './plan-view.js';

export function getPlan(ctx: PlanContext, id: string): Promise<StoredAssessment> {
  return ctx.repository.get(id).then((stored) => planView(ctx, stored));
}

/**
 * The full record for someone to look at. Viewing a child's record is as significant as changing
 * it, so the view is recorded first: if it cannot be recorded, the record is not shown.
 */
export async function readPlan(ctx: PlanContext, id: string, actor: Actor): Promise<StoredAssessment> {
  const stored = await ctx.repository.get(id);
  await ctx.repository.recordAccess(id, { actor, at: ctx.clock.now(), action: 'read' });
  return planView(ctx, stored);
}

/** Records that someone was shown the plan (e.g. `detail` "stage"), after they were. */
export async function recordView(ctx: PlanContext, id: string, actor: Actor, detail?: string): Promise<void> {
  await ctx.repository.recordAccess(id, {
    actor,
    at: ctx.clock.now(),
    action: 'read',
    ...(detail ? { detail } : {}),
  });
}

/** The full record for a document export (`audience` e.g. `staff`, `parents`, `full`), recorded first. */
export async function readForExport(
  ctx: PlanContext,
  id: string,
  actor: Actor,
  audience: string,
): Promise<StoredAssessment> {
  const stored = await ctx.repository.get(id);
  await ctx.repository.recordAccess(id, {
    actor,
    at: ctx.clock.now(),
    action: 'export',
    detail: audience,
  });
  return planView(ctx, stored);
}
