import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hackettLevels } from '../../../core/index.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';

const evalSet = JSON.parse(readFileSync(join(__dirname, '../../content/faq-eval.json'), 'utf8')) as {
  q: string;
  expect: string[];
}[];

describe('the bot’s FAQ and Hackett guide, from the content library', () => {
  const { faq, hackett } = botKnowledge();

  it('answers nearly every question of the FAQ evaluation set, mostly with an expected entry', () => {
    const answered = evalSet.map((e) => ({ e, best: faq.best(e.q)?.best.id }));
    // The search declines when no entry answers well; on this set of genuine questions it rarely should.
    expect(answered.filter((a) => a.best === undefined).length / evalSet.length).toBeLessThan(0.1);
    const right = answered.filter((a) => a.best !== undefined && a.e.expect.includes(a.best)).length;
    // Ranking quality is the content library's to test (hit@3); here, that the top card is usually right.
    expect(right / evalSet.length).toBeGreaterThan(0.7);
  });

  it('finds the policy, referral and risk-assessment guidance that matches a question', () => {
    const links = faq.guidance('who should be at the risk assessment meeting and how often do we review it');
    expect(links.map((l) => l.kind)).toEqual(expect.arrayContaining(['policy']));
    expect(faq.guidance('what is the capital of France?')).toEqual([]);
  });

  it.each(['can you book me a meeting room', 'what is the capital of France?', 'the weather is nice today'])(
    'does not pass off a weak match as the answer to "%s"',
    (q) => {
      expect(faq.best(q)).toBeNull();
    },
  );

  // The cut (core/content/search.ts) is the strictest that still keeps 98 % of in-domain phrasings, so
  // a thank-you that only says "help" is not matched to an entry: it gets the "no good answer" reply,
  // which names the helplines itself.
  it('does not answer a thank-you that mentions help with an FAQ entry', () => {
    expect(faq.best('thanks for your help today bot')).toBeNull();
  });

  it('offers up to two related questions, never the answer itself', () => {
    const match = faq.best('nudes shared in a group chat')!;
    expect(match.related.length).toBeGreaterThanOrEqual(1);
    expect(match.related.map((r) => r.id)).not.toContain(match.best.id);
  });

  it('finds an entry by id for the card buttons', () => {
    expect(faq.byId('faq.what-counts-as-hsb')?.question).toMatch(/harmful sexual behaviour/i);
    expect(faq.byId('faq.nothing-here')).toBeNull();
  });

  it('has every Hackett level, with what a school typically does next', () => {
    for (const level of hackettLevels) expect(hackett.level(level).schoolResponse.length).toBeGreaterThan(2);
    expect(hackett.guidanceEdition).toMatch(/KCSIE/);
  });
});
