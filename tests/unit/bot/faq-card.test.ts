import { BotActions } from '../../../bot/src/bot/bot-actions.js';
import { faqCard } from '../../../bot/src/bot/cards/faq-card.js';
import { deepLinks } from '../../../bot/src/bot/deep-links.js';
import { LocalSchoolAccess } from '../../../bot/src/bot/school-access.js';
import { createLogger } from '../../../bot/src/logger.js';
import { createAssessmentStore } from '../../../storage/index.js';
import type { FaqAnswer } from '../../../bot/src/bot/faq-answers.js';
import { checkStatus, findFaq, NOT_YET_CHECKED } from '../../../core/index.js';
import { checkCard } from '../../helpers/adaptive-card-check.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';
import { realContent } from '../../helpers/content.js';
import { fixedClock } from '../../helpers/test-server.js';

/** The card's text as a reader sees it (every TextBlock, in order). */
function cardText(content: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(content);
  return texts.join('\n');
}

const answer = (over: Partial<FaqAnswer> & Pick<FaqAnswer, 'check'>): FaqAnswer => ({
  id: 'faq.example',
  question: 'A question?',
  answer: '1. The member of staff tells the DSL.\n\n**Why**\n\nBecause the guidance says so.',
  sources: [{ title: 'KCSIE 2026', url: 'https://www.gov.uk/' }],
  guidanceEdition: 'KCSIE 2026; UKCIS 2024',
  ...over,
});

describe('the FAQ card says whether its answer was checked', () => {
  it('marks an unchecked answer, and gives what is left to check with the full answer', () => {
    const entry = findFaq(realContent(), 'faq.upskirting')!;
    expect(entry.checkedOn).toBeUndefined();
    const { faq } = botKnowledge();
    const served = faq.byId('faq.upskirting')!;
    const lead = cardText(faqCard(served, [], { full: false }).content);
    expect(lead).toContain(`${NOT_YET_CHECKED}.`);
    expect(lead).not.toContain('Still to check');
    const full = faqCard(served, [], { full: true }).content;
    expect(cardText(full)).toContain(`Still to check: ${entry.verify}`);
    expect(checkCard(full).problems).toEqual([]);
  });

  it('names the editions and the date of a checked answer, with no note to show', () => {
    const checked = answer({
      check: checkStatus({ guidanceEdition: 'KCSIE 2026; UKCIS 2024', checkedOn: '2026-12-02' }),
    });
    const text = cardText(faqCard(checked, [], { full: true }).content);
    expect(text).toContain('Checked against KCSIE 2026 and UKCIS 2024 on 2 December 2026.');
    expect(text).not.toContain(NOT_YET_CHECKED);
    expect(text).not.toContain('Still to check');
    // The "DSL decides" note appears once, on the card, not in every answer.
    expect(text.match(/The DSL decides/g)).toHaveLength(1);
  });
});

describe('the FAQ card names the policy, referral and risk-assessment guidance that also matches', () => {
  const { faq } = botKnowledge();
  const served = () => faq.byId('faq.risk-assessment-meeting-and-review')!;

  it('lists each piece of guidance by kind under its own heading, and a valid card', () => {
    const content = faqCard(served(), [], {
      full: false,
      guidance: [
        { kind: 'policy', title: 'Risk assessment and safety planning' },
        { kind: 'context', title: 'Transport' },
      ],
    }).content;
    const text = cardText(content);
    expect(text).toContain("Also in the app's guidance");
    expect(text).toContain('- Policy: **Risk assessment and safety planning**');
    expect(text).toContain('- Risk assessment: **Transport**');
    expect(checkCard(content).problems).toEqual([]);
  });

  it('leaves the heading out when nothing else matches', () => {
    expect(cardText(faqCard(served(), [], { full: false, guidance: [] }).content)).not.toContain('Also in');
  });

  it('is what the bot sends when a policy clause matches a question the FAQ answers', () => {
    const question = 'who should be at the risk assessment meeting and how often do we review it';
    const guidance = faq.guidance(question);
    expect(guidance.map((g) => g.kind)).toContain('policy');
    const actions = new BotActions({
      ...botKnowledge(),
      links: deepLinks({ mode: 'local', TEAMS_APP_ID: undefined }, () => 'http://127.0.0.1:3978'),
      access: new LocalSchoolAccess(),
      store: createAssessmentStore({ kind: 'sqlite-memory' }),
      clock: fixedClock('2026-03-09T09:00:00Z'),
      logger: createLogger('silent'),
    });
    const reply = actions.ask(question);
    if (!('card' in reply)) throw new Error(`expected a card, got: ${reply.text}`);
    const text = cardText(reply.card.content);
    expect(text).toContain("Also in the app's guidance");
    for (const g of guidance) expect(text).toContain(`**${g.title}**`);
  });
});
