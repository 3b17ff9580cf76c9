import {
  faqAlternatives,
  rankFaq,
  rankFaqByBm25,
  RERANK_DEPTH,
  RERANK_FEATURES,
  RERANK_WEIGHTS,
  searchFaq,
  withFaqAlternatives,
} from '../../../core/index.js';
import {
  phrasingOf,
  rerankFeatures,
  trigramsOf,
  type Phrasing,
  type RerankQuery,
} from '../../../core/content/faq-rerank.js';
import { realContent } from '../../helpers/content.js';

const feature = (name: (typeof RERANK_FEATURES)[number]) => RERANK_FEATURES.indexOf(name);

function phrasing(terms: string[], text: string): Phrasing {
  return phrasingOf(terms, text);
}

/** Dice similarity of two sets of trigram strings, the figure the re-ranker counts on ids. */
function stringDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

describe('the FAQ re-ranker', () => {
  const lib = realContent();

  it('counts trigram overlap on interned ids exactly as on the strings', () => {
    const texts = ['airdropped on the bus', 'pics shared on snapchat', 'the bus home', 'zzqx unseen words'];
    const query: RerankQuery = {
      weights: new Map([['bus', 1], ['snapchat', 2], ['neverindexed', 1]]),
      bridges: new Map(),
      trigrams: trigramsOf('bus snapchat neverindexed'),
    };
    const hit = { score: 1, coverage: 1, match: {}, phrasings: texts.map((t) => phrasing(t.split(' '), t)) };
    const fast = rerankFeatures(query, hit, 0, 1);
    const onStrings = Math.max(...texts.map((t) => stringDice(query.trigrams, trigramsOf(t))));
    expect(fast[feature('best phrasing trigram similarity')]).toBe(onStrings);
    expect(fast[feature('best phrasing trigram similarity')]).toBeGreaterThan(0);
  });

  it('has one weight per feature', () => {
    expect(RERANK_WEIGHTS).toHaveLength(RERANK_FEATURES.length);
    expect(RERANK_WEIGHTS.every(Number.isFinite)).toBe(true);
  });

  it('scores an entry by its best single phrasing, and by where the words were found', () => {
    const query: RerankQuery = {
      weights: new Map([
        ['airdrop', 3],
        ['bus', 1],
      ]),
      bridges: new Map(),
      trigrams: trigramsOf('airdrop bus'),
    };
    const oneSays = rerankFeatures(
      query,
      {
        score: 10,
        coverage: 1,
        match: { airdrop: ['alternatives'], bus: ['alternatives', 'answer'] },
        phrasings: [phrasing(['airdropped', 'bus'], 'airdropped on the bus'), phrasing(['trip'], 'trip')],
      },
      0,
      10,
    );
    const spread = rerankFeatures(
      query,
      {
        score: 5,
        coverage: 1,
        match: { airdrop: ['answer'], bus: ['question'] },
        phrasings: [phrasing(['airdrop'], 'airdrop'), phrasing(['bus'], 'bus')],
      },
      1,
      10,
    );
    // "airdrop" matches "airdropped" by prefix, as the search does.
    expect(oneSays[feature('best phrasing coverage')]).toBe(1);
    expect(spread[feature('best phrasing coverage')]).toBe(0.75);
    expect(oneSays[feature('coverage in alternatives')]).toBe(1);
    expect(spread[feature('coverage in answer')]).toBe(0.75);
    expect(spread[feature('coverage in question')]).toBe(0.25);
    expect(spread[feature('relative score')]).toBe(0.5);
    expect(spread[feature('reciprocal rank')]).toBe(0.5);
  });

  it('counts a word matched only through a synonym', () => {
    const query: RerankQuery = {
      weights: new Map([['pics', 2]]),
      bridges: new Map([['pics', ['nudes']]]),
      trigrams: trigramsOf('pics'),
    };
    const f = rerankFeatures(
      query,
      { score: 1, coverage: 1, match: { nudes: ['question'] }, phrasings: [phrasing(['nudes'], 'nudes')] },
      0,
      1,
    );
    expect(f[feature('synonym-only share')]).toBe(1);
    expect(f[feature('best phrasing coverage')]).toBe(1);
  });

  /** The share of the question's weight a phrasing answers, counted word by word on strings. */
  function coverageOnStrings(query: RerankQuery, terms: readonly string[]): number {
    let covered = 0;
    let total = 0;
    for (const [word, weight] of query.weights) {
      total += weight;
      const synonyms = query.bridges.get(word) ?? [];
      const answered = terms.some(
        (t) => t === word || (word.length >= 3 && t.startsWith(word)) || synonyms.includes(t),
      );
      if (answered) covered += weight;
    }
    return covered / total;
  }

  it('counts coverage on word ids exactly as word by word, for short questions and for very long ones', () => {
    const texts = ['airdropped pics on the bus', 'nudes in the group chat', 'bus home', 'zz'];
    const termLists = texts.map((t) => t.split(' '));
    const hitOf = () => ({ score: 1, coverage: 1, match: {}, phrasings: texts.map((t, i) => phrasing(termLists[i]!, t)) });
    const short: RerankQuery = {
      weights: new Map([
        ['airdrop', 3],
        ['bus', 1],
        ['pics', 2],
        ['ch', 1],
      ]),
      bridges: new Map([['pics', ['nudes']]]),
      trigrams: trigramsOf('airdrop bus pics ch'),
    };
    // More words than a bit mask holds go word by word; the figures must not change.
    const long: RerankQuery = {
      weights: new Map([...short.weights, ...Array.from({ length: 40 }, (_, i) => [`filler${i}`, 0.5] as const)]),
      bridges: short.bridges,
      trigrams: short.trigrams,
    };
    for (const query of [short, long]) {
      const f = rerankFeatures(query, hitOf(), 0, 1);
      const onStrings = termLists.map((terms) => coverageOnStrings(query, terms)).sort((a, b) => b - a);
      expect(f[feature('best phrasing coverage')]).toBe(onStrings[0]);
      expect(f[feature('top-3 phrasing coverage')]).toBeCloseTo((onStrings[0]! + onStrings[1]! + onStrings[2]!) / 3, 12);
      expect(onStrings[0]).toBeGreaterThan(0);
    }
    // "ch" is under 3 letters: it matches only itself, never as the start of "chat".
    const chOnly: RerankQuery = { weights: new Map([['ch', 1]]), bridges: new Map(), trigrams: new Set() };
    expect(rerankFeatures(chOnly, hitOf(), 0, 1)[feature('best phrasing coverage')]).toBe(0);
  });

  it('rewards an entry several of whose phrasings come close over one with a single close phrasing', () => {
    const query: RerankQuery = {
      weights: new Map([
        ['upskirt', 2],
        ['stair', 1],
      ]),
      bridges: new Map(),
      trigrams: trigramsOf('upskirt stair'),
    };
    const hit = (texts: string[]) => ({
      score: 1,
      coverage: 1,
      match: {},
      phrasings: texts.map((t) => phrasing(t.split(' '), t)),
    });
    const several = rerankFeatures(query, hit(['upskirt stair', 'upskirting stairs', 'upskirt photo']), 0, 1);
    const single = rerankFeatures(query, hit(['upskirt stair', 'detention', 'trip']), 0, 1);
    expect(several[feature('best phrasing coverage')]).toBe(single[feature('best phrasing coverage')]);
    expect(several[feature('top-3 phrasing coverage')]).toBeGreaterThan(single[feature('top-3 phrasing coverage')]!);
    expect(several[feature('top-3 phrasing trigram similarity')]).toBeGreaterThan(
      single[feature('top-3 phrasing trigram similarity')]!,
    );
  });

  it('sees a misspelt word in the letters of a phrasing', () => {
    const typo = trigramsOf('bluetoth');
    const right = trigramsOf('bluetooth');
    const other = trigramsOf('detention');
    const shared = (a: Set<string>, b: Set<string>) => [...a].filter((t) => b.has(t)).length;
    expect(shared(typo, right)).toBeGreaterThan(shared(typo, other) + 3);
    // Stop words carry no letters: a question of small words is like nothing.
    expect(trigramsOf('what do we do').size).toBe(0);
  });

  it('reorders only BM25’s first hits, and scores answers as shares of belief, best first', () => {
    const q = 'pupil sent nudes to the year group chat';
    const bm25 = rankFaqByBm25(lib, q);
    const ranked = rankFaq(lib, q);
    expect(bm25.length).toBeGreaterThan(RERANK_DEPTH);
    expect(bm25.slice(0, RERANK_DEPTH).every((r) => r.features?.length === RERANK_FEATURES.length)).toBe(true);
    expect(bm25.slice(RERANK_DEPTH).every((r) => r.features === undefined)).toBe(true);
    expect(new Set(ranked.slice(0, RERANK_DEPTH).map((r) => r.id))).toEqual(
      new Set(bm25.slice(0, RERANK_DEPTH).map((r) => r.id)),
    );
    expect(ranked.slice(RERANK_DEPTH).map((r) => r.id)).toEqual(bm25.slice(RERANK_DEPTH).map((r) => r.id));
    // With no weights, nothing moves.
    const zero = RERANK_WEIGHTS.map(() => 0);
    expect(rankFaq(lib, q, undefined, zero).map((r) => r.id)).toEqual(bm25.map((r) => r.id));
    const hits = searchFaq(lib, q, { top: 3 });
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
  });

  it('does not see a phrasing left out of the index (the cross-validation stays honest)', () => {
    const [id, phrasings] = [...faqAlternatives(lib)][0]!;
    const left = phrasings[0]!;
    const trigramOf = (ranked: ReturnType<typeof rankFaq>) =>
      ranked.find((r) => r.id === id)?.features?.[feature('best phrasing trigram similarity')];
    expect(trigramOf(rankFaqByBm25(lib, left))).toBe(1);
    withFaqAlternatives(lib, id, phrasings.slice(1), (view) => {
      expect(trigramOf(rankFaqByBm25(lib, left, view))).toBeLessThan(1);
    });
  });
});
