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
  HELDOUT_K_FILE,
  HELDOUT_L_FILE,
  HELDOUT_M_FILE,
  HELDOUT_N_FILE,
  HELDOUT_FILE,
  evaluateSet,
  readEvalSet,
} from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out sets (tests/content/faq-heldout-2026-12n.json, set N, the honest one; then -12m
 * down to -12.json: sets M to A, all spent; each written without sight of the content, labelled before it was scored,
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
      HELDOUT_N_FILE,
      HELDOUT_M_FILE,
      HELDOUT_L_FILE,
      HELDOUT_K_FILE,
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
    const [setN, setM, setL, setK, setJ, setI, setH, setG, setF, setE, setD, setC, fresh, first] = reports;
    // Set N is the held-out figure: 160 questions written blind (by someone who never opened the
    // content) during the fourteenth round, labelled from the FAQ texts alone by someone who never ran
    // the search, committed alone, opened only after that round's last commit (the asked questions
    // sharing its wording were dropped by script first), and scored once: 132 answerable, hit@3 93.2 %,
    // hit@1 81.1 %; of its 28 questions with no good answer it declined 6 (6 of 8 declines right). The
    // same search without content/search/asked.yaml scores 78.0 % / 61.4 % on it. These floors sit at
    // what set N measured when it was scored; the target is hit@3 ≥ 90 %.
    expect(setN!.total).toBeGreaterThanOrEqual(60);
    expect(setN!.hit3).toBeGreaterThanOrEqual(0.93);
    expect(setN!.hit1).toBeGreaterThanOrEqual(0.81);
    expect(setN!.noAnswerRecall).toBeGreaterThanOrEqual(0.21);
    expect(setN!.noAnswerPrecision).toBeGreaterThanOrEqual(0.75);
    // Every other set is spent: each was scored once while fresh and blind, then used as development
    // data, so its figures are regression floors just under what it measures now, not held-out ones.
    // When fresh (hit@3 / hit@1, declines of the questions with no good answer):
    // - M (after the thirteenth round, 3,242 asked questions): 89.7 % / 78.6 %, 11 of 34 (11 of 11
    //   right); its misses then set how far down related answers are shown, and it joined the fit;
    // - L (after the twelfth round, 3,371 asked questions): 89.8 % / 76.6 %, 10 of 32 (10 of 13 right);
    //   89.1 % without the 72 older asked questions sharing its wording, removed since; its misses then
    //   shaped the thirteenth round (the first entry may show there is an answer, child words at half
    //   weight, "consensual");
    // - K (after the eleventh round, 2,291 asked questions): 86.3 % / 69.2 %, 5 of 43 (5 of 6 right);
    // - J (after the decline patterns, 1,553 asked questions): 88.8 % / 75.2 %, 8 of 35 (8 of 10
    //   right); 80.0 % / 64.0 % without asked.yaml; it then helped choose the cap of 90 an entry;
    // - I (after the ninth round, 1,553 asked questions): 83.3 % / 62.7 %, 8 of 34 (8 of 10 right);
    //   without asked.yaml 72.2 % / 49.2 %, with the eighth round's 783 81.0 % / 57.1 %; its misses
    //   then shaped the decline patterns for suicidal talk, a parent who hits and injury marks;
    // - H (after the eighth round, 783 asked questions): 82.2 % / 63.6 %, 6 of 42 (6 of 9 right);
    // - G (after the seventh): 84.7 % / 65.0 %, 11 of 23 (11 of 14 right);
    // - F (after the sixth): 84.6 % / 65.7 %, 3 of 17 (3 of 4 right);
    // - E 83.4 %, D 87.8 %, C 84.9 % hit@3; A and B were scored before the content-only recalibration.
    // They were used for error analysis, the re-ranker's fit (now A–M, scripts/fit-faq-reranker.ts),
    // the decline rule and phrasings for kinds of wording their misses showed missing; since the eighth
    // round, to measure and to choose the cap on asked questions: nothing was taken from any of them
    // into asked.yaml (every asked question sharing wording with any set was dropped). After the
    // fourteenth round, as scored here (hit@3 / hit@1, declines, declines right):
    // M 90.5 / 81.0, 11 of 34 (11 of 11); L 90.6 / 76.6, 11 of 32 (11 of 13); K 88.9 / 73.5, 7 of 43
    // (7 of 7); J 91.2 / 74.4, 9 of 35 (9 of 11); I 86.5 / 65.9, 11 of 34 (11 of 15); H 89.8 / 78.8,
    // 12 of 42 (12 of 13); G 92.0 / 75.9, 12 of 23 (12 of 12); F 93.0 / 74.1, 8 of 17 (8 of 8);
    // E 95.4 / 82.1, 6 of 9 (6 of 6); D 96.6 / 85.7, 10 of 13 (10 of 11); C 93.3 / 82.4, 4 of 6 (4 of 4);
    // B 95.7 / 88.2, 6 of 6 (6 of 6); A 93.6 / 86.2, 5 of 7 (5 of 5).
    // Floors per set: hit@3, hit@1, share of no-good-answer questions declined, share of declines right.
    const floors: [typeof setH, number, number, number, number][] = [
      [setM, 0.9, 0.8, 0.32, 0.99],
      [setL, 0.9, 0.76, 0.34, 0.84],
      [setK, 0.88, 0.73, 0.16, 0.99],
      [setJ, 0.91, 0.74, 0.25, 0.81],
      [setI, 0.86, 0.65, 0.32, 0.73],
      [setH, 0.89, 0.78, 0.28, 0.92],
      [setG, 0.91, 0.75, 0.52, 0.99],
      [setF, 0.93, 0.74, 0.47, 0.99],
      [setE, 0.95, 0.82, 0.66, 0.99],
      [setD, 0.96, 0.85, 0.76, 0.9],
      [setC, 0.93, 0.82, 0.66, 0.99],
      [fresh, 0.95, 0.88, 0.99, 0.99],
      [first, 0.93, 0.86, 0.71, 0.99],
    ];
    for (const [set, hit3, hit1, recall, precision] of floors) {
      expect(set!.total).toBeGreaterThanOrEqual(60);
      expect(set!.hit3).toBeGreaterThanOrEqual(hit3);
      expect(set!.hit1).toBeGreaterThanOrEqual(hit1);
      expect(set!.noAnswerRecall).toBeGreaterThanOrEqual(recall);
      expect(set!.noAnswerPrecision).toBeGreaterThanOrEqual(precision);
    }
    // About 2,200 questions, each a real HTTP request: 10–20 s alone, longer while other suites share
    // the machine's two cores, so this one test gets its own time limit.
  }, 240_000);
});
