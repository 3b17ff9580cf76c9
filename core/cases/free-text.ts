import { createNameMatcher, mapProse, tokeniseMentions, type NamedChild } from '../privacy/index.js';

/**
 * Every string in `value` (a record's content) with the names of `others` — typed in any form —
 * turned into `@[child:<id>]` mention tokens. `own` is the child the record is about: parts of their
 * name that another child shares (a sibling's surname) are left alone.
 */
export function tokeniseNames<T>(value: T, others: readonly NamedChild[], own?: string): T {
  if (others.length === 0) return value;
  const matcher = createNameMatcher(others, own ? { keep: [own] } : {});
  return mapProse(value, (text) => tokeniseMentions(text, matcher));
}
