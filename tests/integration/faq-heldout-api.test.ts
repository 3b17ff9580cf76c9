import {
  FRESH_HELDOUT_FILE,
  HELDOUT_C_FILE,
  HELDOUT_D_FILE,
  HELDOUT_E_FILE,
  HELDOUT_F_FILE,
  HELDOUT_G_FILE,
  HELDOUT_H_FILE,
  HELDOUT_FILE,
  evaluateSet,
  readEvalSet,
} from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out sets (tests/content/faq-heldout-2026-12h.json, set H, the honest one; then -12g,
 * -12f, -12e, -12d, -12c, -12b and -12.json: sets G, F, E, D, C, B and A, all spent; each written without sight of the content, labelled before it was scored,
 * hash-pinned) scored through the real GET /api/faq, as a client sees
 * it: hit@1 and hit@3 over the answerable questions, and for the questions nothing answers, whether
 * the API said so with an empty list (the no-good-answer precision: of the questions declined, the
 * share that truly had no good answer). The older sets are reported alongside.
 */
describe('FAQ search on the frozen held-out set, through GET /api/faq', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function apiTop3(questions: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const q of questions) {
      const res = await call(`${server.url}/api/faq?q=${encodeURIComponent(q)}&top=3`);
      expect(res.status).toBe(200);
      out.set(
        q,
        (res.body.items as { id: string }[]).map((i) => i.id),
      );
    }
    return out;
  }

  it('reports hit@1, hit@3 and the no-good-answer precision', async () => {
    const lines: string[] = [];
    const reports = [];
    for (const name of [
      HELDOUT_H_FILE,
      HELDOUT_G_FILE,
      HELDOUT_F_FILE,
      HELDOUT_E_FILE,
      HELDOUT_D_FILE,
      HELDOUT_C_FILE,
      FRESH_HELDOUT_FILE,
      HELDOUT_FILE,
      'faq-eval.json',
      'faq-holdout.json',
    ]) {
      const set = readEvalSet(name);
      const got = await apiTop3(set.map((c) => c.q));
      const report = evaluateSet(`${name} via GET /api/faq`, set, (q) => got.get(q) ?? []);
      lines.push(...report.lines);
      reports.push(report);
    }
    console.log(lines.join('\n'));
    const [setH, setG, setF, setE, setD, setC, fresh, first] = reports;
    // Set H is the held-out figure: 160 questions written blind (by someone who never opened the
    // content) while the eighth round gathered questions staff asked (content/search/asked.yaml),
    // labelled from the FAQ texts alone by someone who never ran the search, committed alone, opened
    // only after the eighth round's last commit, and scored once: 118 answerable, hit@3 82.2 %, hit@1
    // 63.6 %; of its 42 questions with no good answer it declined 6 (6 of 9 declines right, so 3
    // answerable questions wrongly declined). Without asked.yaml the same content scores 78.8 % / 54.2 %
    // on it. The target, hit@3 ≥ 90 % on a fresh blind set, is not reached, so it is not
    // asserted; these floors sit at what set H measured when it was scored.
    expect(setH!.total).toBeGreaterThanOrEqual(60);
    expect(setH!.hit3).toBeGreaterThanOrEqual(0.82);
    expect(setH!.hit1).toBeGreaterThanOrEqual(0.63);
    expect(setH!.noAnswerRecall).toBeGreaterThanOrEqual(0.14);
    expect(setH!.noAnswerPrecision).toBeGreaterThanOrEqual(0.66);
    // Set G was the held-out figure after the seventh round (scored once, blind: hit@3 84.7 %, hit@1
    // 65.0 %; declined 11 of 23, 11 of 14 right); the eighth round then used it, like A–F, to judge how
    // many asked questions help, so its figures below are regression floors: hit@3 91.2 %, hit@1 73.0 %;
    // declines 10 of 23 (10 of 11 right).
    expect(setG!.total).toBeGreaterThanOrEqual(60);
    expect(setG!.hit3).toBeGreaterThanOrEqual(0.91);
    expect(setG!.hit1).toBeGreaterThanOrEqual(0.72);
    expect(setG!.noAnswerRecall).toBeGreaterThanOrEqual(0.43);
    expect(setG!.noAnswerPrecision).toBeGreaterThanOrEqual(0.9);
    // Set F was the held-out figure after the sixth round (scored once, blind: hit@3 84.6 %, hit@1
    // 65.7 %; declined 3 of 17, 3 of 4 right); the decline rule was then built with its misses in view
    // and the seventh round used it as development data (after it: 88.1 %, 71.3 %, 10 of 17), so its
    // figures are regression floors (after the eighth round, below).
    expect(setF!.total).toBeGreaterThanOrEqual(60);
    expect(setF!.hit3).toBeGreaterThanOrEqual(0.93);
    expect(setF!.hit1).toBeGreaterThanOrEqual(0.75);
    expect(setF!.noAnswerRecall).toBeGreaterThanOrEqual(0.52);
    expect(setF!.noAnswerPrecision).toBeGreaterThanOrEqual(0.99);
    // All five blind sets (A–E) are spent: each was scored once while fresh (A and B before the
    // content-only recalibration; C 84.9 %, D 87.8 %, E 83.4 % hit@3), and the sixth round then used
    // every one of them as development data: its error analysis sorted their misses into kinds, the
    // re-ranker (core/content/faq-rerank.ts) was fitted on them (judged leaving one set out: fitted on
    // four, scored on the fifth; scripts/fit-faq-reranker.ts), and phrasings were written for kinds of
    // wording their misses showed missing. So none of the figures below is a held-out figure, and the
    // floors are regression floors just under what the sets measure (after the sixth round first, then the
    // seventh round's figures, which the floors follow):
    // - set E (160 q): hit@3 90.7 %, hit@1 75.5 %; declines 5 of its 9 questions with no good answer
    //   (5 of 7 declines right);
    // - set D (160 q): hit@3 92.5 %, hit@1 82.3 %; declines 9 of 13 (9 of 11 right);
    // - set C (125 q): hit@3 87.4 %, hit@1 72.3 %; declines 3 of 6 (3 of 3 right);
    // - set B (99 q): hit@3 93.5 %, hit@1 80.6 %; declines 5 of 6 (5 of 6 right);
    // - set A (101 q): hit@3 92.6 %, hit@1 79.8 %; declines 5 of 7 (5 of 7 right).
    // The decline rule (school-life words carry no weight in the cut, which went from 5 to 4; a question
    // naming another safeguarding concern is declined) then moved them, before → after:
    // - E: hit@3 90.7 → 90.7 %, hit@1 75.5 → 75.5 %, declines right 5 → 6 of 9, wrong 2 → 1;
    // - D: 92.5 → 92.5 %, 82.3 → 82.3 %, right 9 → 9 of 13, wrong 2 → 2;
    // - C: 87.4 → 87.4 %, 72.3 → 72.3 %, right 3 → 4 of 6, wrong 0 → 0;
    // - B: 93.5 → 92.5 %, 80.6 → 80.6 %, right 5 → 6 of 6, wrong 1 → 2;
    // - A: 92.6 → 93.6 %, 79.8 → 79.8 %, right 5 → 6 of 7, wrong 2 → 1.
    // Leaving one set out, the re-ranker alone moved the mean over A–E from hit@3 88.8 % to 89.4 % and
    // hit@1 from 73.0 % to 76.7 %; with the new phrasings and synonyms (written with every set in view,
    // so this flatters) 91.3 % and 78.0 %. The seventh round used all six sets (A–F) the same way,
    // leaving one of six out: the re-ranker refitted on six sets, mean hit@3 90.2 % and hit@1 76.7 %
    // before; with word-sense fixes and phrasings for kinds of wording the misses showed missing
    // (written with the sets in view, so this flatters) 91.8 % and 77.8 %. After it, as scored here:
    // - set E: hit@3 92.7 %, hit@1 78.8 %; declines 6 of 9 (6 of 6 right);
    // - set D: hit@3 93.2 %, hit@1 84.4 %; declines 9 of 13 (9 of 11 right);
    // - set C: hit@3 89.1 %, hit@1 74.8 %; declines 4 of 6 (4 of 4 right);
    // - set B: hit@3 93.5 %, hit@1 79.6 %; declines 6 of 6 (6 of 7 right);
    // - set A: hit@3 92.6 %, hit@1 79.8 %; declines 6 of 7 (6 of 7 right).
    // The eighth round (questions staff asked, in content/search/asked.yaml; nothing taken from any
    // set: every asked question sharing wording with one was dropped) moved them to, as scored here:
    // - set F: hit@3 93.0 %, hit@1 75.5 %; declines 9 of 17 (9 of 9 right);
    // - set E: hit@3 94.0 %, hit@1 76.8 %; declines 5 of 9 (5 of 5 right);
    // - set D: hit@3 93.2 %, hit@1 81.6 %; declines 9 of 13 (9 of 11 right);
    // - set C: hit@3 93.3 %, hit@1 75.6 %; declines 4 of 6 (4 of 4 right);
    // - set B: hit@3 93.5 %, hit@1 80.6 %; declines 5 of 6 (5 of 6 right);
    // - set A: hit@3 91.5 %, hit@1 86.2 %; declines 6 of 7 (6 of 8 right).
    // The target, hit@3 ≥ 90 % on a fresh blind set, is judged on a blind set, not here.
    for (const set of [setE!, setD!, setC!, fresh!, first!]) expect(set.total).toBeGreaterThanOrEqual(60);
    expect(setE!.hit3).toBeGreaterThanOrEqual(0.93);
    expect(setE!.hit1).toBeGreaterThanOrEqual(0.76);
    expect(setE!.noAnswerRecall).toBeGreaterThanOrEqual(0.55);
    expect(setE!.noAnswerPrecision).toBeGreaterThanOrEqual(0.99);
    expect(setD!.hit3).toBeGreaterThanOrEqual(0.93);
    expect(setD!.hit1).toBeGreaterThanOrEqual(0.81);
    expect(setD!.noAnswerRecall).toBeGreaterThanOrEqual(0.69);
    expect(setD!.noAnswerPrecision).toBeGreaterThanOrEqual(0.8);
    expect(setC!.hit3).toBeGreaterThanOrEqual(0.93);
    expect(setC!.hit1).toBeGreaterThanOrEqual(0.75);
    expect(setC!.noAnswerRecall).toBeGreaterThanOrEqual(0.66);
    expect(fresh!.hit3).toBeGreaterThanOrEqual(0.92);
    expect(fresh!.hit1).toBeGreaterThanOrEqual(0.79);
    expect(fresh!.noAnswerRecall).toBeGreaterThanOrEqual(0.83);
    expect(first!.hit3).toBeGreaterThanOrEqual(0.91);
    expect(first!.hit1).toBeGreaterThanOrEqual(0.86);
    expect(first!.noAnswerRecall).toBeGreaterThanOrEqual(0.85);
  });
});
