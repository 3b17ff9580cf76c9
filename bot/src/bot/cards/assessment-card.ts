import template from './assessment-created.json';
import { cardAttachment, expandCard } from './render-card.js';

/** The answer to `new assessment`: the case reference and a link into the tab, never a child's details. */
export function assessmentCreatedCard(options: { caseRef: string; url: string }) {
  return cardAttachment(
    expandCard(template, {
      caseRef: options.caseRef,
      url: options.url,
      nameNote:
        'Add the learner’s name and details in the tab, where only your safeguarding team can see them. Until then the record shows “Not yet recorded”. Please don’t type names in this chat.',
    }),
  );
}
