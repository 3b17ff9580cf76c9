import type { UserEvent } from '@testing-library/user-event';

/**
 * Puts `text` into a field as someone pasting it would: a click into the field, then one paste (one
 * input event). For steps where the text matters and not each key: in the plan editor every key
 * re-renders the whole form. Tests of typing itself type key by key.
 */
export async function fill(user: UserEvent, field: Element, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}
