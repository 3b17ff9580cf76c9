import {
  FRESH_HELDOUT_FILE,
  HELDOUT_C_FILE,
  HELDOUT_D_FILE,
  HELDOUT_E_FILE,
  HELDOUT_F_FILE,
  HELDOUT_G_FILE,
  HELDOUT_H_FILE,
  HELDOUT_I_FILE,
  HELDOUT_J_FILE,
  HELDOUT_FILE,
  evaluateSet,
  readEvalSet,
} from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out sets (tests/content/faq-heldout-2026-12j.json, set J, the honest one; then -12i,
 * -12h, -12g, -12f, -12e, -12d, -12c, -12b and -12.json: sets I, H, G, F, E, D, C, B and A, all spent; each written without sight of the content, labelled before it was scored,
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
      HELDOUT_J_FILE,
      HELDOUT_I_FILE,
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
    const [setJ, setI, setH, setG, setF, setE, setD, setC, fresh, first] = reports;
    // Set J is the held-out figure: 160 questions written blind (by someone who never opened the
    // content) after the ninth round, labelled from the FAQ texts alone by someone who never ran the
    // search, committed alone, opened only after the last decline change, and scored once: 125
    // answerable, hit@3 88.8 %, hit@1 75.2 %; of its 35 questions with no good answer it declined 8 (8 of
    // 10 declines right). Without content/search/asked.yaml the same search scores 80.0 % / 64.0 % on it;
    // with the 54 asked questions that share wording with it left out, 89.6 % / 76.0 %. The issue's
    // target, hit@3 ≥ 90 % on a fresh blind set, is not reached, so it is not asserted; these floors sit
    // at what set J measured when it was scored.
    expect(setJ!.total).toBeGreaterThanOrEqual(60);
    expect(setJ!.hit3).toBeGreaterThanOrEqual(0.88);
    expect(setJ!.hit1).toBeGreaterThanOrEqual(0.75);
    expect(setJ!.noAnswerRecall).toBeGreaterThanOrEqual(0.22);
    expect(setJ!.noAnswerPrecision).toBeGreaterThanOrEqual(0.8);
    // Every other set is spent: each was scored once while fresh and blind, then used as development
    // data, so its figures are regression floors just under what it measures now, not held-out ones.
    // When fresh (hit@3 / hit@1, declines of the questions with no good answer):
    // - I (after the ninth round, 1,553 asked questions): 83.3 % / 62.7 %, 8 of 34 (8 of 10 right);
    //   without asked.yaml 72.2 % / 49.2 %, with the eighth round's 783 81.0 % / 57.1 %; its misses
    //   then shaped the decline patterns for suicidal talk, a parent who hits and injury marks;
    // - H (after the eighth round, 783 asked questions): 82.2 % / 63.6 %, 6 of 42 (6 of 9 right);
    //   the ninth round used it, with G, to choose the cap on asked questions an entry holds;
    // - G (after the seventh): 84.7 % / 65.0 %, 11 of 23 (11 of 14 right);
    // - F (after the sixth): 84.6 % / 65.7 %, 3 of 17 (3 of 4 right);
    // - E 83.4 %, D 87.8 %, C 84.9 % hit@3; A and B were scored before the content-only recalibration.
    // They were used for error analysis, the re-ranker's fit (A–F, scripts/fit-faq-reranker.ts), the
    // decline rule and phrasings for kinds of wording their misses showed missing; since the eighth
    // round, only to measure: nothing was taken from any of them into asked.yaml (every asked question
    // sharing wording with any set was dropped). After the ninth round, as scored here:
    // - I: 83.3 % / 62.7 %, 11 of 34 (11 of 13 right);
    // - H: 87.3 % / 66.9 %, 13 of 42 (13 of 15 right);
    // - G: 90.5 % / 74.5 %, 11 of 23 (11 of 12 right);
    // - F: 95.8 % / 78.3 %, 8 of 17 (8 of 8 right);
    // - E: 94.7 % / 79.5 %, 5 of 9 (5 of 5 right);
    // - D: 93.9 % / 85.7 %, 9 of 13 (9 of 11 right);
    // - C: 94.1 % / 82.4 %, 4 of 6 (4 of 4 right);
    // - B: 94.6 % / 82.8 %, 5 of 6 (5 of 6 right);
    // - A: 93.6 % / 80.9 %, 6 of 7 (6 of 8 right).
    // Floors per set: hit@3, hit@1, share of no-good-answer questions declined, share of declines right.
    const floors: [typeof setH, number, number, number, number][] = [
      [setI, 0.83, 0.62, 0.32, 0.84],
      [setH, 0.87, 0.66, 0.3, 0.86],
      [setG, 0.9, 0.74, 0.47, 0.91],
      [setF, 0.95, 0.78, 0.47, 0.99],
      [setE, 0.94, 0.79, 0.55, 0.99],
      [setD, 0.93, 0.85, 0.69, 0.81],
      [setC, 0.94, 0.82, 0.66, 0.99],
      [fresh, 0.94, 0.82, 0.83, 0.83],
      [first, 0.93, 0.8, 0.85, 0.75],
    ];
    for (const [set, hit3, hit1, recall, precision] of floors) {
      expect(set!.total).toBeGreaterThanOrEqual(60);
      expect(set!.hit3).toBeGreaterThanOrEqual(hit3);
      expect(set!.hit1).toBeGreaterThanOrEqual(hit1);
      expect(set!.noAnswerRecall).toBeGreaterThanOrEqual(recall);
      expect(set!.noAnswerPrecision).toBeGreaterThanOrEqual(precision);
    }
    // About 1,500 questions, each a real HTTP request: 10–20 s alone, longer while other suites share
    // the machine's two cores, so this one test gets its own time limit.
  }, 240_000);
});
