import type { Signer } from '../cases/case-service.js';
import { participantLabel as participantLabelOf, planOf } from '../cases/case.js';
import { childData } from '../cases/child.js';
import { tokeniseNames } from '../cases/free-text.js';
import { changedFields } from './lifecycle.js';
import { assessmentContent, type NormalContent } from './normalise.js';
import { noHarmedChild, type PlanContext } from './plan-context.js';
import type { AssessmentData, PlanRecord } from './schema.js';

/**
 * The part of normalised input a plan in a case stores: no learner, no other children and no
 * incidents (the child record's and the case's), and the harmed child's wishes taken out.
 */
export function planContent(content: NormalContent): {
  plan: Omit<AssessmentData, 'kind' | 'caseId' | 'childId' | 'reviews'>;
  victimWishes: string | undefined;
} {
  const { learner: _learner, ...rest } = content;
  const plan = { ...rest, incidents: [], otherChildren: [] };
  let victimWishes: string | undefined;
  if (plan.decision?.victimWishes !== undefined) {
    const { victimWishes: wishes, ...decision } = plan.decision;
    victimWishes = wishes.trim() === '' ? undefined : wishes;
    plan.decision = decision;
  }
  return { plan, victimWishes };
}

/**
 * Applies what the plan editor shows but the plan does not own: the child's details to their
 * record, other children to the case's participants, incidents to the case, the harmed child's
 * wishes to their support plan. Returns the names to turn into mentions.
 */
export async function syncCase(
  ctx: PlanContext,
  before: PlanRecord,
  content: NormalContent,
  victimWishes: string | undefined,
  signer: Signer,
): Promise<{ own: string; others: { id: string; name: string }[] }> {
  const cases = ctx.cases!;
  const { children } = cases.records;
  const change = (fields: string[]) => ctx.change(signer.actor, 'update', fields);
  const child = await children.get(before.childId!);
  let ownName = child.record.name;
  if (content.learner) {
    // The child's own record never holds another child's name: their details' free text (SEND,
    // vulnerabilities) mention the case's other children as references, like the plan's text.
    const { participants: inCase } = (await cases.records.cases.get(before.caseId!)).record;
    const otherNames = await children.list({
      ids: inCase.map((p) => p.childId).filter((id) => id !== before.childId),
    });
    const { name, ...details } = content.learner;
    const learner = { name, ...tokeniseNames(details, otherNames, child.record.name) };
    const data = childData({ ...child.record, ...learner, sex: child.record.sex });
    const fields = changedFields(
      { ...child.record, version: 0, updatedAt: '' } as never,
      { ...child.record, ...data, version: 0, updatedAt: '' } as never,
    );
    if (fields.length > 0)
      await children.replace(child.record.id, { ...child.record, ...data }, child.etag, change(fields));
    ownName = data.name;
  }

  const kase = await cases.records.cases.get(before.caseId!);
  const participants = [...kase.record.participants];
  let labelsIssued = kase.record.labelsIssued;
  const listed = new Set<string>();
  for (const other of content.otherChildren) {
    const existing = participants.find((p) => p.childId === other.id);
    if (existing) {
      listed.add(existing.childId);
      if (!existing.roles.includes(other.role)) existing.roles = [other.role];
      const stored = await children.get(existing.childId);
      if (
        stored.record.name !== other.name.normalize('NFC') ||
        (other.yearGroup ?? undefined) !== stored.record.yearGroup
      ) {
        const { yearGroup: _y, ...rest } = stored.record;
        const data = {
          ...rest,
          name: other.name.normalize('NFC'),
          ...(other.yearGroup ? { yearGroup: other.yearGroup } : {}),
        };
        await children.replace(existing.childId, data, stored.etag, change(['name', 'yearGroup']));
      }
      continue;
    }
    const data = childData({
      name: other.name,
      ...(other.yearGroup ? { yearGroup: other.yearGroup } : {}),
    });
    const created = await children.create(data, ctx.change(signer.actor, 'create', Object.keys(data)));
    listed.add(created.record.id);
    participants.push({
      childId: created.record.id,
      roles: [other.role],
      label: participantLabelOf(labelsIssued++),
    });
  }
  // A child left off the list leaves the case, unless they have a plan of their own in it.
  const kept = participants.filter(
    (p) => p.childId === before.childId || listed.has(p.childId) || p.assessmentId !== undefined,
  );
  const harmed = kept.find(
    (p) => p.childId !== before.childId && p.roles.includes('harmed') && planOf(p, 'support-plan'),
  );
  if (victimWishes && !harmed) throw noHarmedChild();

  const others = await children.list({
    ids: kept.map((p) => p.childId).filter((id) => id !== before.childId),
  });
  const incidents = tokeniseNames(content.incidents, [...others, { id: before.childId!, name: ownName }]);
  const caseData = { ...kase.record, participants: kept, labelsIssued, incidents };
  const caseFields = changedFields(kase.record as never, caseData as never).filter(
    (f) => f !== 'labelsIssued',
  );
  if (caseFields.length > 0) {
    const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...data } = caseData;
    await cases.records.cases.replace(kase.record.id, data, kase.etag, change(caseFields));
  }

  if (victimWishes && harmed) {
    const plan = await ctx.repository.get(planOf(harmed, 'support-plan')!);
    const current = plan.record.supportPlan?.viewsAndWishes ?? '';
    if (!current.includes(victimWishes)) {
      const merged = current ? `${current}\n\n${victimWishes}` : victimWishes;
      const data = assessmentContent(plan.record);
      data.supportPlan = {
        measures: [],
        ...data.supportPlan,
        viewsAndWishes: tokeniseNames(merged, [{ id: before.childId!, name: ownName }]),
      };
      await ctx.repository.replace(plan.record.id, data, plan.etag, {
        actor: signer.actor,
        at: ctx.clock.now(),
        action: 'update',
        fields: ['supportPlan.viewsAndWishes'],
        ...(plan.record.status !== 'draft'
          ? { reason: 'The child’s wishes, recorded in the decision.' }
          : {}),
      });
    }
  }
  return { own: ownName, others };
}

/** The plan of the case's child harmed, where their wishes belong. @throws NO_HARMED_CHILD */
export async function harmedPlanOf(ctx: PlanContext, plan: PlanRecord): Promise<{ assessmentId: string }> {
  if (!ctx.cases || !plan.caseId) throw noHarmedChild();
  const kase = await ctx.cases.records.cases.get(plan.caseId);
  const harmed = kase.record.participants
    .filter((p) => p.childId !== plan.childId)
    .map((p) => planOf(p, 'support-plan'))
    .find((id) => id !== undefined);
  if (!harmed) throw noHarmedChild();
  return { assessmentId: harmed };
}
