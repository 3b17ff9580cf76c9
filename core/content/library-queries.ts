import type { Clause, ContentLibrary, FaqEntry } from './schema.js';
import type { ClauseKind } from './sections.js';

/** Clauses of one kind (or all, policy first), each list in its document order. */
export function clausesOf(library: ContentLibrary, kind?: ClauseKind): readonly Clause[] {
  if (kind === 'policy') return library.policy;
  if (kind === 'referral') return library.referral;
  return [...library.policy, ...library.referral];
}

export function findClause(library: ContentLibrary, id: string): Clause | undefined {
  return library.policy.find((c) => c.id === id) ?? library.referral.find((c) => c.id === id);
}

export function findFaq(library: ContentLibrary, id: string): FaqEntry | undefined {
  return library.faq.find((e) => e.id === id);
}

/**
 * The clauses a FAQ entry's `related` ids point to, in order and without repeats. An id is either a
 * clause id or a section anchor (`policy.records`), which stands for every clause of that section.
 */
export function relatedClauses(library: ContentLibrary, related: readonly string[]): Clause[] {
  const out = new Map<string, Clause>();
  for (const id of related) {
    const exact = findClause(library, id);
    if (exact) {
      out.set(exact.id, exact);
      continue;
    }
    const [kind, section] = id.split('.', 2) as [string, string | undefined];
    if (kind !== 'policy' && kind !== 'referral') continue;
    for (const clause of clausesOf(library, kind)) if (clause.section === section) out.set(clause.id, clause);
  }
  return [...out.values()];
}
