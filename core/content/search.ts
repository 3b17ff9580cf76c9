import MiniSearch, { type SearchOptions } from 'minisearch';
import type { ClauseKind } from './sections.js';
import { policySectionTitles, referralSectionTitles } from './sections.js';
import type { Clause, ContentLibrary, FaqEntry } from './schema.js';
import { markdownToPlainText } from './markdown.js';
import { expandQuery } from './synonyms.js';
import { processTerm, tokenize } from './text-terms.js';

/**
 * Full-text search over the FAQ and the clauses (minisearch, BM25+). The title or question counts most,
 * then tags (or the section's name), then the body. Typed words match by prefix and, when long enough,
 * fuzzily; synonyms from synonyms.ts join the query at a lower weight. Indexes are built once per
 * library, when it loads.
 */

export interface FaqHit {
  entry: FaqEntry;
  /** BM25+ relevance: only meaningful relative to other hits for the same query. */
  score: number;
}

export interface ClauseHit {
  clause: Clause;
  score: number;
}

export interface SearchFaqOptions {
  /** How many hits at most (default 5). */
  top?: number;
}

export interface SearchClausesOptions {
  kind?: ClauseKind;
  section?: string;
  /** How many hits at most (default 20). */
  top?: number;
}

/** Weight of a synonym relative to a word the person typed. */
const SYNONYM_WEIGHT = 0.25;
/** Longer queries are cut here: nobody types more, and it bounds the work per query. */
const MAX_QUERY_LENGTH = 500;

interface Indexes {
  faq: MiniSearch;
  faqTerms: ReadonlySet<string>;
  faqById: Map<string, FaqEntry>;
  clauses: MiniSearch;
  clauseTerms: ReadonlySet<string>;
  clauseById: Map<string, Clause>;
}

/** Every indexed term, so that a query word the index already knows skips the fuzzy walk. */
function vocabulary(documents: readonly Record<string, string>[], fields: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const doc of documents) {
    for (const field of fields) {
      for (const token of tokenize(doc[field] ?? '')) {
        const term = processTerm(token);
        if (term) terms.add(term);
      }
    }
  }
  return terms;
}

const indexes = new WeakMap<ContentLibrary, Indexes>();

/** Typos are tolerated in longer words only: a short word one edit away is usually another word. */
function fuzziness(term: string): number | false {
  if (term.length < 5 || /\d/.test(term)) return false;
  return term.length < 8 ? 1 : 2;
}

function newIndex(fields: string[], boost: Record<string, number>): MiniSearch {
  return new MiniSearch({
    fields,
    storeFields: ['kind', 'section'],
    tokenize,
    processTerm,
    searchOptions: { boost, prefix: (term) => term.length >= 3, fuzzy: fuzziness, maxFuzzy: 2 },
  });
}

function sectionTitle(clause: Clause): string {
  return clause.kind === 'policy'
    ? policySectionTitles[clause.section]
    : referralSectionTitles[clause.section];
}

/** Builds both indexes for `library`; the parser calls it once at load. Safe to call again. */
export function buildSearchIndexes(library: ContentLibrary): void {
  if (indexes.has(library)) return;
  const faqFields = ['question', 'tags', 'answer'];
  const faqDocuments = library.faq.map((entry) => ({
    id: entry.id,
    question: entry.question,
    tags: entry.tags.join(' '),
    answer: markdownToPlainText(entry.answer),
  }));
  const faq = newIndex(faqFields, { question: 3, tags: 2, answer: 1 });
  faq.addAll(faqDocuments);
  const clauseList: Clause[] = [...library.policy, ...library.referral];
  const clauseFields = ['title', 'sectionTitle', 'body'];
  const clauseDocuments = clauseList.map((clause) => ({
    id: clause.id,
    kind: clause.kind,
    section: clause.section,
    title: clause.title,
    sectionTitle: sectionTitle(clause),
    body: markdownToPlainText(clause.body),
  }));
  const clauses = newIndex(clauseFields, { title: 3, sectionTitle: 2, body: 1 });
  clauses.addAll(clauseDocuments);
  indexes.set(library, {
    faq,
    faqTerms: vocabulary(faqDocuments, faqFields),
    clauseTerms: vocabulary(clauseDocuments, clauseFields),
    faqById: new Map(library.faq.map((e) => [e.id, e])),
    clauses,
    clauseById: new Map(clauseList.map((c) => [c.id, c])),
  });
}

function indexesOf(library: ContentLibrary): Indexes {
  buildSearchIndexes(library);
  return indexes.get(library)!;
}

/**
 * The query minisearch runs: the words typed (prefix and fuzzy), plus synonyms (exact, down-weighted).
 * Returns undefined when nothing searchable is left (only stop words, say).
 */
function buildQuery(
  query: string,
  known: ReadonlySet<string>,
): { text: string; options: SearchOptions } | undefined {
  const typed = query.slice(0, MAX_QUERY_LENGTH);
  const typedTerms = new Set(
    tokenize(typed)
      .map(processTerm)
      .filter((t): t is string => Boolean(t)),
  );
  const synonymTerms = new Set(
    expandQuery(typed)
      .flatMap(tokenize)
      .map(processTerm)
      .filter((t): t is string => Boolean(t) && !typedTerms.has(t!)),
  );
  if (typedTerms.size === 0 && synonymTerms.size === 0) return undefined;
  return {
    // The terms are processed (stemmed) here already, and stemming is not idempotent ("speeded" →
    // "speed" → "spe"), so minisearch gets identity tokenize and processTerm for this query.
    text: [...typedTerms, ...synonymTerms].join(' '),
    options: {
      processTerm: (term) => term,
      tokenize: (text) => text.split(' '),
      boostTerm: (term) => (synonymTerms.has(term) ? SYNONYM_WEIGHT : 1),
      prefix: (term) => !synonymTerms.has(term) && term.length >= 3,
      // A word the index already holds is spelt as the content spells it: fuzzy matching would only
      // add near-neighbours (and is the costliest part of a query). Unknown words still get it.
      fuzzy: (term) => (synonymTerms.has(term) || known.has(term) ? false : fuzziness(term)),
    },
  };
}

function clampTop(top: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(100, Math.floor(top ?? fallback)));
}

/** Ranked FAQ entries for what a member of staff typed; [] when nothing matches. */
export function searchFaq(library: ContentLibrary, query: string, options: SearchFaqOptions = {}): FaqHit[] {
  const { faq, faqTerms, faqById } = indexesOf(library);
  const built = buildQuery(query, faqTerms);
  if (!built) return [];
  return faq
    .search(built.text, built.options)
    .slice(0, clampTop(options.top, 5))
    .map((r) => ({ entry: faqById.get(r.id as string)!, score: r.score }));
}

/** Ranked clauses, optionally of one kind or section; [] when nothing matches. */
export function searchClauses(
  library: ContentLibrary,
  query: string,
  options: SearchClausesOptions = {},
): ClauseHit[] {
  const { clauses, clauseTerms, clauseById } = indexesOf(library);
  const built = buildQuery(query, clauseTerms);
  if (!built) return [];
  const { kind, section } = options;
  return clauses
    .search(built.text, {
      ...built.options,
      ...(kind || section
        ? {
            filter: (r) => (!kind || r.kind === kind) && (!section || r.section === section),
          }
        : {}),
    })
    .slice(0, clampTop(options.top, 20))
    .map((r) => ({ clause: clauseById.get(r.id as string)!, score: r.score }));
}
