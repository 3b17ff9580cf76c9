import { ConflictError, ValidationError } from '../errors.js';
import type { Actor, StoredAssessment } from '../repositories/assessment-repository.js';
import { parseWith } from '../validation.js';
import { changedFields } from './lifecycle.js';
import { assessmentContent } from './normalise.js';
import type { PlanContext } from './plan-context.js';
import { planEntry } from './plan-transitions.js';
import { planView } from './plan-view.js';
import { reviewInputSchema, type AssessmentData, type ReviewEntry } from './schema.js';

/** A review appended without If-Match retries this many times when someone else saved meanwhile. */
const REVIEW_APPEND_ATTEMPTS = 3;

/**
 * Appends a review and moves the next review date; a new risk level becomes the plan's overall
 * risk. Without `ifMatch` the append is retried on a concurrent save, which is safe because it only
 * adds to the history and sets the next date.
 */
export async function addReview(
  ctx: PlanContext,
  id: string,
  body: unknown,
  actor: Actor,
  ifMatch?: string,
): Promise<StoredAssessment> {
  const input = parseWith(reviewInputSchema, body);
  const today = ctx.today();
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
    const current = await ctx.repository.get(id);
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
    const strategyIds = new Set([
      ...before.risks.flatMap((r) => r.strategies.map((s) => s.id)),
      ...(before.supportPlan?.measures ?? []).map((m) => m.id),
    ]);
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
    const entry: ReviewEntry = { ...input, id: ctx.newId(), recordedAt: ctx.clock.now().toISOString() };
    const data = assessmentContent(before);
    const after: AssessmentData = {
      ...data,
      reviews: [...before.reviews, entry],
      review: { ...before.review, nextDue: input.nextDue },
    };
    if (input.newRiskLevel) {
      after.overallRisk = input.newRiskLevel;
      after.riskHistory = [
        ...(before.riskHistory ?? []),
        { level: input.newRiskLevel, on: input.date, source: 'review', reviewId: entry.id },
      ];
    }
    const did = `reviewed${input.newRiskLevel ? `; overall risk now ${input.newRiskLevel}` : ''}`;
    const chronology = planEntry(ctx, after, ctx.signer(actor), 'review', did, input.date);
    try {
      const saved = await ctx.repository.replace(
        id,
        after,
        current.etag,
        { actor, at: ctx.clock.now(), action: 'review', fields: changedFields(data, after) },
        chronology.length ? { chronology } : undefined,
      );
      return planView(ctx, saved);
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
