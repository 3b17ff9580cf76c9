import {
  FRESH_HELDOUT_FILE,
  HELDOUT_C_FILE,
  HELDOUT_D_FILE,
  HELDOUT_E_FILE,
  HELDOUT_FILE,
  evaluateSet,
  readEvalSet,
} from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out sets (tests/content/faq-heldout-2026-12e.json, set E, the one still honest; then
 * faq-heldout-2026-12d.json, faq-heldout-2026-12c.json, faq-heldout-2026-12b.json and
 * faq-heldout-2026-12.json, sets D, C, B and A, spent; each written without sight of the content, labelled before it was scored, hash-pinned) scored through the real GET /api/faq, as a client sees
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
    const [setE, setD, setC, fresh, first] = reports;
    // Set E is the honest held-out figure: 160 questions written blind during the fifth round of
    // tuning, opened only after that round's last commit, labelled from the FAQ texts and committed
    // alone, then scored once, with nothing tuned since. Measured: 151 answerable, hit@3 83.4 %,
    // hit@1 66.2 %; declines 5 of its 9 questions with no good answer (5 of 11 declines right, so 6
    // answerable questions wrongly declined). Lower than set D reached blind (87.8 %): the fifth round's
    // gains on the content-only cross-validation and the spent sets did not carry over. The issue's
    // target, hit@3 ≥ 90 %, is not reached, so it is not asserted; these floors sit just under what it
    // reached.
    expect(setE!.total).toBeGreaterThanOrEqual(60);
    expect(setE!.hit3).toBeGreaterThanOrEqual(0.83);
    expect(setE!.hit1).toBeGreaterThanOrEqual(0.66);
    expect(setE!.noAnswerRecall).toBeGreaterThanOrEqual(0.55);
    expect(setE!.noAnswerPrecision).toBeGreaterThanOrEqual(0.45);
    // Set D, spent: 160 questions written blind during the fourth round of
    // tuning, opened only after that round's last commit, labelled from the FAQ texts and committed
    // alone, then scored once blind: 147 answerable, hit@3 87.8 %, hit@1 78.2 %; declines 9 of its 13
    // questions with no good answer (9 of 15 declines right, so 6 answerable questions wrongly
    // declined). Its floors are regression floors now. D is spent: the fifth round
    // studied the kinds of question it missed, and after that round it measures hit@3 91.2 %, hit@1
    // 78.2 %, declines 9 of 13 (9 of 13 declines right), which is no held-out figure.
    expect(setD!.total).toBeGreaterThanOrEqual(60);
    expect(setD!.hit3).toBeGreaterThanOrEqual(0.91);
    expect(setD!.hit1).toBeGreaterThanOrEqual(0.78);
    expect(setD!.noAnswerRecall).toBeGreaterThanOrEqual(0.69);
    expect(setD!.noAnswerPrecision).toBeGreaterThanOrEqual(0.59);
    // All three sets are spent: their misses were studied (for the kinds of wording and the topics that
    // fail, never their words) before the fourth round of content-only tuning, so these are regression
    // floors, not held-out figures. Their labels predate the three FAQ entries added in that round
    // (listening to a child, recording in early years, LADO or children's social care), so a question
    // one of those answers best can count as a miss here. Measured after that round:
    // - set C (125 q; scored once blind before it at hit@3 84.9 %, hit@1 73.1 %): hit@3 85.7 %,
    //   hit@1 71.4 %; declines 3 of its 6 questions with no good answer (3 of 5 declines right);
    // - set B (the "fresh" one here): hit@3 90.3 %, hit@1 71.0 %; declines 5 of 6 (5 of 7 right);
    // - set A: hit@3 91.5 %, hit@1 77.7 %; declines 5 of 7 (5 of 8 right).
    // After the fifth round (tags in everyday words, age pairs, synonym groups for pressure, altered
    // images, viewing, handling in house and checklists): C hit@3 87.4 %, hit@1 73.1 %, declines 3 of 6
    // (3 of 3 right); B hit@3 89.2 %, hit@1 69.9 %, declines 5 of 6; A hit@3 92.6 %, hit@1 77.7 %.
    expect(setC!.total).toBeGreaterThanOrEqual(60);
    expect(setC!.hit3).toBeGreaterThanOrEqual(0.87);
    expect(setC!.hit1).toBeGreaterThanOrEqual(0.73);
    expect(setC!.noAnswerRecall).toBeGreaterThanOrEqual(0.5);
    expect(fresh!.total).toBeGreaterThanOrEqual(60);
    expect(first!.total).toBeGreaterThanOrEqual(60);
    expect(fresh!.hit3).toBeGreaterThanOrEqual(0.89);
    expect(fresh!.noAnswerRecall).toBeGreaterThanOrEqual(0.8);
    expect(first!.hit3).toBeGreaterThanOrEqual(0.9);
    expect(first!.noAnswerRecall).toBeGreaterThanOrEqual(0.7);
  });
});
