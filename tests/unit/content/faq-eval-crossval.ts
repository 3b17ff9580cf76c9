import {
  faqAlternatives,
  rankFaq,
  rankFaqByBm25,
  withFaqAlternatives,
  type ContentLibrary,
} from '../../../core/index.js';

/**
 * Cross-validation over the alternative phrasings: a content-only stand-in for questions nobody has
 * written yet. Each phrasing is searched against an index that lacks it, either alone ('phrasing': the
 * rest of its entry's phrasings stay) or with every phrasing of its entry ('entry': the entry is found
 * by its own question, tags and answer only, the way a question worded unlike any phrasing finds it).
 * The 'entry' mode ranks by BM25 alone: the re-ranker (core/content/faq-rerank.ts) weighs how well an
 * entry's phrasings cover the question, and would unfairly sink the one entry stripped of them, when in
 * use every entry has its phrasings. The 'phrasing' mode ranks as search does, re-ranker included.
 */
export interface HeldOutPhrasing {
  id: string;
  phrasing: string;
  ranked: ReturnType<typeof rankFaq>;
}

const cache = new WeakMap<ContentLibrary, Map<string, HeldOutPhrasing[]>>();

export function heldOutPhrasings(lib: ContentLibrary, mode: 'phrasing' | 'entry'): HeldOutPhrasing[] {
  const byMode = cache.get(lib) ?? new Map<string, HeldOutPhrasing[]>();
  cache.set(lib, byMode);
  const done = byMode.get(mode);
  if (done) return done;
  const out: HeldOutPhrasing[] = [];
  for (const [id, phrasings] of faqAlternatives(lib)) {
    if (mode === 'entry') {
      withFaqAlternatives(
        lib,
        id,
        [],
        (index) => {
          for (const phrasing of phrasings) out.push({ id, phrasing, ranked: rankFaqByBm25(lib, phrasing, index) });
        },
        { withoutAsked: true },
      );
      continue;
    }
    phrasings.forEach((phrasing, i) => {
      const rest = phrasings.filter((_, j) => j !== i);
      withFaqAlternatives(lib, id, rest, (index) => out.push({ id, phrasing, ranked: rankFaq(lib, phrasing, index) }));
    });
  }
  byMode.set(mode, out);
  return out;
}

/** hit@1 and hit@3 of held-out phrasings: is their own entry first, or in the top three? */
export function crossValidation(lib: ContentLibrary, mode: 'phrasing' | 'entry'): { n: number; hit1: number; hit3: number } {
  const all = heldOutPhrasings(lib, mode);
  const hit1 = all.filter((p) => p.ranked[0]?.id === p.id).length;
  const hit3 = all.filter((p) => p.ranked.slice(0, 3).some((r) => r.id === p.id)).length;
  return { n: all.length, hit1: hit1 / all.length, hit3: hit3 / all.length };
}
