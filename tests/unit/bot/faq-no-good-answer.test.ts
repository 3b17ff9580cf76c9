import { noGoodAnswer } from '../../../bot/src/bot/bot-actions.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';

/** When no FAQ entry answers well, the bot says so and points to advice, instead of a weak match. */
describe('the bot’s answer when the FAQ has no good answer', () => {
  const { faq } = botKnowledge();

  it('says so plainly, gives the routes for other concerns (DSL today, LADO, 999), the front door and the helplines', () => {
    const text = noGoodAnswer([]);
    expect(text).toMatch(/^I don’t have a good answer for that/);
    for (const must of [
      '999',
      'immediate danger',
      'front door',
      'Professionals Online Safety Helpline',
      'NSPCC helpline',
      'tell the DSL (or a deputy) today',
      'child protection policy',
      'LADO',
      'Keeping children safe in education 2025, Part one',
    ]) {
      expect(text).toContain(must);
    }
    expect(text).not.toContain('These parts of the guidance');
  });

  it('adds the policy, referral and risk-assessment guidance that matches, by kind', () => {
    const text = noGoodAnswer([
      { kind: 'policy', title: 'Records' },
      { kind: 'context', title: 'Transport' },
    ]);
    expect(text).toContain('- Policy: **Records**');
    expect(text).toContain('- Risk assessment: **Transport**');
  });

  it('is what an off-topic question gets: no FAQ match, and no guidance forced on it', () => {
    const q = 'how do I reset my email password';
    expect(faq.best(q)).toBeNull();
    expect(faq.guidance(q)).toEqual([]);
  });
});
