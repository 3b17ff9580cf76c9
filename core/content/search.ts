import type { SearchOptions } from 'minisearch';
import type { ClauseKind } from './sections.js';
import type { Clause, ContentLibrary, FaqEntry, RiskContextTemplate } from './schema.js';
import { expandQueryDetailed } from './synonyms.js';
import { childWords, namesOtherSafeguarding, onTopicWords, schoolLifeWords, withoutNegatedTopic } from './topic-words.js';
import { hasGoodAnswer, isGoodGuidance, RELATED_SHARE, type AnswerEvidence } from './answer-quality.js';
import {
  RERANK_DEPTH,
  RERANK_WEIGHTS,
  rerankFeatures,
  rerankScore,
  trigramsOf,
  termAnswersWord,
  type RerankQuery,
} from './faq-rerank.js';
import { fuzziness, indexesOf, processAll, type DocFrequency, type FaqIndexView } from './search-index.js';

/**
 * Full-text search over the FAQ, the clauses and the risk-assessment contexts (minisearch, BM25+). The
 * title or question counts most, then the FAQ's alternative phrasings (content/search/alternatives.yaml)
 * and tags (or the section's name), then the body. Typed words match by prefix and, when long enough,
 * fuzzily; synonyms from synonyms.ts join the query at a lower weight. BM25's first FAQ hits are then
 * reordered by a fitted linear re-ranker (faq-rerank.ts). This file queries the indexes; search-index.ts
 * builds them, once per library, when it loads.
 *
 * An FAQ hit is only returned when it answers well enough (`hasGoodAnswer`, answer-quality.ts): a near-miss shown as
 * the answer to a safeguarding question misleads, so "nothing good" is an answer in its own right.
 */

export interface FaqHit {
  entry: FaqEntry;
  /**
   * The re-ranker's share of belief that this is the entry asked for, among BM25's first hits (0–1;
   * faq-rerank.ts): only meaningful relative to other hits for the same query.
   */
  score: number;
}

export interface ClauseHit {
  clause: Clause;
  score: number;
}

export interface ContextHit {
  context: RiskContextTemplate;
  score: number;
}

export interface SearchFaqOptions {
  /** How many hits at most (default 5). */
  top?: number;
}

/** The best of each kind of content for one question, as the bot shows them. */
export interface GuidanceResults {
  /** FAQ entries that answer the question well, best first; [] when none does. */
  faq: FaqHit[];
  policy?: ClauseHit;
  referral?: ClauseHit;
  context?: ContextHit;
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

/**
 * How many entries a typed term can match: exactly, or (as the search does for 3+ letters) as the
 * start of a longer word, whose commonest completion stands for it.
 */
function documentsMatching(df: DocFrequency, term: string): number {
  let n = df.byTerm.get(term) ?? 0;
  if (term.length < 3) return n;
  let lo = 0;
  let hi = df.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (df.sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < df.sorted.length && df.sorted[i]!.startsWith(term); i++) {
    n = Math.max(n, df.byTerm.get(df.sorted[i]!)!);
  }
  return n;
}

/**
 * How much a typed word says about what is asked: rare words a lot, words most entries use ("pupil",
 * "school") little, and words no entry uses the most, since an answer that misses them misses the point.
 */
function informationOf(df: DocFrequency, term: string): number {
  return Math.log((df.documents + 1) / (documentsMatching(df, term) + 0.5));
}

interface BuiltQuery {
  text: string;
  options: SearchOptions;
  /** The words typed, processed as the index processes them (stop words gone). */
  typed: ReadonlySet<string>;
  /** For each word typed, the synonym terms it brought in (processed). */
  bridges: ReadonlyMap<string, readonly string[]>;
  /** `informationOf` each word typed, filled on first use: every result of the query shares it. */
  information: Map<string, number>;
  /**
   * Phrases made only of small words ("made it up", "take it down"): none of their words is searched,
   * so each counts as one more thing typed, matched when the entry matches one of its synonym terms.
   */
  concepts: readonly (readonly string[])[];
  /**
   * Whether the words typed name sexual behaviour or its harm (`onTopicWords` in topic-words.ts,
   * `onTopicGroups` in synonyms.ts).
   */
  onTopic: boolean;
  /** Whether the question names a safeguarding concern other than sexual behaviour (`namesOtherSafeguarding`). */
  otherSafeguarding: boolean;
}

const onTopicTerms: ReadonlySet<string> = new Set(onTopicWords.flatMap(processAll));
const schoolLifeTerms: ReadonlySet<string> = new Set(schoolLifeWords.flatMap(processAll));
const childTerms: ReadonlySet<string> = new Set(childWords.flatMap(processAll));
/** The weight of a word that only says which child (`childWords`). */
const CHILD_WORD_WEIGHT = 0.5;


/**
 * The query minisearch runs: the words typed (prefix and fuzzy), plus synonyms (exact, down-weighted).
 * Returns undefined when nothing searchable is left (only stop words, say).
 */
function buildQuery(query: string, known: ReadonlySet<string>): BuiltQuery | undefined {
  const typed = query.slice(0, MAX_QUERY_LENGTH);
  const typedTerms = new Set(processAll(typed));
  const synonymTerms = new Set<string>();
  const bridges = new Map<string, string[]>();
  const concepts: string[][] = [];
  let onTopic = processAll(withoutNegatedTopic(typed)).some((t) => onTopicTerms.has(t));
  for (const expansion of expandQueryDetailed(typed)) {
    onTopic ||= expansion.onTopic;
    const terms = expansion.terms.flatMap(processAll).filter((t) => !typedTerms.has(t));
    for (const term of terms) synonymTerms.add(term);
    const words = expansion.words.flatMap(processAll);
    for (const word of words) {
      bridges.set(word, [...(bridges.get(word) ?? []), ...terms]);
    }
    if (words.length === 0 && terms.length) concepts.push(terms);
  }
  if (typedTerms.size === 0 && synonymTerms.size === 0) return undefined;
  return {
    bridges,
    concepts,
    onTopic,
    otherSafeguarding: namesOtherSafeguarding(typed),
    information: new Map(),
    // The terms are processed (stemmed) here already, and stemming is not idempotent ("speeded" →
    // "speed" → "spe"), so minisearch gets identity tokenize and processTerm for this query.
    text: [...typedTerms, ...synonymTerms].join(' '),
    typed: typedTerms,
    options: {
      processTerm: (term) => term,
      tokenize: (text) => text.split(' '),
      boostTerm: (term) => (synonymTerms.has(term) ? SYNONYM_WEIGHT : childTerms.has(term) ? CHILD_WORD_WEIGHT : 1),
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

interface RawResult {
  id: string;
  score: number;
  queryTerms: string[];
  match: Record<string, string[]>;
}

/**
 * Whether a word typed matched the entry only in the questions staff asked of it. Those questions are
 * in everyday words ("keeps saying stuff"), so a match there shows the entry is worded like the
 * question, which ranking uses, not that the question is on the content's subject, which the cut for
 * a question naming no sexual behaviour needs (`domainCoverage`). A word matched by a typo has no
 * document term to trace and counts as matched outside them.
 */
function onlyInAsked(
  term: string,
  bridges: readonly string[] | undefined,
  match: Readonly<Record<string, readonly string[]>>,
): boolean {
  let traced = false;
  for (const [documentTerm, fields] of Object.entries(match)) {
    if (!termAnswersWord(documentTerm, term, bridges)) continue;
    traced = true;
    if (fields.some((f) => f !== 'asked')) return false;
  }
  return traced;
}

/** The evidence for one result: its score, and how much of what was typed it matched. */
function evidenceOf(result: RawResult, built: BuiltQuery, df: DocFrequency): AnswerEvidence {
  const matched = new Set(result.queryTerms);
  let total = 0;
  let covered = 0;
  let domainCovered = 0;
  for (const term of built.typed) {
    let weight = built.information.get(term);
    if (weight === undefined) {
      weight = informationOf(df, term);
      built.information.set(term, weight);
    }
    total += weight;
    if (matched.has(term) || built.bridges.get(term)?.some((t) => matched.has(t))) {
      covered += weight;
      if (!schoolLifeTerms.has(term) && !onlyInAsked(term, built.bridges.get(term), result.match)) {
        domainCovered += weight;
      }
    }
  }
  for (const terms of built.concepts) {
    const weight = Math.max(...terms.map((t) => informationOf(df, t)));
    total += weight;
    if (terms.some((t) => matched.has(t))) {
      covered += weight;
      domainCovered += weight;
    }
  }
  const words = built.typed.size + built.concepts.length;
  return {
    score: result.score,
    perWord: result.score / Math.max(1, words),
    words,
    onTopic: built.onTopic,
    otherSafeguarding: built.otherSafeguarding,
    coverage: total > 0 ? covered / total : 0,
    domainCoverage: total > 0 ? domainCovered / total : 0,
  };
}

export interface RankedFaq {
  id: string;
  evidence: AnswerEvidence;
  /** The re-ranker's features (faq-rerank.ts), for the first RERANK_DEPTH of BM25's hits only. */
  features?: number[];
  /** The re-ranker's softmax share over those first hits (0 for the hits after them). */
  relevance: number;
}

/**
 * Every FAQ result for `query` in BM25's order, with its evidence, and the re-ranker's features for the
 * first RERANK_DEPTH (what scripts/fit-faq-reranker.ts fits on).
 */
export function rankFaqByBm25(
  library: ContentLibrary,
  query: string,
  view: FaqIndexView = indexesOf(library).faq,
): RankedFaq[] {
  const { faqTerms, faqDocFrequency } = indexesOf(library);
  const built = buildQuery(query, faqTerms);
  if (!built) return [];
  const results = view.index.search(built.text, built.options) as unknown as RawResult[];
  const ranked: RankedFaq[] = results.map((r) => ({
    id: r.id,
    evidence: evidenceOf(r, built, faqDocFrequency),
    relevance: 0,
  }));
  if (ranked.length === 0) return ranked;
  const rerankQuery: RerankQuery = {
    weights: new Map([...built.typed].map((t) => [t, built.information.get(t) ?? informationOf(faqDocFrequency, t)])),
    bridges: built.bridges,
    trigrams: trigramsOf(query.slice(0, MAX_QUERY_LENGTH)),
  };
  const topScore = results[0]!.score;
  for (let i = 0; i < Math.min(RERANK_DEPTH, ranked.length); i++) {
    const hit = {
      score: results[i]!.score,
      coverage: ranked[i]!.evidence.coverage,
      match: results[i]!.match,
      phrasings: view.phrasings.get(results[i]!.id) ?? [],
    };
    ranked[i]!.features = rerankFeatures(rerankQuery, hit, i, topScore);
  }
  return ranked;
}

/**
 * Every FAQ result for `query` with its evidence, best first, before the good-answer cut: BM25's first
 * RERANK_DEPTH hits reordered by the re-ranker (faq-rerank.ts), the rest after them in BM25's order.
 */
export function rankFaq(
  library: ContentLibrary,
  query: string,
  view: FaqIndexView = indexesOf(library).faq,
  weights: readonly number[] = RERANK_WEIGHTS,
): RankedFaq[] {
  const ranked = rankFaqByBm25(library, query, view);
  const head = ranked
    .slice(0, RERANK_DEPTH)
    .map((r, i) => ({ r, i, s: rerankScore(r.features!, weights) }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  const max = head[0]?.s ?? 0;
  const total = head.reduce((sum, x) => sum + Math.exp(x.s - max), 0);
  return [
    ...head.map(({ r, s }) => ({ ...r, relevance: Math.exp(s - max) / total })),
    ...ranked.slice(RERANK_DEPTH),
  ];
}

/**
 * The answers among `ranked` (rankFaq's order): [] when there is no good answer (`hasGoodAnswer`, on the
 * strongest BM25 hit and the first); otherwise the first, then the next while their BM25 score is at
 * least `RELATED_SHARE` of the strongest.
 */
export function faqAnswers(ranked: readonly RankedFaq[], top = 5): RankedFaq[] {
  const [best, ...rest] = ranked;
  if (!best) return [];
  const strongest = ranked.reduce((a, b) => (b.evidence.score > a.evidence.score ? b : a));
  if (!hasGoodAnswer(strongest.evidence, best.evidence)) return [];
  const floor = strongest.evidence.score * RELATED_SHARE;
  return [best, ...rest.filter((r) => r.evidence.score >= floor)].slice(0, clampTop(top, 5));
}

/**
 * Ranked FAQ entries that answer what a member of staff typed; [] when none answers it well (see
 * `faqAnswers`).
 */
export function searchFaq(library: ContentLibrary, query: string, options: SearchFaqOptions = {}): FaqHit[] {
  const { faqById } = indexesOf(library);
  return faqAnswers(rankFaq(library, query), options.top).map(({ id, relevance }) => ({
    entry: faqById.get(id)!,
    score: relevance,
  }));
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

/** The best risk-assessment context (on site, online, transport...) for a question, if any matches. */
function bestContext(library: ContentLibrary, query: string): ContextHit | undefined {
  const { contexts, contextTerms, contextById, faqDocFrequency } = indexesOf(library);
  const built = buildQuery(query, contextTerms);
  if (!built) return undefined;
  const [best] = contexts.search(built.text, built.options);
  if (!best || !isGoodGuidance(evidenceOf(best as unknown as RawResult, built, faqDocFrequency))) return undefined;
  return { context: contextById.get(best.id as string)!, score: best.score };
}

function bestClause(library: ContentLibrary, query: string, kind: ClauseKind): ClauseHit | undefined {
  const { clauses, clauseTerms, clauseById, faqDocFrequency } = indexesOf(library);
  const built = buildQuery(query, clauseTerms);
  if (!built) return undefined;
  const [best] = clauses.search(built.text, { ...built.options, filter: (r) => r.kind === kind });
  if (!best || !isGoodGuidance(evidenceOf(best as unknown as RawResult, built, faqDocFrequency))) return undefined;
  return { clause: clauseById.get(best.id as string)!, score: best.score };
}

/**
 * One question against everything staff can read: the FAQ answers (`faqTop` of them; 0 for none), and
 * the best policy clause, referral clause and risk-assessment context, each only when it matches well.
 */
export function searchGuidance(library: ContentLibrary, query: string, faqTop = 3): GuidanceResults {
  const policy = bestClause(library, query, 'policy');
  const referral = bestClause(library, query, 'referral');
  const context = bestContext(library, query);
  return {
    faq: faqTop > 0 ? searchFaq(library, query, { top: faqTop }) : [],
    ...(policy ? { policy } : {}),
    ...(referral ? { referral } : {}),
    ...(context ? { context } : {}),
  };
}
