import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFaq, searchFaq } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';

/**
 * The FAQ search against tests/content/faq-eval.json: questions worded the way worried staff type them,
 * each with the entries that answer it. Issue 3 asks for hit@3 ≥ 90 %. The set is not tuned to the
 * search: when it misses, the search or the content's tags are improved instead.
 */
interface EvalCase {
  q: string;
  expect: string[];
}

function readCases(name: string): EvalCase[] {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'content', name), 'utf8')) as EvalCase[];
}

const cases = readCases('faq-eval.json');
/**
 * Written after the search was tuned on faq-eval.json and never tuned against: it shows how well the
 * search generalises to questions nobody tuned for. Its floor only catches regressions.
 */
const holdout = readCases('faq-holdout.json');

function evaluate(name: string, set: readonly EvalCase[], search: (q: string) => string[]): number {
  let hit1 = 0;
  let hit3 = 0;
  const misses: string[] = [];
  for (const c of set) {
    const got = search(c.q);
    if (c.expect.includes(got[0] ?? '')) hit1++;
    if (got.some((id) => c.expect.includes(id))) hit3++;
    else misses.push(`  "${c.q}"\n    expected ${c.expect.join(' | ')}\n    got      ${got.join(' | ') || '(nothing)'}`);
  }
  const pct = (n: number) => `${((100 * n) / set.length).toFixed(1)} %`;
  console.log(
    `${name} over ${set.length} questions: hit@1 ${pct(hit1)}, hit@3 ${pct(hit3)}` +
      (misses.length ? `\nMisses (${misses.length}):\n${misses.join('\n')}` : ''),
  );
  return hit3 / set.length;
}

describe('FAQ search evaluation', () => {
  const lib = realContent();

  it('is a real evaluation set: at least 40 questions, none a copy of an FAQ question, every answer real', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const titles = new Set(lib.faq.map((e) => e.question.toLowerCase()));
    for (const c of cases) {
      expect(titles.has(c.q.toLowerCase())).toBe(false);
      expect(c.expect.length).toBeGreaterThan(0);
      for (const id of c.expect) expect({ id, exists: Boolean(findFaq(lib, id)) }).toEqual({ id, exists: true });
    }
  });

  const top3 = (q: string) => searchFaq(lib, q, { top: 3 }).map((h) => h.entry.id);

  it('finds an expected answer in the top 3 for at least 90 % of questions', () => {
    expect(evaluate('FAQ evaluation', cases, top3)).toBeGreaterThanOrEqual(0.9);
  });

  it('generalises to held-out questions (reported; floor 70 %)', () => {
    for (const c of holdout) for (const id of c.expect) expect(findFaq(lib, id)).toBeDefined();
    expect(evaluate('Held-out FAQ evaluation', holdout, top3)).toBeGreaterThanOrEqual(0.7);
  });
});
