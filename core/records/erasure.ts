import { z } from 'zod';
import type { AssessmentData, PlanRecord } from '../assessment/schema.js';
import { NAME_REMOVED } from '../privacy/wording.js';
import type { CaseData, Case } from '../cases/case.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import { createNameMatcher, renderMentions, type NamedChild } from '../privacy/index.js';
import type { ErasureTarget } from '../repositories/record-erasure.js';
import { mapProse } from '../privacy/index.js';
import { ANOTHER_CHILD } from './subject-access.js';

/** POST /api/children/:id/erase. The reason is kept, so the form warns the DSL not to write a name. */
export const eraseInputSchema = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the record is being erased.').max(2_000),
});

/** The reason as it is kept (the line left after an erasure holds no name): every known child's name, in any form, taken out. */
export function reasonWithoutNames(reason: string, children: readonly NamedChild[]): string {
  return createNameMatcher(children).replace(reason, () => NAME_REMOVED);
}

/**
 * Text of another record with the erased child turned into "another child": their mention tokens
 * and their name typed in any form. Over-matching (a shared first name) errs on the side of erasure.
 */
export function withoutChild(child: NamedChild): (text: string) => string {
  const matcher = createNameMatcher([child]);
  return (text) =>
    renderMentions(
      matcher.replace(text, () => ANOTHER_CHILD),
      (id) => (id === child.id ? ANOTHER_CHILD : `@[child:${id}]`),
    );
}

/** A case the child leaves: their participation goes, mentions of them become "another child". */
export function caseWithoutChild(kase: Case, child: NamedChild): CaseData {
  const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...data } = kase;
  return mapProse(
    { ...data, participants: data.participants.filter((p) => p.childId !== child.id) },
    withoutChild(child),
  );
}

/** Another child's plan, with the erased child no longer named, mentioned or listed in it. */
export function planWithoutChild(plan: PlanRecord, child: NamedChild): AssessmentData {
  const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...data } = plan;
  return mapProse(
    { ...data, otherChildren: data.otherChildren.filter((o) => o.id !== child.id) },
    withoutChild(child),
  );
}

export interface ErasurePlanInput {
  childId: string;
  plans: readonly { id: string; childId: string | null; caseId: string | null }[];
  cases: readonly Case[];
  /** The chronology of each of the child's cases, and the entries about the child. */
  chronology: readonly ChronologyEntry[];
}

/** Which records go outright, and which cases stay (for their other children) and are rewritten. */
export function erasureTarget(input: ErasurePlanInput): { target: ErasureTarget; casesKept: Case[] } {
  const { childId } = input;
  const gone = input.cases.filter((c) => c.participants.every((p) => p.childId === childId));
  const goneIds = new Set(gone.map((c) => c.id));
  const planIds = input.plans
    .filter((p) => p.childId === childId || (p.caseId !== null && goneIds.has(p.caseId)))
    .map((p) => p.id);
  const chronologyIds = input.chronology
    .filter((e) => e.childId === childId || (e.caseId !== undefined && goneIds.has(e.caseId)))
    .map((e) => e.id);
  return {
    target: { childId, planIds, caseIds: [...goneIds], chronologyIds: [...new Set(chronologyIds)] },
    casesKept: input.cases.filter((c) => !goneIds.has(c.id)),
  };
}
