import type { IsoDate } from '../dates.js';
import type { Actor, StoredAssessment } from '../repositories/assessment-repository.js';
import { PlanContext, type AssessmentServiceOptions } from './plan-context.js';
import { createPlan } from './plan-creation.js';
import { duePlans, listPlans, type DueView, type SummaryView } from './plan-lists.js';
import { getPlan, readForExport, readPlan, recordView } from './plan-reads.js';
import { addReview } from './plan-review.js';
import { replacePlan } from './plan-update.js';
import type { AssessmentStatus, PlanKind } from './schema.js';

export type { AssessmentServiceOptions };

/**
 * The use cases of the plan API (risk assessments and support plans), independent of HTTP and of the
 * storage backend: parse and validate input, apply the lifecycle rules, compute derived fields, and
 * write with optimistic concurrency. A plan in a case never stores a child's name: the learner's
 * details live in the child record, other children are the case's participants, incidents are the
 * case's, and names typed in free text are stored as mention tokens.
 *
 * Each use case lives in its own module (creation, update, review, reads, lists); this class is the
 * one entry point that routes and the bot use.
 */
export class AssessmentService {
  private readonly context: PlanContext;

  constructor(options: AssessmentServiceOptions) {
    this.context = new PlanContext(options);
  }

  today(): IsoDate {
    return this.context.today();
  }

  async create(body: unknown, actor: Actor): Promise<StoredAssessment> {
    const created = await createPlan(this.context, body, actor);
    this.context.announce(undefined, created.record);
    return created;
  }

  get(id: string): Promise<StoredAssessment> {
    return getPlan(this.context, id);
  }

  read(id: string, actor: Actor): Promise<StoredAssessment> {
    return readPlan(this.context, id, actor);
  }

  recordView(id: string, actor: Actor, detail?: string): Promise<void> {
    return recordView(this.context, id, actor, detail);
  }

  readForExport(id: string, actor: Actor, audience: string): Promise<StoredAssessment> {
    return readForExport(this.context, id, actor, audience);
  }

  replace(id: string, body: unknown, ifMatch: string, actor: Actor): Promise<StoredAssessment> {
    return replacePlan(this.context, id, body, ifMatch, actor);
  }

  addReview(id: string, body: unknown, actor: Actor, ifMatch?: string): Promise<StoredAssessment> {
    return addReview(this.context, id, body, actor, ifMatch);
  }

  list(
    filter: { status?: readonly AssessmentStatus[]; dueWithinDays?: number; kind?: PlanKind } = {},
  ): Promise<SummaryView[]> {
    return listPlans(this.context, filter);
  }

  due(withinDays: number): Promise<DueView[]> {
    return duePlans(this.context, withinDays);
  }
}
