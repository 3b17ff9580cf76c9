import template from './notice.json';
import { cardAttachment, expandCard } from './render-card.js';

/** A short message as a card: what an Action.Execute answers with when it cannot do what was asked. */
export function noticeCard(text: string, title = '') {
  return cardAttachment(expandCard(template, { title, text }));
}
