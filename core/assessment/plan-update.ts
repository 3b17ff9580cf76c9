import { tokeniseNames } from '../cases/free-text.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { Actor, StoredAssessment } from '../repositories/assessment-repository.js';
import { parseWith } from '../validation.js';
import { changedFields, checkLifecycle } from './lifecycle.js';
import { assessmentContent, normaliseContent } from './normalise.js';
import type { PlanContext } from './plan-context.js';
import { harmedPlanOf, planContent, syncCase } from './plan-in-case.js';
import { activate, planEntry, signature } from './plan-transitions.js';
import { planView } from './plan-view.js';
import { overallRisk as computedRisk } from './risk-level.js';
import {
  replaceAssessmentSchema,
  type AssessmentData,
  type PlanRecord,
  type RiskLevelChange,
} from './schema.js';

export async function replacePlan(
  ctx: PlanContext,
  id: string,
  body: unknown,
  ifMatch: string,
  actor: Actor,
): Promise<StoredAssessment> {
  const input = parseWith(replaceAssessmentSchema, body);
  const current = await ctx.repository.get(id);
  const before = current.record;
  if (input.id !== undefined && input.id !== before.id) {
    throw new ValidationError('ID_MISMATCH', 'The body is for a different assessment.', [
      { path: 'id', problem: 'Must match the address.' },
    ]);
  }
  if (input.caseRef !== undefined && input.caseRef !== before.caseRef) {
    throw new ValidationError('CASE_REF_READ_ONLY', 'The case reference cannot be changed.', [
      { path: 'caseRef', problem: 'Must match the stored case reference.' },
    ]);
  }
  for (const key of ['kind', 'caseId', 'childId'] as const) {
    if (
      input[key] !== undefined &&
      input[key] !== (before[key] ?? (key === 'kind' ? 'risk-assessment' : undefined))
    ) {
      throw new ValidationError('READ_ONLY_FIELD', 'A plan’s kind, case and child cannot be changed.', [
        { path: key, problem: 'Must match the stored plan.' },
      ]);
    }
  }
  if (ifMatch !== current.etag) {
    throw new ConflictError(
      'stale',
      'ETAG_MISMATCH',
      'Someone else has saved this assessment since.',
      current.etag,
    );
  }
  const signer = ctx.signer(actor);
  const content = normaliseContent(input, input.status, ctx.newId);
  const inCase = ctx.cases !== undefined && before.caseId !== undefined && before.childId !== undefined;
  const { plan, victimWishes } = inCase ? planContent(content) : { plan: content, victimWishes: undefined };
  const build = (body: Omit<AssessmentData, 'reviews' | 'kind' | 'caseId' | 'childId'>): AssessmentData => {
    const after: AssessmentData = {
      ...body,
      kind: before.kind,
      ...(before.caseId ? { caseId: before.caseId } : {}),
      ...(before.childId ? { childId: before.childId } : {}),
      reviews: before.reviews,
      ...(before.riskHistory ? { riskHistory: before.riskHistory } : {}),
      ...(before.signedOff ? { signedOff: before.signedOff } : {}),
    };
    keepReviewedRisk(ctx, before, after);
    if (after.status === 'closed') {
      after.closedOn = before.status === 'closed' && before.closedOn ? before.closedOn : ctx.today();
    } else {
      delete after.closingReason;
    }
    if (input.countersign) {
      after.signedOff = { ...after.signedOff, headteacher: signature(ctx, signer) };
    }
    return after;
  };

  // What changed is judged on the plan as the editor sees it (the child's details, the other
  // children and the incidents included), and every rule is checked before anything is written.
  const shown = inCase ? (await planView(ctx, current)).record : before;
  const draft = build(plan);
  const seen = inCase
    ? {
        ...draft,
        learner: content.learner ?? shown.learner,
        otherChildren: content.otherChildren,
        incidents: content.incidents,
      }
    : draft;
  const fields = changedFields(assessmentContent(shown), seen);
  checkLifecycle(before, draft, { changedFields: fields, reason: input.changeReason });
  if (fields.length === 0) return planView(ctx, current);
  if (victimWishes) await harmedPlanOf(ctx, before);

  let after = draft;
  if (inCase) {
    const names = await syncCase(ctx, before, content, victimWishes, signer);
    after = build(tokeniseNames(plan, names.others, names.own));
  }
  const activated = activate(ctx, before, after, signer);
  const finalFields = activated ? [...new Set([...fields, 'signedOff'])] : fields;
  // The chronology entries this save makes are written with it (one round trip on SharePoint).
  const chronology = [
    ...(activated ? planEntry(ctx, after, signer, 'plan-activated', 'activated') : []),
    ...(before.status !== 'closed' && after.status === 'closed'
      ? planEntry(ctx, after, signer, 'closed', 'closed')
      : []),
  ];
  const saved = await ctx.repository.replace(
    id,
    after,
    ifMatch,
    {
      actor,
      at: ctx.clock.now(),
      action: 'update',
      fields: finalFields,
      ...(input.changeReason ? { reason: input.changeReason } : {}),
    },
    chronology.length ? { chronology } : undefined,
  );
  ctx.announce(before, saved.record);
  return planView(ctx, saved);
}

/** A review's risk level stands until the risk table itself changes what it computes. */
function keepReviewedRisk(ctx: PlanContext, before: PlanRecord, after: AssessmentData): void {
  const computedBefore = computedRisk(before.risks);
  const computedAfter = after.overallRisk;
  if (computedAfter === computedBefore) {
    after.overallRisk = before.overallRisk;
    return;
  }
  const change: RiskLevelChange = { level: computedAfter, on: ctx.today(), source: 'risks' };
  after.riskHistory = [...(before.riskHistory ?? []), change];
}
