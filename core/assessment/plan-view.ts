import type { StoredAssessment, StoredPlan } from '../repositories/assessment-repository.js';
import type { PlanContext } from './plan-context.js';
import type { Assessment, Learner, OtherChild } from './schema.js';

/** The plan as the API shows it: the child's details, other children and incidents filled in. */
export async function planView(ctx: PlanContext, stored: StoredPlan): Promise<StoredAssessment> {
  const record = stored.record;
  if (!ctx.cases || !record.caseId || !record.childId) {
    return { record: { ...record, learner: record.learner ?? { name: '' } }, etag: stored.etag };
  }
  const { children, cases } = ctx.cases.records;
  const [child, kase] = await Promise.all([children.get(record.childId), cases.get(record.caseId)]);
  const otherParticipants = kase.record.participants.filter((p) => p.childId !== record.childId);
  const names = new Map(
    (await children.list({ ids: otherParticipants.map((p) => p.childId) })).map((c) => [c.id, c]),
  );
  const c = child.record;
  const learner: Learner = { name: c.name };
  if (c.dateOfBirth) learner.dateOfBirth = c.dateOfBirth;
  if (c.yearGroup) learner.yearGroup = c.yearGroup;
  if (c.send) learner.send = c.send;
  if (c.vulnerabilities) learner.vulnerabilities = c.vulnerabilities;
  if (c.keyAdult) learner.keyAdult = c.keyAdult;
  const otherChildren: OtherChild[] = otherParticipants.map((p) => {
    const other = names.get(p.childId);
    return {
      id: p.childId,
      name: other?.name ?? p.label,
      role: p.roles[0]!,
      ...(other?.yearGroup ? { yearGroup: other.yearGroup } : {}),
    };
  });
  const view: Assessment = { ...record, learner, otherChildren, incidents: kase.record.incidents };
  return { record: view, etag: stored.etag };
}
