import { changedFields } from '../../../core/assessment/lifecycle';
import { replaceAssessmentSchema } from '../../../core/assessment/schema';
import { contentOf, riskComplete, type Draft, type DraftContent, type DraftRisk } from './draft';

export interface Problem {
  /** Dotted path in the draft, e.g. `learner.name` or `risks.2.strategies.0.owner`. */
  path: string;
  problem: string;
}

export interface Payload {
  /** The PUT body. */
  body: Record<string, unknown>;
  /** New contexts not sent yet because they still lack a description, likelihood or impact. */
  incomplete: DraftRisk[];
  /**
   * True when the decision is being written but lacks an option or the reasons: the version last
   * saved is sent instead until it is complete (a recorded decision is never removed by accident).
   */
  decisionHeldBack: boolean;
  /** What keeps the body from being sent (the server would refuse it); empty when it may go. */
  problems: Problem[];
  /** Dotted names of the fields that differ from the saved version; empty when there is nothing to save. */
  changed: string[];
}

/**
 * What autosave would send for `draft`, given the version the server holds (`saved`). A context
 * added in the meeting is kept back until it has a description, likelihood and impact, so that one
 * half-filled context never stops everything else from being saved; anything else the server would
 * refuse is reported as a problem and nothing is sent.
 */
export function buildPayload(draft: Draft, saved: Draft, options: { changeReason?: string } = {}): Payload {
  const savedRiskIds = new Set(saved.risks.map((r) => r.id));
  const incomplete = draft.risks.filter((r) => !savedRiskIds.has(r.id) && !riskComplete(r));
  const sent = draft.risks.filter((r) => !incomplete.includes(r));

  // Compared and sent without surrounding spaces, as the server keeps them: otherwise a pause after
  // typing a space would save, come back trimmed, look changed, and save again.
  const decisionHeldBack = !!draft.decision && !decisionComplete(draft.decision);
  const content = trimDeep({ ...contentOf(draft), risks: sent });
  if (decisionHeldBack) {
    if (saved.decision) content.decision = trimDeep(saved.decision);
    else delete content.decision;
  }
  const changed = diff(trimDeep(contentOf(saved)), content);
  const reason = options.changeReason?.trim();
  const body: Record<string, unknown> = {
    ...content,
    id: draft.id,
    caseRef: draft.caseRef,
    ...(reason ? { changeReason: reason } : {}),
  };

  const problems = problemsOf(replaceAssessmentSchema.safeParse(body), (path) => {
    // Paths into `risks` count only the contexts sent; point them back at the draft's own list.
    if (path[0] === 'risks' && path[1] !== undefined) {
      const risk = sent[Number(path[1])];
      if (risk) path[1] = String(draft.risks.indexOf(risk));
    }
    return path;
  });
  return { body, incomplete, decisionHeldBack, problems, changed };
}

/** A schema's verdict on a body as problems people can act on, at dotted paths of the draft. */
export function problemsOf(
  parsed: {
    success: boolean;
    error?: { issues: readonly (IssueLike & { path: PropertyKey[]; keys?: string[] })[] };
  },
  toDraftPath: (path: string[]) => string[] = (path) => path,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of parsed.success ? [] : (parsed.error?.issues ?? [])) {
    const path = toDraftPath(issue.path.map(String));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? [])
        problems.push({ path: [...path, key].join('.'), problem: 'Unknown field.' });
    } else {
      problems.push({ path: path.join('.'), problem: plainProblem(issue) });
    }
  }
  return problems;
}

export function decisionComplete(decision: NonNullable<Draft['decision']>): boolean {
  return decision.options.length > 0 && decision.rationale.trim() !== '';
}

type Comparable = Parameters<typeof changedFields>[0];

function diff(a: DraftContent, b: DraftContent): string[] {
  // changedFields compares JSON; the draft's risks differ from stored ones only in omitting levels.
  return changedFields(a as unknown as Comparable, b as unknown as Comparable);
}

/** Dotted names of the fields that differ between two versions (not their values). */
export function changedBetween(a: Draft, b: Draft): string[] {
  return diff(trimDeep(contentOf(a)), trimDeep(contentOf(b)));
}

/**
 * The version of `draft` that a save sends: without the contexts held back as incomplete, and with
 * the saved decision while the new one is held back. Merging the server's answer against this keeps
 * what was held back in the draft.
 */
export function sentVersion(
  draft: Draft,
  saved: Draft,
  held: Pick<Payload, 'incomplete' | 'decisionHeldBack'>,
): Draft {
  const sent: Draft = { ...draft, risks: draft.risks.filter((r) => !held.incomplete.includes(r)) };
  if (held.decisionHeldBack) {
    if (saved.decision) sent.decision = saved.decision;
    else delete sent.decision;
  }
  return sent;
}

export function trimDeep<T>(value: T): T {
  if (typeof value === 'string') return value.trim() as T;
  if (Array.isArray(value)) return value.map((v: unknown) => trimDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimDeep(v)])) as T;
  }
  return value;
}

interface IssueLike {
  code: string;
  message: string;
  origin?: string;
  minimum?: unknown;
  input?: unknown;
}

/** zod describes rules for developers ("Too small: expected string…"); people need plainer words. */
function plainProblem(issue: IssueLike): string {
  switch (issue.code) {
    case 'custom':
      return issue.message;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'Required.' : 'Too small.';
    case 'too_big':
      return issue.origin === 'string' ? 'Too long.' : 'Too many or too large.';
    case 'invalid_format':
      return 'Not a valid date.';
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : 'Not valid.';
    default:
      return 'Not valid.';
  }
}
