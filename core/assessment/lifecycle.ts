import { ConflictError, ValidationError, type ErrorDetail } from '../errors.js';
import type { AssessmentData, AssessmentStatus } from './schema.js';

const allowed: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ['draft', 'active', 'closed'],
  active: ['active', 'closed'],
  closed: ['closed', 'active'],
};

/** What must be true of an active assessment (KCSIE: a recorded decision with reasons; a review date). */
export function activationProblems(
  data: Pick<AssessmentData, 'decision' | 'review'> & { kind?: AssessmentData['kind'] },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  // A support plan carries out the case's decision; it does not make its own.
  if (!data.decision && data.kind !== 'support-plan') {
    problems.push({
      path: 'decision',
      problem: 'Record the decision and why it was made before activating.',
    });
  }
  if (!data.review.nextDue) {
    problems.push({ path: 'review.nextDue', problem: 'Set the date of the first review before activating.' });
  }
  return problems;
}

/**
 * Checks a change of an assessment against its lifecycle: draft → active → closed, reopening with a
 * reason, never back to draft. Once an assessment has been active every change needs a reason, which
 * goes to the audit trail.
 * @param before the stored record, or null when creating
 */
export function checkLifecycle(
  before: Pick<AssessmentData, 'status'> | null,
  after: Pick<AssessmentData, 'status' | 'decision' | 'review' | 'closingReason'> & {
    kind?: AssessmentData['kind'];
  },
  change: { changedFields: readonly string[]; reason: string | undefined },
): void {
  if (before === null) {
    if (after.status === 'closed') {
      throw new ValidationError('INVALID_STATUS', 'A new assessment starts as a draft or active.', [
        { path: 'status', problem: 'Use "draft" or "active".' },
      ]);
    }
  } else if (!allowed[before.status].includes(after.status)) {
    throw new ConflictError(
      'state',
      'INVALID_TRANSITION',
      `An assessment that is ${before.status} cannot go back to ${after.status}.`,
    );
  }

  if (after.status === 'active') {
    const problems = activationProblems(after);
    if (problems.length > 0) {
      throw new ValidationError(
        'ACTIVATION_INCOMPLETE',
        'The assessment is not ready to be active.',
        problems,
      );
    }
  }
  if (after.status === 'closed' && !after.closingReason) {
    throw new ValidationError('CLOSING_REASON_REQUIRED', 'Say why the assessment is being closed.', [
      { path: 'closingReason', problem: 'Required when closing.' },
    ]);
  }
  if (before !== null && before.status !== 'draft' && change.changedFields.length > 0 && !change.reason) {
    throw new ValidationError(
      'CHANGE_REASON_REQUIRED',
      'Changes to an assessment that has been active need a reason.',
      [{ path: 'changeReason', problem: 'Required for this change.' }],
    );
  }
}

const nested = new Set(['learner', 'meeting', 'views', 'decision', 'review']);
const ignored = new Set(['overallRisk']);

/** JSON with object keys sorted, so that key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Names of the fields that differ, one level deep for the small objects (`learner.name`,
 * `review.nextDue`) and whole arrays otherwise. Used for the audit trail, which records which fields
 * changed but never their values.
 */
export function changedFields(before: Partial<AssessmentData>, after: Partial<AssessmentData>): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (ignored.has(key)) continue;
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (same(a, b)) continue;
    if (nested.has(key) && a && b && typeof a === 'object' && typeof b === 'object') {
      const subKeys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const sub of [...subKeys].sort()) {
        if (!same((a as Record<string, unknown>)[sub], (b as Record<string, unknown>)[sub]))
          out.push(`${key}.${sub}`);
      }
    } else {
      out.push(key);
    }
  }
  return out;
}
