import { systemClock, type Clock } from '../dates.js';
import { UpstreamError } from '../errors.js';
import type { Actor, AssessmentRepository } from '../repositories/assessment-repository.js';
import type { CaseRecords, StoredCase } from '../repositories/case-records.js';
import type { PlanRecord } from './schema.js';
import { stageSourceOfPlan, stageView, type StageSourceChild, type StageView } from './stage-view.js';

export interface StageServiceOptions {
  repository: AssessmentRepository;
  /** Absent on a backend that holds no cases yet: a plan's stage is then built from the plan alone. */
  records?: CaseRecords;
  clock?: Clock;
}

/** A stage view with what it was made from, so that a poll can tell whether anything changed. */
export interface StageAnswer {
  view: StageView;
  /** The ETags of every record the view was made from, in a fixed order. */
  sources: string;
}

/**
 * The meeting stage's reads: the case, its children's names (read only to find them in free text,
 * never sent) and the plans, turned into the redacted view by {@link stageView}. Showing the stage
 * is recorded as a read of the case and of the plan discussed, once per version shown.
 */
export class StageService {
  private readonly repository: AssessmentRepository;
  private readonly records: CaseRecords | undefined;
  private readonly clock: Clock;

  constructor(options: StageServiceOptions) {
    this.repository = options.repository;
    this.records = options.records;
    this.clock = options.clock ?? systemClock;
  }

  /** The case on the stage, with no plan open. @throws NotFoundError, UpstreamError (no cases) */
  async ofCase(caseId: string): Promise<StageAnswer> {
    const kase = await this.caseRecords().cases.get(caseId);
    return this.compose(kase, undefined);
  }

  /** A plan on the stage, with its case around it. @throws NotFoundError */
  async ofPlan(planId: string): Promise<StageAnswer> {
    const stored = await this.repository.get(planId);
    const plan = stored.record;
    if (!this.records || !plan.caseId) {
      const learner = plan.learner ?? { name: '' };
      return { view: stageView(stageSourceOfPlan({ ...plan, learner })), sources: stored.etag };
    }
    const kase = await this.records.cases.get(plan.caseId);
    return this.compose(kase, { record: plan, etag: stored.etag });
  }

  /** Records that `actor` was shown this version of the stage. */
  async recordShown(view: StageView, actor: Actor): Promise<void> {
    const context = { actor, at: this.clock.now(), action: 'read' as const, detail: 'stage' };
    if (view.plan) await this.repository.recordAccess(view.plan.id, context);
    if (view.caseId && this.records) await this.records.cases.recordAccess(view.caseId, context);
  }

  private caseRecords(): CaseRecords {
    if (!this.records) {
      throw new UpstreamError('CASES_UNAVAILABLE', 'Cases are not available on this store yet.');
    }
    return this.records;
  }

  private async compose(
    kase: StoredCase,
    focus: { record: PlanRecord; etag: string } | undefined,
  ): Promise<StageAnswer> {
    const records = this.caseRecords();
    const { participants } = kase.record;
    const [names, plans] = await Promise.all([
      records.children.list({ ids: participants.map((p) => p.childId) }),
      Promise.all(
        participants.map((p) =>
          !p.assessmentId
            ? undefined
            : p.assessmentId === focus?.record.id
              ? focus
              : this.repository.get(p.assessmentId),
        ),
      ),
    ]);
    const nameOf = new Map(names.map((c) => [c.id, c.name]));
    const children = participants.map((p, i): StageSourceChild => {
      const plan = plans[i]?.record;
      return {
        id: p.childId,
        name: nameOf.get(p.childId) ?? '',
        label: p.label,
        roles: p.roles,
        ...(plan ? { plan: { id: plan.id, kind: plan.kind, status: plan.status } } : {}),
      };
    });
    const view = stageView({
      caseId: kase.record.id,
      caseRef: kase.record.caseRef,
      children,
      caseDecision: kase.record.decision,
      plan: focus?.record,
    });
    const sources = [kase.etag, ...plans.map((p) => p?.etag ?? '-')].join(' ');
    return { view, sources };
  }
}
