/**
 * Free text stores a mention of another child as `@[child:<childId>]`, never as the child's name, so
 * the record can be read, exported or transferred without disclosing who the other child is. Each
 * rendering decides what a mention becomes: the name for staff who may see the case, "another child"
 * or a pseudonym for everyone else.
 */
import type { NameMatcher } from './name-matcher.js';

/** A mention token; global, so use it with `replace`/`matchAll`, or copy it before calling `test`. */
export const MENTION_PATTERN =
  /@\[child:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]/g;

export function mentionToken(childId: string): string {
  return `@[child:${childId}]`;
}

/** Names of the matcher's children, typed in any form, become mention tokens; existing tokens stay. */
export function tokeniseMentions(text: string, matcher: NameMatcher): string {
  return matcher.replace(text, (id) => mentionToken(id));
}

export function renderMentions(text: string, render: (childId: string) => string): string {
  if (!text.includes('@[')) return text;
  return text.replace(freshPattern(), (_token, id: string) => render(id));
}

/** The ids of the children the text mentions, in order of first mention. */
export function mentionedChildIds(text: string): string[] {
  if (!text.includes('@[')) return [];
  return [...new Set([...text.matchAll(freshPattern())].map((m) => m[1]!))];
}

/** A private copy, so no caller's use of the shared pattern's `lastIndex` can affect ours. */
function freshPattern(): RegExp {
  return new RegExp(MENTION_PATTERN.source, 'g');
}
