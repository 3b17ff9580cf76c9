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
  HELDOUT_FILE,
  evaluateSet,
  readEvalSet,
} from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out sets (tests/content/faq-heldout-2026-12k.json, set K, the honest one; then -12j
 * down to -12.json: sets J to A, all spent; each written without sight of the content, labelled before it was scored,
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
    const [setK, setJ, setI, setH, setG, setF, setE, setD, setC, fresh, first] = reports;
    // Set K is the held-out figure: 160 questions written blind (by someone who never opened the
    // content) during the eleventh round, labelled from the FAQ texts alone by someone who never ran the
    // search, committed alone, opened only after that round's last commit, and scored once: 117
    // answerable, hit@3 86.3 %, hit@1 69.2 %; of its 43 questions with no good answer it declined 5 (5 of
    // 6 declines right). On the same set the search scores 76.1 % / 58.1 % without
    // content/search/asked.yaml and 80.3 % / 65.0 % with the ninth round's 1,553 asked questions. The
    // issue's target, hit@3 ≥ 90 % on a fresh blind set, is not reached, so it is not asserted; these
    // floors sit at what set K measured when it was scored.
    expect(setK!.total).toBeGreaterThanOrEqual(60);
    expect(setK!.hit3).toBeGreaterThanOrEqual(0.86);
    expect(setK!.hit1).toBeGreaterThanOrEqual(0.69);
    expect(setK!.noAnswerRecall).toBeGreaterThanOrEqual(0.11);
    expect(setK!.noAnswerPrecision).toBeGreaterThanOrEqual(0.83);
    // Every other set is spent: each was scored once while fresh and blind, then used as development
    // data, so its figures are regression floors just under what it measures now, not held-out ones.
    // When fresh (hit@3 / hit@1, declines of the questions with no good answer):
    // - J (after the decline patterns, 1,553 asked questions): 88.8 % / 75.2 %, 8 of 35 (8 of 10
    //   right); 80.0 % / 64.0 % without asked.yaml; it then helped choose the cap of 90 an entry;
    // - I (after the ninth round, 1,553 asked questions): 83.3 % / 62.7 %, 8 of 34 (8 of 10 right);
    //   without asked.yaml 72.2 % / 49.2 %, with the eighth round's 783 81.0 % / 57.1 %; its misses
    //   then shaped the decline patterns for suicidal talk, a parent who hits and injury marks;
    // - H (after the eighth round, 783 asked questions): 82.2 % / 63.6 %, 6 of 42 (6 of 9 right);
    // - G (after the seventh): 84.7 % / 65.0 %, 11 of 23 (11 of 14 right);
    // - F (after the sixth): 84.6 % / 65.7 %, 3 of 17 (3 of 4 right);
    // - E 83.4 %, D 87.8 %, C 84.9 % hit@3; A and B were scored before the content-only recalibration.
    // They were used for error analysis, the re-ranker's fit (A–F, scripts/fit-faq-reranker.ts), the
    // decline rule and phrasings for kinds of wording their misses showed missing; since the eighth
    // round, to measure and to choose the cap on asked questions: nothing was taken from any of them
    // into asked.yaml (every asked question sharing wording with any set was dropped). After the
    // eleventh round, as scored here (hit@3 / hit@1, declines, declines right):
    // J 89.6 / 75.2, 8 of 35 (8 of 10); I 84.1 / 62.7, 10 of 34 (10 of 13); H 88.1 / 72.0, 11 of 42
    // (11 of 13); G 91.2 / 75.2, 12 of 23 (12 of 12); F 95.8 / 79.0, 8 of 17 (8 of 8); E 95.4 / 81.5,
    // 6 of 9 (6 of 6); D 95.2 / 86.4, 9 of 13 (9 of 10); C 94.1 / 81.5, 4 of 6 (4 of 4); B 96.8 / 86.0,
    // 6 of 6 (6 of 6); A 92.6 / 83.0, 6 of 7 (6 of 7).
    // Floors per set: hit@3, hit@1, share of no-good-answer questions declined, share of declines right.
    const floors: [typeof setH, number, number, number, number][] = [
      [setJ, 0.89, 0.75, 0.22, 0.8],
      [setI, 0.84, 0.62, 0.29, 0.76],
      [setH, 0.88, 0.72, 0.26, 0.84],
      [setG, 0.91, 0.75, 0.52, 0.99],
      [setF, 0.95, 0.79, 0.47, 0.99],
      [setE, 0.95, 0.81, 0.66, 0.99],
      [setD, 0.95, 0.86, 0.69, 0.9],
      [setC, 0.94, 0.81, 0.66, 0.99],
      [fresh, 0.96, 0.86, 0.99, 0.99],
      [first, 0.92, 0.82, 0.85, 0.85],
    ];
    for (const [set, hit3, hit1, recall, precision] of floors) {
      expect(set!.total).toBeGreaterThanOrEqual(60);
      expect(set!.hit3).toBeGreaterThanOrEqual(hit3);
      expect(set!.hit1).toBeGreaterThanOrEqual(hit1);
      expect(set!.noAnswerRecall).toBeGreaterThanOrEqual(recall);
      expect(set!.noAnswerPrecision).toBeGreaterThanOrEqual(precision);
    }
    // About 1,700 questions, each a real HTTP request: 10–20 s alone, longer while other suites share
    // the machine's two cores, so this one test gets its own time limit.
  }, 240_000);
});
