import { cardAttachment, expandCard } from './render-card.js';
import template from './transfer-reminder.json';

/**
 * The digest's count of overdue actions (strategies and support measures past their due date and
 * not yet in place). The channel is seen by the whole team: a number and a link to the tab, where
 * each owner finds theirs under "My actions" — never an owner's name, an action or a child.
 */
export function overdueActionsCard(options: { count: number; tabUrl: string }) {
  const { count } = options;
  const actions = count === 1 ? '1 action is overdue' : `${count} actions are overdue`;
  return cardAttachment(
    expandCard(template, {
      title: count === 1 ? '1 action overdue' : `${count} actions overdue`,
      text: `${actions}: past its due date and not yet in place. Owners see theirs under "My actions" in the tab.`,
      tabUrl: options.tabUrl,
    }),
  );
}
