import { cardAttachment, expandCard } from './render-card.js';
import template from './transfer-reminder.json';

/**
 * The digest's reminder of child-protection files sent with no receipt after five school days. The
 * channel is seen by the whole team, and a transfer is about one child who has left: so a count and
 * a link, never a name or anything that points at one child.
 */
export function transferReminderCard(options: { count: number; tabUrl: string }) {
  const { count } = options;
  const files = count === 1 ? '1 child-protection file was' : `${count} child-protection files were`;
  return cardAttachment(
    expandCard(template, {
      title: 'Transfers awaiting receipt',
      text: `${files} sent to a new school more than five school days ago with no receipt recorded. Ask the receiving school to confirm, then record the receipt in the tab.`,
      tabUrl: options.tabUrl,
    }),
  );
}
