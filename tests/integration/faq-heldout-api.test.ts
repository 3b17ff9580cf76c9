import { evaluateSet, readEvalSet } from '../unit/content/faq-eval-sets.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The frozen held-out set (tests/content/faq-heldout-2026-12.json: written without sight of the
 * content, labelled before tuning, hash-pinned) scored through the real GET /api/faq, as a client sees
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
    for (const name of ['faq-heldout-2026-12.json', 'faq-eval.json', 'faq-holdout.json']) {
      const set = readEvalSet(name);
      const got = await apiTop3(set.map((c) => c.q));
      const report = evaluateSet(`${name} via GET /api/faq`, set, (q) => got.get(q) ?? []);
      lines.push(...report.lines);
      reports.push(report);
    }
    console.log(lines.join('\n'));
    const heldout = reports[0]!;
    expect(heldout.total).toBeGreaterThanOrEqual(60);
    // Regression floors at the figures first measured (hit@3 78.7 %, declines 6 of the 7 questions with no
    // good answer). The target is hit@3 ≥ 90 %; it is not reached, so it is not asserted.
    expect(heldout.hit3).toBeGreaterThanOrEqual(0.75);
    expect(heldout.noAnswerRecall).toBeGreaterThanOrEqual(0.7);
  });
});
