import type { Signer } from '../cases/case-service.js';
import type { ChronologyEntryData } from '../cases/chronology.js';
import { planNames, type PlanContext } from './plan-context.js';
import type { AssessmentData, PlanRecord } from './schema.js';

/** On activation the signed-in person signs the plan off as DSL; returns whether it activated. */
export function activate(
  ctx: PlanContext,
  before: PlanRecord | undefined,
  after: AssessmentData,
  signer: Signer,
): boolean {
  if (after.status !== 'active' || before?.status === 'active') return false;
  if (before?.status === 'closed') return false;
  after.signedOff = { ...after.signedOff, dsl: signature(ctx, signer) };
  return true;
}

export function signature(ctx: PlanContext, signer: Signer) {
  return { actorId: signer.actor.id, name: signer.name, on: ctx.today() };
}

/** The chronology entry a plan action makes, when the plan is in a case. */
export function planEntry(
  ctx: PlanContext,
  plan: AssessmentData,
  signer: Signer,
  kind: 'plan-activated' | 'closed' | 'review',
  did: string,
  date?: string,
): ChronologyEntryData[] {
  if (!ctx.cases || !plan.caseId) return [];
  return [
    ctx.cases.entry(signer, {
      caseId: plan.caseId,
      ...(plan.childId ? { childId: plan.childId } : {}),
      kind,
      summary: `${planNames[plan.kind]} ${did}.`,
      ...(date ? { date } : {}),
    }),
  ];
}

export async function noteActivated(ctx: PlanContext, plan: PlanRecord, signer: Signer): Promise<void> {
  if (!ctx.cases || !plan.caseId) return;
  await ctx.cases.note(signer, {
    caseId: plan.caseId,
    ...(plan.childId ? { childId: plan.childId } : {}),
    kind: 'plan-activated',
    summary: `${planNames[plan.kind]} activated.`,
  });
}
