import MiniSearch from 'minisearch';
import { policySectionTitles, referralSectionTitles } from './sections.js';
import type { FaqAlternatives } from './alternatives.js';
import type { Clause, ContentLibrary, FaqEntry, RiskContextTemplate } from './schema.js';
import { markdownToPlainText } from './markdown.js';
import { processTerm, tokenize } from './text-terms.js';
import { phrasingOf, type Phrasing } from './faq-rerank.js';

/**
 * Builds the search indexes (minisearch) that search.ts queries: one each for the FAQ, the clauses and
 * the risk-assessment contexts, built once per library when it loads and kept beside it. The FAQ index
 * holds each entry's question, its alternative phrasings (content/search/alternatives.yaml), the
 * questions staff asked of it (content/search/asked.yaml), its tags and its answer, weighted by
 * FAQ_BOOST; beside the indexes sit each entry's phrasings as the re-ranker reads them, every indexed
 * term, and how many FAQ entries hold each term. A copy of the FAQ index with one entry's phrasings changed
 * serves the calibration (`withFaqAlternatives`).
 */

/** The FAQ index and each entry's phrasings (its question and alternatives) as the re-ranker reads them. */
export interface FaqIndexView {
  index: MiniSearch;
  phrasings: ReadonlyMap<string, readonly Phrasing[]>;
}

/** Everything built for one library: the indexes and what the queries read beside them. */
export interface Indexes {
  faq: FaqIndexView;
  faqTerms: ReadonlySet<string>;
  /** How many FAQ entries hold each term (any field), and the terms sorted, for prefix look-ups. */
  faqDocFrequency: DocFrequency;
  faqById: Map<string, FaqEntry>;
  alternatives: FaqAlternatives;
  asked: FaqAlternatives;
  clauses: MiniSearch;
  clauseTerms: ReadonlySet<string>;
  clauseById: Map<string, Clause>;
  contexts: MiniSearch;
  contextTerms: ReadonlySet<string>;
  contextById: Map<string, RiskContextTemplate>;
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

/** How many of `documents` hold each term, and the terms sorted (for prefix look-ups). */
export interface DocFrequency {
  documents: number;
  byTerm: ReadonlyMap<string, number>;
  sorted: readonly string[];
}

function docFrequency(documents: readonly Record<string, string>[], fields: readonly string[]): DocFrequency {
  const byTerm = new Map<string, number>();
  for (const doc of documents) {
    const terms = new Set<string>();
    for (const field of fields) {
      for (const token of tokenize(doc[field] ?? '')) {
        const term = processTerm(token);
        if (term) terms.add(term);
      }
    }
    for (const term of terms) byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
  }
  return { documents: documents.length, byTerm, sorted: [...byTerm.keys()].sort() };
}

/** A text's terms as the indexes hold them (tokenized, processed, stop words gone). */
export const processAll = (text: string): string[] =>
  tokenize(text)
    .map(processTerm)
    .filter((t): t is string => Boolean(t));

const indexes = new WeakMap<ContentLibrary, Indexes>();

/** Typos are tolerated in longer words only: a short word one edit away is usually another word. */
export function fuzziness(term: string): number | false {
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

const FAQ_FIELDS = ['question', 'alternatives', 'asked', 'tags', 'answer'] as const;
/**
 * The question is the entry's own wording; the alternatives are several questions at once, so each
 * word in them counts a little less; the answer is long and mentions much it does not answer.
 */
const FAQ_BOOST: Readonly<Record<(typeof FAQ_FIELDS)[number], number>> = {
  question: 3,
  alternatives: 1,
  asked: 1,
  tags: 2,
  answer: 1,
};

/**
 * One FAQ entry as the index holds it: the alternatives written from its text, and the questions staff
 * asked of it in a field of their own, so that the good-answer cut can tell the two apart (evidenceOf).
 */
function faqDocument(entry: FaqEntry, phrasings: readonly string[], asked: readonly string[]): Record<string, string> {
  return {
    id: entry.id,
    question: entry.question,
    alternatives: phrasings.join(' \n '),
    asked: asked.join(' \n '),
    tags: entry.tags.join(' '),
    answer: markdownToPlainText(entry.answer),
  };
}

function faqDocuments(library: ContentLibrary, alternatives: FaqAlternatives, asked: FaqAlternatives) {
  return library.faq.map((entry) => faqDocument(entry, alternatives.get(entry.id) ?? [], asked.get(entry.id) ?? []));
}

function faqIndex(documents: readonly Record<string, string>[]): MiniSearch {
  const index = newIndex([...FAQ_FIELDS], { ...FAQ_BOOST });
  index.addAll(documents);
  return index;
}

/** An entry's phrasings as the re-ranker reads them: those written from its text, then those asked. */
function phrasingList(id: string, alternatives: FaqAlternatives, asked: FaqAlternatives): readonly string[] {
  return [...(alternatives.get(id) ?? []), ...(asked.get(id) ?? [])];
}

function phrasingsOf(entry: FaqEntry, alternatives: readonly string[]): Phrasing[] {
  return [entry.question, ...alternatives].map((text) => phrasingOf(processAll(text), text));
}

function faqPhrasings(
  library: ContentLibrary,
  alternatives: FaqAlternatives,
  asked: FaqAlternatives,
): Map<string, readonly Phrasing[]> {
  return new Map(library.faq.map((entry) => [entry.id, phrasingsOf(entry, phrasingList(entry.id, alternatives, asked))]));
}

/**
 * Runs `fn` with a copy of the FAQ index in which entry `id` has `phrasings` as its written alternatives,
 * for the calibration, which leaves one phrasing out at a time; its asked questions stay, unless
 * `withoutAsked` (an entry found by its own question, tags and answer alone). The library's own index
 * is not touched.
 */
export function withFaqAlternatives<T>(
  library: ContentLibrary,
  id: string,
  phrasings: readonly string[],
  fn: (view: FaqIndexView) => T,
  { withoutAsked = false }: { withoutAsked?: boolean } = {},
): T {
  const { faqById, alternatives, asked, faq } = indexesOf(library);
  const entry = faqById.get(id);
  if (!entry) throw new Error(`no FAQ entry ${id}`);
  calibrationIndexes.set(
    library,
    calibrationIndexes.get(library) ?? faqIndex(faqDocuments(library, alternatives, asked)),
  );
  const index = calibrationIndexes.get(library)!;
  // remove() (exact and synchronous), not replace(): replace discards lazily, and the discarded copies
  // would skew term statistics until an asynchronous vacuum that a synchronous loop never lets run.
  const original = faqDocument(entry, alternatives.get(id) ?? [], asked.get(id) ?? []);
  const askedKept = withoutAsked ? [] : (asked.get(id) ?? []);
  const kept = [...phrasings, ...askedKept];
  const altered = faqDocument(entry, phrasings, askedKept);
  index.remove(original);
  index.add(altered);
  const view = { index, phrasings: new Map(faq.phrasings).set(id, phrasingsOf(entry, kept)) };
  try {
    return fn(view);
  } finally {
    index.remove(altered);
    index.add(original);
  }
}

const calibrationIndexes = new WeakMap<ContentLibrary, MiniSearch>();

/**
 * Builds the indexes for `library`; the parser calls it once at load, with the FAQ's alternative
 * phrasings and the questions staff asked of each entry. Safe to call again (the first build stands).
 */
export function buildSearchIndexes(
  library: ContentLibrary,
  alternatives: FaqAlternatives = new Map(),
  asked: FaqAlternatives = new Map(),
): void {
  if (indexes.has(library)) return;
  const documents = faqDocuments(library, alternatives, asked);
  const faq = { index: faqIndex(documents), phrasings: faqPhrasings(library, alternatives, asked) };
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
  const contextList = library.riskTemplate.contexts;
  const contextFields = ['title', 'prompts', 'strategies'];
  const contextDocuments = contextList.map((context) => ({
    id: context.id,
    title: context.title,
    prompts: context.prompts.join(' \n '),
    strategies: context.exampleStrategies.join(' \n '),
  }));
  const contexts = newIndex(contextFields, { title: 3, prompts: 1, strategies: 1 });
  contexts.addAll(contextDocuments);
  indexes.set(library, {
    faq,
    faqTerms: vocabulary(documents, FAQ_FIELDS),
    faqDocFrequency: docFrequency(documents, FAQ_FIELDS),
    faqById: new Map(library.faq.map((e) => [e.id, e])),
    alternatives,
    asked,
    clauses,
    clauseTerms: vocabulary(clauseDocuments, clauseFields),
    clauseById: new Map(clauseList.map((c) => [c.id, c])),
    contexts,
    contextTerms: vocabulary(contextDocuments, contextFields),
    contextById: new Map(contextList.map((c) => [c.id, c])),
  });
}

/** The indexes for `library`, built on first use if the parser has not built them yet. */
export function indexesOf(library: ContentLibrary): Indexes {
  buildSearchIndexes(library);
  return indexes.get(library)!;
}

/** The alternative phrasings written from the FAQ texts, by FAQ id (content/search/alternatives.yaml). */
export function faqAlternatives(library: ContentLibrary): FaqAlternatives {
  return indexesOf(library).alternatives;
}

/** The questions staff asked, labelled to the entry that answers them, by FAQ id (content/search/asked.yaml). */
export function faqAskedQuestions(library: ContentLibrary): FaqAlternatives {
  return indexesOf(library).asked;
}
