/**
 * Fits the FAQ re-ranker's weights (core/content/faq-rerank.ts) and judges them honestly.
 *
 *   npx tsx scripts/fit-faq-reranker.ts
 *
 * The thirteen spent held-out sets (A–M, tests/content/faq-heldout-2026-12*.json) were each written
 * blind, by someone who had not read the content, so each stands for questions nobody has written yet.
 * Leave one set out: fit on the others, score it, for each in turn, and print the held-out figures and
 * their mean for BM25 alone and with the re-ranker. Then fit on all of them and print the
 * weights to paste into RERANK_WEIGHTS. Only generic features are fitted (faq-rerank.ts): nothing ties a
 * word to an entry, so the fit cannot learn the questions themselves.
 */
import { join } from 'node:path';
import { loadContentLibrary } from '../bot/src/content/load-content.js';
import { faqAnswers, rankFaq, rankFaqByBm25, RERANK_FEATURES, type RankedFaq } from '../core/index.js';
import { readEvalSet, type EvalCase } from '../tests/unit/content/faq-eval-sets.js';

const SETS: Record<string, string> = {
  A: 'faq-heldout-2026-12.json',
  B: 'faq-heldout-2026-12b.json',
  C: 'faq-heldout-2026-12c.json',
  D: 'faq-heldout-2026-12d.json',
  E: 'faq-heldout-2026-12e.json',
  F: 'faq-heldout-2026-12f.json',
  G: 'faq-heldout-2026-12g.json',
  H: 'faq-heldout-2026-12h.json',
  I: 'faq-heldout-2026-12i.json',
  J: 'faq-heldout-2026-12j.json',
  K: 'faq-heldout-2026-12k.json',
  L: 'faq-heldout-2026-12l.json',
  M: 'faq-heldout-2026-12m.json',
};
/** L2 penalty on the weights: keeps a fit on ~1,400 questions from leaning on one feature. */
const L2 = Number(process.env.RERANK_L2 ?? 0.001);
const STEPS = Number(process.env.RERANK_STEPS ?? 3000);
const LEARNING_RATE = 0.5;

interface Question {
  c: EvalCase;
  ranked: RankedFaq[];
}

const library = loadContentLibrary(join(__dirname, '..', 'content'));
const questions = new Map<string, Question[]>(
  Object.entries(SETS).map(([name, file]) => [
    name,
    readEvalSet(file).map((c) => ({ c, ranked: rankFaqByBm25(library, c.q) })),
  ]),
);

const dims = RERANK_FEATURES.length;

/**
 * Softmax over each answerable question's re-ranked hits; the loss is minus the log of the probability
 * given to its right answers. Questions with no right answer among the hits teach nothing and are left out.
 */
function fit(train: readonly Question[]): number[] {
  const examples = train
    .filter((q) => !q.c.noGoodAnswer)
    .map((q) => {
      const head = q.ranked.filter((r) => r.features);
      return { x: head.map((r) => r.features!), y: head.map((r) => q.c.expect.includes(r.id)) };
    })
    .filter((e) => e.y.some(Boolean) && e.x.length > 1);
  const w = new Array<number>(dims).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = w.map((wi) => 2 * L2 * wi);
    for (const { x, y } of examples) {
      const s = x.map((f) => f.reduce((acc, fi, i) => acc + fi * w[i]!, 0));
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const z = e.reduce((a, b) => a + b, 0);
      const zRight = e.reduce((a, v, j) => a + (y[j] ? v : 0), 0);
      // d(-log(zRight/z))/dw = E_all[f] - E_right[f]
      for (let j = 0; j < x.length; j++) {
        const coeff = e[j]! / z - (y[j] ? e[j]! / zRight : 0);
        for (let i = 0; i < dims; i++) grad[i]! += (coeff * x[j]![i]!) / examples.length;
      }
    }
    for (let i = 0; i < dims; i++) w[i]! -= LEARNING_RATE * grad[i]!;
  }
  return w;
}

function reorder(ranked: readonly RankedFaq[], weights: readonly number[] | undefined): RankedFaq[] {
  if (!weights) return [...ranked];
  const head = ranked
    .filter((r) => r.features)
    .map((r, i) => ({ r, i, s: r.features!.reduce((acc, f, k) => acc + f * weights[k]!, 0) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.r);
  return [...head, ...ranked.filter((r) => !r.features)];
}

interface Score {
  hit1: number;
  hit3: number;
  answerable: number;
  wronglyDeclined: number;
  noAnswer: number;
  declinedRightly: number;
}

function score(set: readonly Question[], weights: readonly number[] | undefined): Score {
  const out: Score = { hit1: 0, hit3: 0, answerable: 0, wronglyDeclined: 0, noAnswer: 0, declinedRightly: 0 };
  for (const { c, ranked } of set) {
    const got = faqAnswers(reorder(ranked, weights), 3).map((r) => r.id);
    if (c.noGoodAnswer) {
      out.noAnswer++;
      if (got.length === 0) out.declinedRightly++;
      continue;
    }
    out.answerable++;
    if (got.length === 0) out.wronglyDeclined++;
    if (c.expect.includes(got[0] ?? '')) out.hit1++;
    if (got.some((id) => c.expect.includes(id))) out.hit3++;
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (s: Score) =>
  `hit@1 ${pct(s.hit1 / s.answerable)}, hit@3 ${pct(s.hit3 / s.answerable)} ` +
  `(${s.wronglyDeclined} answerable declined; ${s.declinedRightly}/${s.noAnswer} with no answer declined)`;

const names = Object.keys(SETS);
const mean = { before: [0, 0], after: [0, 0] };
console.log(`Leave one set out (L2 ${L2}):`);
for (const held of names) {
  const train = names.filter((n) => n !== held).flatMap((n) => questions.get(n)!);
  const w = fit(train);
  const before = score(questions.get(held)!, undefined);
  const after = score(questions.get(held)!, w);
  mean.before[0]! += before.hit1 / before.answerable / names.length;
  mean.before[1]! += before.hit3 / before.answerable / names.length;
  mean.after[0]! += after.hit1 / after.answerable / names.length;
  mean.after[1]! += after.hit3 / after.answerable / names.length;
  console.log(`  set ${held}: BM25 ${line(before)}\n         re-ranked ${line(after)}`);
}
console.log(
  `  mean: BM25 hit@1 ${pct(mean.before[0]!)}, hit@3 ${pct(mean.before[1]!)}; ` +
    `re-ranked hit@1 ${pct(mean.after[0]!)}, hit@3 ${pct(mean.after[1]!)}`,
);

const all = fit(names.flatMap((n) => questions.get(n)!));
console.log(`\nFitted on all ${names.length} sets (RERANK_WEIGHTS):`);
console.log(`  [${all.map((x) => Number(x.toFixed(3))).join(', ')}]`);
for (const [i, name] of RERANK_FEATURES.entries()) console.log(`  ${name}: ${all[i]!.toFixed(3)}`);
// The shipped weights, through the shipped rankFaq, as a check that the paste took.
const shipped = names.map((n) => {
  const set = questions.get(n)!;
  const s = score(
    set.map(({ c }) => ({ c, ranked: rankFaq(library, c.q) })),
    undefined,
  );
  return `${n} ${pct(s.hit3 / s.answerable)}`;
});
console.log(
  `With the shipped RERANK_WEIGHTS (fitted on these sets, so not held-out): hit@3 ${shipped.join(', ')}`,
);
