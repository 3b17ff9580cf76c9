import { emptyPlanContent, planKindFor, type Signer } from '../cases/case-service.js';
import { plansOf } from '../cases/case.js';
import { tokeniseNames } from '../cases/free-text.js';
import { ValidationError } from '../errors.js';
import type { Actor, StoredAssessment } from '../repositories/assessment-repository.js';
import { parseWith } from '../validation.js';
import { changedFields, checkLifecycle } from './lifecycle.js';
import { normaliseContent, type NormalContent } from './normalise.js';
import { noHarmedChild, planNames, type PlanContext } from './plan-context.js';
import { planContent } from './plan-in-case.js';
import { activate, noteActivated } from './plan-transitions.js';
import { planView } from './plan-view.js';
import { createAssessmentSchema, type AssessmentData, type PlanKind } from './schema.js';

export async function createPlan(ctx: PlanContext, body: unknown, actor: Actor): Promise<StoredAssessment> {
  const input = parseWith(createAssessmentSchema, body);
  const status = input.status ?? 'draft';
  const content = normaliseContent(input, status, ctx.newId);
  checkLifecycle(
    null,
    { ...content, kind: input.kind ?? 'risk-assessment' },
    { changedFields: [], reason: undefined },
  );
  const signer = ctx.signer(actor);

  if (!ctx.cases) {
    if (!input.learner) {
      throw new ValidationError(
        'CASES_UNAVAILABLE',
        'This store does not keep cases yet: give the learner’s name.',
        [{ path: 'caseId', problem: 'Not supported here.' }],
      );
    }
    const data: AssessmentData = { ...content, kind: input.kind ?? 'risk-assessment', reviews: [] };
    activate(ctx, undefined, data, signer);
    const stored = await ctx.repository.create(data, ctx.change(actor, 'create', changedFields({}, data)));
    return planView(ctx, stored);
  }

  if (input.caseId !== undefined && input.childId !== undefined) {
    return createInCase(ctx, input.caseId, input.childId, input.kind, content, signer);
  }

  // Quick start: the learner becomes a child record and a case is opened around their plan; other
  // children named become children of the case, with a support plan for each child harmed.
  const learner = input.learner!;
  const others = content.otherChildren;
  const { plan, victimWishes } = planContent(content);
  const participants = [
    {
      child: learner,
      roles: [input.kind === 'support-plan' ? ('harmed' as const) : ('displayedHsb' as const)],
    },
    ...others.map((c) => ({
      child: { name: c.name, ...(c.yearGroup ? { yearGroup: c.yearGroup } : {}) },
      roles: [c.role],
    })),
  ];
  const harmedIndex = participants.findIndex((p, i) => i > 0 && (p.roles as string[]).includes('harmed'));
  if (victimWishes && harmedIndex < 0) throw noHarmedChild();
  const { plans } = await ctx.cases.openCase(
    {
      participants,
      incidents: content.incidents,
      planFor: (i) => {
        if (i === 0) {
          const data = { ...plan, reviews: [] };
          activate(ctx, undefined, { ...data, kind: input.kind ?? 'risk-assessment' }, signer);
          return data;
        }
        if (i === harmedIndex && victimWishes) {
          return { ...emptyPlanContent(), supportPlan: { measures: [], viewsAndWishes: victimWishes } };
        }
        return undefined;
      },
    },
    signer,
  );
  const own = plans.get(0);
  if (!own) throw new Error('The quick start made no plan.');
  return planView(ctx, own);
}

async function createInCase(
  ctx: PlanContext,
  caseId: string,
  childId: string,
  kind: PlanKind | undefined,
  content: NormalContent,
  signer: Signer,
): Promise<StoredAssessment> {
  const cases = ctx.cases!;
  const kase = await cases.records.cases.get(caseId);
  const participant = kase.record.participants.find((p) => p.childId === childId);
  if (!participant) {
    throw new ValidationError('INVALID_REFERENCE', 'That child is not part of this case.', [
      { path: 'childId', problem: 'Not a participant of the case.' },
    ]);
  }
  const planKind = kind ?? planKindFor(participant.roles) ?? 'risk-assessment';
  const { plan, victimWishes } = planContent(content);
  if (victimWishes) throw noHarmedChild();
  const child = await cases.records.children.get(childId);
  const others = await cases.records.children.list({
    ids: kase.record.participants.map((p) => p.childId).filter((id) => id !== childId),
  });
  const data: AssessmentData = {
    ...tokeniseNames(plan, others, child.record.name),
    kind: planKind,
    caseId,
    childId,
    reviews: [],
  };
  activate(ctx, undefined, data, signer);
  const stored = await ctx.repository.create(
    data,
    ctx.change(signer.actor, 'create', changedFields({}, data)),
    kase.record.caseRef,
  );
  {
    const made = { kind: planKind, assessmentId: stored.record.id };
    await cases.records.cases.replace(
      caseId,
      {
        ...kase.record,
        participants: kase.record.participants.map((p) =>
          p.childId === childId
            ? { ...p, assessmentId: p.assessmentId ?? stored.record.id, plans: [...plansOf(p), made] }
            : p,
        ),
      },
      kase.etag,
      ctx.change(signer.actor, 'update', ['participants']),
    );
  }
  await cases.note(signer, {
    caseId,
    childId,
    kind: 'note',
    summary: `${planNames[planKind]} started (${participant.label}).`,
  });
  if (data.status === 'active') await noteActivated(ctx, stored.record, signer);
  return planView(ctx, stored);
}
