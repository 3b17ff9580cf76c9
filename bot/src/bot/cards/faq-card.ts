import { guidanceItems, type FaqAnswer, type GuidanceLink } from '../faq-answers.js';
import template from './faq-answer.json';
import { cardBlocks, leadBlocks, sourcesMarkdown } from './markdown-blocks.js';
import { cardAttachment, expandCard, memoCard } from './render-card.js';

/** How many related questions the card offers. */
export const RELATED_SHOWN = 2;

/**
 * An FAQ answer: the opening steps (or the whole answer when `full`), its sources and guidance edition,
 * whether it was checked against that edition (an unchecked answer says so, with what is left to check
 * behind a button), the policy, referral or risk-assessment guidance that also matches the question, and
 * the related questions as buttons. The question the user typed is never echoed: it may name a child.
 */
const cache = new Map<string, string>();

export function faqCard(
  answer: FaqAnswer,
  related: readonly FaqAnswer[],
  options: { full: boolean; guidance?: readonly GuidanceLink[] },
) {
  const shown = related.slice(0, RELATED_SHOWN);
  const guidanceMarkdown = guidanceItems(options.guidance ?? []).join('\r');
  const key = [answer.id, options.full, ...shown.map((r) => r.id), guidanceMarkdown].join(' ');
  return cardAttachment(
    memoCard(cache, key, () => {
      const all = cardBlocks(answer.answer);
      const lead = leadBlocks(all);
      const full = options.full || lead.length === all.length;
      return expandCard(template, {
        id: answer.id,
        question: answer.question,
        blocks: full ? all : lead,
        full,
        sourcesMarkdown: sourcesMarkdown(answer.sources),
        checked: answer.check.checked,
        checkLabel: `${answer.check.label}.`,
        checkNote: answer.check.note ?? '',
        footer: `Follows ${answer.guidanceEdition}. The DSL decides and records why.`,
        guidanceMarkdown,
        related: shown.map((r) => ({ id: r.id, question: r.question })),
      });
    }),
  );
}
