import { faqCard } from '../../../bot/src/bot/cards/faq-card.js';
import type { FaqAnswer } from '../../../bot/src/bot/faq-answers.js';
import { checkStatus, findFaq, NOT_YET_CHECKED } from '../../../core/index.js';
import { checkCard } from '../../helpers/adaptive-card-check.js';
import { botKnowledge } from '../../helpers/bot-knowledge.js';
import { realContent } from '../../helpers/content.js';

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
