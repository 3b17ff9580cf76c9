import { addDays, dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { Actor, AssessmentRepository, StoredAssessment } from '../repositories/assessment-repository.js';
import { parseWith } from '../validation.js';
import { changedFields, checkLifecycle } from './lifecycle.js';
import { assessmentContent, defaultNewId, normaliseContent, type NewId } from './normalise.js';
import { daysUntilDue, isDue, isOverdue } from './review-schedule.js';
import {
  createAssessmentSchema,
  replaceAssessmentSchema,
  reviewInputSchema,
  type AssessmentData,
  type AssessmentStatus,
  type AssessmentSummary,
  type ReviewEntry,
} from './schema.js';

export interface AssessmentServiceOptions {
  repository: AssessmentRepository;
  clock?: Clock;
  newId?: NewId;
  timeZone?: string;
}

export interface SummaryView extends AssessmentSummary {
  overdue: boolean;
}

export interface DueView extends SummaryView {
  nextDue: string;
  daysUntilDue: number;
}

/** A review appended without If-Match retries this many times when someone else saved meanwhile. */
const REVIEW_APPEND_ATTEMPTS = 3;

/**
 * The use cases of the assessment API, independent of HTTP and of the storage backend: parse and
 * validate input, apply the lifecycle rules, compute derived fields, and write with optimistic
 * concurrency.
 */
export class AssessmentService {
  private readonly repository: AssessmentRepository;
  private readonly clock: Clock;
  private readonly newId: NewId;
  private readonly timeZone: string | undefined;

  constructor(options: AssessmentServiceOptions) {
    this.repository = options.repository;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? defaultNewId;
    this.timeZone = options.timeZone;
  }

  today(): IsoDate {
    return dateInZone(this.clock.now(), this.timeZone);
  }

  async create(body: unknown, actor: Actor): Promise<StoredAssessment> {
    const input = parseWith(createAssessmentSchema, body);
    const status = input.status ?? 'draft';
    const content = normaliseContent(input, status, this.newId);
    checkLifecycle(null, content, { changedFields: [], reason: undefined });
    const data: AssessmentData = { ...content, reviews: [] };
    return this.repository.create(data, {
      actor,
      at: this.clock.now(),
      action: 'create',
      fields: changedFields({}, data),
    });
  }

  get(id: string): Promise<StoredAssessment> {
    return this.repository.get(id);
  }

  /**
   * The full record for someone to look at. Viewing a child's record is as significant as changing
   * it, so the view is recorded first: if it cannot be recorded, the record is not shown.
   */
  async read(id: string, actor: Actor): Promise<StoredAssessment> {
    const stored = await this.repository.get(id);
    await this.repository.recordAccess(id, { actor, at: this.clock.now(), action: 'read' });
    return stored;
  }

  /** The full record for a document export (`audience` e.g. `staff`, `parents`, `full`), recorded first. */
  async readForExport(id: string, actor: Actor, audience: string): Promise<StoredAssessment> {
    const stored = await this.repository.get(id);
    await this.repository.recordAccess(id, {
      actor,
      at: this.clock.now(),
      action: 'export',
      detail: audience,
    });
    return stored;
  }

  async replace(id: string, body: unknown, ifMatch: string, actor: Actor): Promise<StoredAssessment> {
    const input = parseWith(replaceAssessmentSchema, body);
    const current = await this.repository.get(id);
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
    if (ifMatch !== current.etag) {
      throw new ConflictError(
        'stale',
        'ETAG_MISMATCH',
        'Someone else has saved this assessment since.',
        current.etag,
      );
    }

    const content = normaliseContent(input, input.status, this.newId);
    const after: AssessmentData = { ...content, reviews: before.reviews };
    if (after.status === 'closed') {
      after.closedOn = before.status === 'closed' && before.closedOn ? before.closedOn : this.today();
    } else {
      delete after.closingReason;
    }
    const fields = changedFields(assessmentContent(before), after);
    checkLifecycle(before, after, { changedFields: fields, reason: input.changeReason });
    if (fields.length === 0) return current;
    return this.repository.replace(id, after, ifMatch, {
      actor,
      at: this.clock.now(),
      action: 'update',
      fields,
      ...(input.changeReason ? { reason: input.changeReason } : {}),
    });
  }

  /**
   * Appends a review and moves the next review date. Without `ifMatch` the append is retried on a
   * concurrent save, which is safe because it only adds to the history and sets the next date.
   */
  async addReview(id: string, body: unknown, actor: Actor, ifMatch?: string): Promise<StoredAssessment> {
    const input = parseWith(reviewInputSchema, body);
    const today = this.today();
    if (input.date > today) {
      throw new ValidationError(
        'REVIEW_DATE_IN_FUTURE',
        'A review is recorded on or after the day it happens.',
        [{ path: 'date', problem: 'Must not be after today.' }],
      );
    }
    if (input.nextDue <= input.date) {
      throw new ValidationError('NEXT_REVIEW_NOT_AFTER_REVIEW', 'The next review must come after this one.', [
        { path: 'nextDue', problem: 'Must be after the review date.' },
      ]);
    }

    for (let attempt = 1; ; attempt++) {
      const current = await this.repository.get(id);
      const before = current.record;
      if (ifMatch !== undefined && ifMatch !== current.etag) {
        throw new ConflictError(
          'stale',
          'ETAG_MISMATCH',
          'Someone else has saved this assessment since.',
          current.etag,
        );
      }
      if (before.status !== 'active') {
        throw new ConflictError('state', 'REVIEW_NEEDS_ACTIVE', 'Only an active assessment can be reviewed.');
      }
      const strategyIds = new Set(before.risks.flatMap((r) => r.strategies.map((s) => s.id)));
      const unknown = input.strategyImpacts
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => !strategyIds.has(s.strategyId));
      if (unknown.length > 0) {
        throw new ValidationError(
          'INVALID_REFERENCE',
          'Some strategy impacts refer to strategies this assessment does not have.',
          unknown.map(({ i }) => ({
            path: `strategyImpacts.${i}.strategyId`,
            problem: 'No strategy has this id.',
          })),
        );
      }
      const entry: ReviewEntry = { ...input, id: this.newId(), recordedAt: this.clock.now().toISOString() };
      const data = assessmentContent(before);
      const after: AssessmentData = {
        ...data,
        reviews: [...before.reviews, entry],
        review: { ...before.review, nextDue: input.nextDue },
      };
      try {
        return await this.repository.replace(id, after, current.etag, {
          actor,
          at: this.clock.now(),
          action: 'review',
          fields: changedFields(data, after),
        });
      } catch (error) {
        const retry =
          ifMatch === undefined &&
          attempt < REVIEW_APPEND_ATTEMPTS &&
          error instanceof ConflictError &&
          error.reason === 'stale';
        if (!retry) throw error;
      }
    }
  }

  async list(
    filter: { status?: readonly AssessmentStatus[]; dueWithinDays?: number } = {},
  ): Promise<SummaryView[]> {
    const today = this.today();
    const rows = await this.repository.list({
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.dueWithinDays !== undefined
        ? { dueOnOrBefore: addDaysSafe(today, filter.dueWithinDays) }
        : {}),
    });
    return rows
      .filter((r) => filter.dueWithinDays === undefined || isDue(r, today, filter.dueWithinDays))
      .map((r) => ({ ...r, overdue: r.status !== 'closed' && isOverdue(r.nextDue, today) }));
  }

  /** Assessments whose review is due within `withinDays` (overdue and drafts included), soonest first. */
  async due(withinDays: number): Promise<DueView[]> {
    const today = this.today();
    const rows = await this.repository.list({
      status: ['draft', 'active'],
      dueOnOrBefore: addDaysSafe(today, withinDays),
    });
    return rows
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
}

function addDaysSafe(today: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new ValidationError('INVALID_QUERY', 'The number of days must be a whole number from 0 to 366.', [
      { path: 'withinDays', problem: 'Out of range.' },
    ]);
  }
  return addDays(today, days);
}
