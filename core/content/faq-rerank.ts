import { isStopWord, tokenize } from './text-terms.js';

/**
 * A linear re-ranker for the FAQ's first BM25 hits. BM25 adds up evidence word by word over a whole
 * entry, so an entry whose long answer mentions many of the words typed can outrank the entry whose
 * question or one alternative phrasing says what was asked. The re-ranker weighs generic evidence about
 * each hit: its BM25 score relative to the best, where the words typed were found (question, tags,
 * alternatives, answer), how much of the question a single phrasing of the entry covers (as
 * question-answering services score by best phrasing), how close the letters are (typos, text-speak),
 * and how much was matched only through synonyms. No feature names a word or an entry: the same weights
 * serve any question and any content.
 *
 * The weights are fitted by scripts/fit-faq-reranker.ts on the thirteen once-blind held-out sets A–M
 * in tests/content (all spent): fitted on twelve and scored on the thirteenth, rotating, to judge it;
 * the weights below are the fit on all thirteen.
 */

/** How many of BM25's hits the re-ranker reorders; the rest follow in BM25's order. */
export const RERANK_DEPTH = 12;

/**
 * The words of one phrasing of an entry (its question, or one alternative) and its letter trigrams, both
 * as ids (`phrasingOf`): an entry can hold a hundred phrasings and each of the first hits is scored on
 * all of them, so words and trigrams are compared as integers, not by hashing strings.
 */
export interface Phrasing {
  termIds: Int32Array;
  trigramIds: Int32Array;
}

/** One id per trigram seen in any phrasing, shared by every index: ids are only compared. */
const trigramIds = new Map<string, number>();
/** One id per word seen in any phrasing, and the word of each id. */
const termIds = new Map<string, number>();
const termOfId: string[] = [];

function internedId(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** A phrasing of `text`, whose words, processed as the index processes them, are `terms`. */
export function phrasingOf(terms: Iterable<string>, text: string): Phrasing {
  return {
    termIds: Int32Array.from(new Set(terms), (term) => {
      const id = internedId(termIds, term);
      termOfId[id] = term;
      return id;
    }),
    trigramIds: Int32Array.from(trigramsOf(text), (t) => internedId(trigramIds, t)),
  };
}

/**
 * The question's trigrams marked by id, once per question. A trigram no phrasing has has no id and
 * matches none; phrasings are all built before any question is ranked against them.
 */
const queryMarks = new WeakMap<RerankQuery, Uint8Array>();
function marksOf(query: RerankQuery): Uint8Array {
  let marks = queryMarks.get(query);
  if (!marks || marks.length !== trigramIds.size) {
    marks = new Uint8Array(trigramIds.size);
    for (const t of query.trigrams) {
      const id = trigramIds.get(t);
      if (id !== undefined) marks[id] = 1;
    }
    queryMarks.set(query, marks);
  }
  return marks;
}

/** Dice similarity of the question's letter trigrams and a phrasing's: 2 × shared / (both sizes). */
function phrasingDice(query: RerankQuery, phrasing: Phrasing): number {
  const ids = phrasing.trigramIds;
  if (query.trigrams.size === 0 || ids.length === 0) return 0;
  const marks = marksOf(query);
  let shared = 0;
  for (let i = 0; i < ids.length; i++) if (marks[ids[i]!] === 1) shared++;
  return (2 * shared) / (query.trigrams.size + ids.length);
}

/** What the re-ranker knows about the question. */
export interface RerankQuery {
  /** The words typed, processed as the index processes them, each with its information weight. */
  weights: ReadonlyMap<string, number>;
  /** For each word typed, the synonym terms it brought in. */
  bridges: ReadonlyMap<string, readonly string[]>;
  trigrams: ReadonlySet<string>;
}

/** One BM25 hit as the re-ranker sees it. */
export interface RerankHit {
  score: number;
  coverage: number;
  /** minisearch's match: each document term matched → the fields it was matched in. */
  match: Readonly<Record<string, readonly string[]>>;
  phrasings: readonly Phrasing[];
}

export const RERANK_FEATURES = [
  'relative score',
  'log relative score',
  'reciprocal rank',
  'coverage',
  'coverage in question',
  'coverage in tags',
  'coverage in alternatives',
  'coverage in answer',
  'best phrasing coverage',
  'best phrasing trigram similarity',
  'synonym-only share',
  'top-3 phrasing trigram similarity',
  'top-3 phrasing coverage',
] as const;

/**
 * Fitted weights, one per feature in RERANK_FEATURES order (scripts/fit-faq-reranker.ts, on all thirteen
 * once-blind sets A–M, with the 3,177 asked questions indexed).
 */
export const RERANK_WEIGHTS: readonly number[] = [
  0.978, 1.666, -0.027, 0.55, -0.292, 0.036, 1.141, -0.076, 1.327, 3.366, -1.432, 3.174, 1.758,
];

/** Letter trigrams of the words of a text (stop words aside), each word padded with a space on both sides. */
export function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of tokenize(text)) {
    if (isStopWord(word)) continue;
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}


/**
 * Which words typed a phrasing's word answers (`termAnswersWord`), as a bit per word (in
 * `query.weights` order). Worked out once per word id per question, as phrasings share most of their
 * words.
 */
interface WordMasks {
  words: readonly string[];
  weights: readonly number[];
  synonyms: readonly (readonly string[] | undefined)[];
  /** By word id: the bits, or -1 while not yet worked out. */
  masks: Int32Array;
}

/** Questions with more words than a mask has bits are scored word by word (`coveredSlowly`). */
const MASK_BITS = 31;
const wordMasks = new WeakMap<RerankQuery, WordMasks>();

function wordMasksOf(query: RerankQuery): WordMasks {
  let state = wordMasks.get(query);
  if (!state || state.masks.length !== termOfId.length) {
    const words = [...query.weights.keys()];
    state = {
      words,
      weights: words.map((w) => query.weights.get(w)!),
      synonyms: words.map((w) => query.bridges.get(w)),
      masks: new Int32Array(termOfId.length).fill(-1),
    };
    wordMasks.set(query, state);
  }
  return state;
}

function maskOf(state: WordMasks, termId: number): number {
  let mask = state.masks[termId]!;
  if (mask !== -1) return mask;
  const term = termOfId[termId]!;
  mask = 0;
  for (let i = 0; i < state.words.length; i++) if (termAnswersWord(term, state.words[i]!, state.synonyms[i])) mask |= 1 << i;
  state.masks[termId] = mask;
  return mask;
}

/** The summed weight of the words typed that `phrasing` answers. */
function coveredWeight(query: RerankQuery, phrasing: Phrasing): number {
  if (query.weights.size > MASK_BITS) return coveredSlowly(query, phrasing);
  const state = wordMasksOf(query);
  let bits = 0;
  for (let i = 0; i < phrasing.termIds.length; i++) bits |= maskOf(state, phrasing.termIds[i]!);
  let covered = 0;
  for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) covered += state.weights[i]!;
  return covered;
}

function coveredSlowly(query: RerankQuery, phrasing: Phrasing): number {
  const terms = [...phrasing.termIds].map((id) => termOfId[id]!);
  let covered = 0;
  for (const [word, weight] of query.weights) {
    const synonyms = query.bridges.get(word);
    if (terms.some((term) => termAnswersWord(term, word, synonyms))) covered += weight;
  }
  return covered;
}

/**
 * How a term the index matched in an entry answers a word typed: 'direct' when it is the word or begins
 * with it (the index matches prefixes of 3 letters or more), 'synonym' when it is one of the terms the
 * word brought in. The re-ranker's features and the good-answer evidence (search.ts) trace words the
 * same way.
 */
export function termAnswersWord(
  term: string,
  word: string,
  synonyms: readonly string[] | undefined,
): 'direct' | 'synonym' | undefined {
  if (term === word || (word.length >= 3 && term.startsWith(word))) return 'direct';
  return synonyms?.includes(term) ? 'synonym' : undefined;
}

/** Puts `value` among the three largest in `top` (kept in descending order). */
function keepTop3(top: number[], value: number): void {
  if (value <= top[2]!) return;
  top[2] = value;
  top.sort((a, b) => b - a);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function rerankFeatures(query: RerankQuery, hit: RerankHit, rank: number, topScore: number): number[] {
  let total = 0;
  const byField = { question: 0, tags: 0, alternatives: 0, answer: 0 } as Record<string, number>;
  let synonymOnly = 0;
  const matchedTerms = Object.entries(hit.match);
  for (const [word, weight] of query.weights) {
    total += weight;
    const synonyms = query.bridges.get(word);
    const fields = new Set<string>();
    let direct = false;
    let viaSynonym = false;
    for (const [term, termFields] of matchedTerms) {
      const how = termAnswersWord(term, word, synonyms);
      if (!how) continue;
      direct ||= how === 'direct';
      viaSynonym ||= how === 'synonym';
      for (const f of termFields) fields.add(f);
    }
    // The questions staff asked are alternatives too, as the re-ranker weighs them.
    for (const f of new Set([...fields].map((f) => (f === 'asked' ? 'alternatives' : f)))) {
      if (f in byField) byField[f]! += weight;
    }
    if (viaSynonym && !direct) synonymOnly += weight;
  }
  // The best three phrasings by coverage and by letters: the best alone, and their mean, which an entry
  // only scores well on when several ways of asking it come close (one lucky phrasing is weaker evidence).
  const coverageTop = [0, 0, 0];
  const trigramTop = [0, 0, 0];
  for (const phrasing of hit.phrasings) {
    const covered = coveredWeight(query, phrasing);
    keepTop3(coverageTop, total > 0 ? covered / total : 0);
    keepTop3(trigramTop, phrasingDice(query, phrasing));
  }
  const share = (x: number) => (total > 0 ? x / total : 0);
  const relative = topScore > 0 ? hit.score / topScore : 0;
  return [
    relative,
    Math.log(Math.max(relative, 1e-3)),
    1 / (rank + 1),
    hit.coverage,
    share(byField.question!),
    share(byField.tags!),
    share(byField.alternatives!),
    share(byField.answer!),
    coverageTop[0]!,
    trigramTop[0]!,
    share(synonymOnly),
    mean(trigramTop),
    mean(coverageTop),
  ];
}

export function rerankScore(features: readonly number[], weights: readonly number[] = RERANK_WEIGHTS): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += features[i]! * (weights[i] ?? 0);
  return s;
}
