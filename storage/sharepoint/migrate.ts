import { createHash } from 'node:crypto';
import {
  childData,
  dateInZone,
  emptyAgencies,
  emptyPlanContent,
  participantLabel,
  tokeniseNames,
  type AssessmentData,
  type CaseData,
  type ChangeContext,
  type Participant,
  type PlanRecord,
  type StoredPlan,
} from '../../core/index.js';
import {
  SharePointAssessmentRepository,
  type RepositoryContext,
} from './sharepoint-assessment-repository.js';
import {
  sharePointCaseRecords,
  SharePointCaseRepository,
  SharePointChildRepository,
} from './sharepoint-case-records.js';

/** Why the migration's writes were made, as the audit log and version history show it. */
const REASON = 'Moved to the case model: a case, a record per child, a plan per child.';

export interface MigrationStep {
  /** The plan's case reference (never a name). */
  caseRef: string;
  children: number;
  supportPlans: number;
}

export interface MigrationReport {
  dryRun: boolean;
  /** Plans from before cases existed that were (or, in a dry run, would be) moved. */
  migrated: MigrationStep[];
  /** Plans already in a case. */
  alreadyDone: number;
}

/**
 * A stable id for a part of a migrated plan: a version-5-shaped UUID from the plan's id and the
 * part's name. A second run, or a run resumed after a failure, derives the same ids; the unique
 * RecordId columns then refuse a second copy and the write finds the first.
 */
export function derivedId(planId: string, part: string): string {
  const hex = createHash('sha256').update(`hsb-migration:${planId}:${part}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A context whose ids come from a fixed list (then derived ones), so a repository's writes repeat exactly. */
function withIds(ctx: RepositoryContext, planId: string, ids: string[]): RepositoryContext {
  let n = 0;
  return { ...ctx, newId: () => ids.shift() ?? derivedId(planId, `write-${n++}`) };
}

/**
 * Moves every plan saved before cases existed into the case model, without losing anything: the
 * plan becomes the risk assessment of a new case that keeps its reference; the learner and each
 * other child get a child record (the only place their names stay) and take part in the case; a
 * child harmed gets an empty support plan, the first of them holding the harmed child's wishes; the
 * plan's incidents move to the case; names typed in free text become `@[child:<id>]` references.
 * The plan itself is rewritten last (with its ETag), so a plan in a case is a finished one, and
 * every earlier write is idempotent: running it again, or after a failure, changes nothing more.
 */
export async function migrateSharePointRecords(
  ctx: RepositoryContext,
  options: { dryRun: boolean; actor: ChangeContext['actor']; now?: () => Date },
): Promise<MigrationReport> {
  const now = options.now ?? (() => new Date());
  const plans = new SharePointAssessmentRepository(ctx);
  const report: MigrationReport = { dryRun: options.dryRun, migrated: [], alreadyDone: 0 };
  for (const summary of await plans.list()) {
    if (summary.caseId !== null) {
      report.alreadyDone++;
      continue;
    }
    const stored = await plans.get(summary.id);
    if (stored.record.caseId) {
      report.alreadyDone++;
      continue;
    }
    const harmed = stored.record.otherChildren.filter((o) => o.role === 'harmed').length;
    report.migrated.push({
      caseRef: stored.record.caseRef,
      children: 1 + stored.record.otherChildren.length,
      supportPlans: harmed,
    });
    if (!options.dryRun) await migratePlan(ctx, stored, options.actor, now());
  }
  return report;
}

async function migratePlan(
  ctx: RepositoryContext,
  stored: StoredPlan,
  actor: ChangeContext['actor'],
  at: Date,
): Promise<void> {
  const plan = stored.record;
  const context = (fields: string[]): ChangeContext => ({
    actor,
    at,
    action: 'create',
    fields,
    reason: REASON,
  });
  const caseId = derivedId(plan.id, 'case');
  const learnerName = plan.learner?.name ?? `Child of ${plan.caseRef}`;
  const named = [
    { id: derivedId(plan.id, 'child-0'), name: learnerName },
    ...plan.otherChildren.map((o, i) => ({ id: derivedId(plan.id, `child-${i + 1}`), name: o.name })),
  ];
  const othersOf = (own: number) => named.filter((_, i) => i !== own);

  const children = new SharePointChildRepository(withIds(ctx, plan.id, []));
  await children.createWithId(
    named[0]!.id,
    childData({
      name: learnerName,
      ...(plan.learner?.dateOfBirth ? { dateOfBirth: plan.learner.dateOfBirth } : {}),
      ...(plan.learner?.yearGroup ? { yearGroup: plan.learner.yearGroup } : {}),
      ...(plan.learner?.send ? { send: plan.learner.send } : {}),
      ...(plan.learner?.vulnerabilities ? { vulnerabilities: plan.learner.vulnerabilities } : {}),
      ...(plan.learner?.keyAdult ? { keyAdult: plan.learner.keyAdult } : {}),
    }),
    context(['name']),
  );
  for (const [i, other] of plan.otherChildren.entries()) {
    await children.createWithId(
      named[i + 1]!.id,
      childData({ name: other.name, ...(other.yearGroup ? { yearGroup: other.yearGroup } : {}) }),
      context(['name']),
    );
  }

  const wishes = plan.decision?.victimWishes?.trim() ? plan.decision.victimWishes : undefined;
  const participants: Participant[] = [
    { childId: named[0]!.id, roles: ['displayedHsb'], label: participantLabel(0), assessmentId: plan.id },
  ];
  let wishesPlaced = false;
  for (const [i, other] of plan.otherChildren.entries()) {
    const participant: Participant = {
      childId: named[i + 1]!.id,
      roles: [other.role],
      label: participantLabel(i + 1),
    };
    if (other.role === 'harmed') {
      const planId = derivedId(plan.id, `plan-${i + 1}`);
      participant.assessmentId = planId;
      const giveWishes: boolean = wishes !== undefined && !wishesPlaced;
      wishesPlaced ||= giveWishes;
      const support: AssessmentData = {
        ...emptyPlanContent(),
        kind: 'support-plan',
        caseId,
        childId: named[i + 1]!.id,
        ...(giveWishes
          ? {
              supportPlan: {
                measures: [],
                viewsAndWishes: tokeniseNames(wishes, othersOf(i + 1), other.name),
              },
            }
          : {}),
      };
      const writer = new SharePointAssessmentRepository(
        withIds(ctx, plan.id, [planId, derivedId(plan.id, `plan-${i + 1}-write`)]),
      );
      await writer.create(support, context(giveWishes ? ['supportPlan.viewsAndWishes'] : []), plan.caseRef);
    }
    participants.push(participant);
  }

  const caseData: CaseData = {
    status: plan.status === 'closed' ? 'closed' : 'open',
    participants,
    labelsIssued: participants.length,
    // The case is every child's: no name stays in its incidents, the learner's included.
    incidents: tokeniseNames(
      plan.incidents.map((incident, n) => ({ ...incident, id: incident.id ?? `incident-${n + 1}` })),
      named,
    ),
    agencies: emptyAgencies(),
    // Wishes with no child harmed to hold them stay with the case rather than be lost.
    ...(wishes && !wishesPlaced
      ? { summary: `Wishes of the child harmed, as recorded: ${tokeniseNames(wishes, named)}` }
      : {}),
    ...(plan.status === 'closed' && plan.closedOn ? { closedOn: plan.closedOn } : {}),
    ...(plan.status === 'closed' && plan.closingReason ? { closingReason: plan.closingReason } : {}),
  };
  const cases = new SharePointCaseRepository(withIds(ctx, plan.id, [derivedId(plan.id, 'case-write')]));
  await cases.createWithRef(caseId, plan.caseRef, caseData, context(['participants', 'incidents']));
  await sharePointCaseRecords(withIds(ctx, plan.id, [derivedId(plan.id, 'chronology-0')])).chronology.append(
    {
      date: dateInZone(at),
      kind: 'note',
      summary: 'Case made from an existing risk assessment.',
      by: 'System (upgrade to cases)',
      caseId,
    },
    context([]),
  );

  // Last: the plan joins its case. Until this write lands, the plan still reads as it did.
  const rest: Partial<PlanRecord> = { ...plan };
  for (const key of STORE_MANAGED_AND_MOVED) delete rest[key];
  const keptDecision = plan.decision ? withoutWishes(plan.decision) : undefined;
  const moved: AssessmentData = {
    ...(tokeniseNames(rest, othersOf(0), learnerName) as Omit<AssessmentData, 'kind'>),
    ...(keptDecision ? { decision: tokeniseNames(keptDecision, othersOf(0), learnerName) } : {}),
    kind: 'risk-assessment',
    caseId,
    childId: named[0]!.id,
    incidents: [],
    otherChildren: [],
  };
  await new SharePointAssessmentRepository(
    withIds(ctx, plan.id, [derivedId(plan.id, 'plan-0-write')]),
  ).replace(plan.id, moved, stored.etag, {
    ...context(['caseId', 'childId', 'learner', 'otherChildren', 'incidents', 'decision.victimWishes']),
    action: 'update',
  });
}

/** What the store keeps itself, and what moves to the child records and the case. */
const STORE_MANAGED_AND_MOVED = [
  'id',
  'caseRef',
  'createdAt',
  'updatedAt',
  'version',
  'learner',
  'otherChildren',
  'incidents',
  'decision',
] as const;

function withoutWishes(decision: NonNullable<PlanRecord['decision']>): NonNullable<PlanRecord['decision']> {
  const copy = { ...decision };
  delete copy.victimWishes;
  return copy;
}
