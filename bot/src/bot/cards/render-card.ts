import type { Attachment } from 'botbuilder';
import { Template } from 'adaptivecards-templating';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A card as sent: the expanded Adaptive Card JSON (schema 1.5). */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const parsed = new WeakMap<object, Template>();

/**
 * Expands an Adaptive Card template with data. Data values are inserted as values, never re-read as
 * template expressions, so text from the content library or the store cannot inject card markup.
 */
export function expandCard(template: object, data: object): AdaptiveCardJson {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new Template(template);
    parsed.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Expands once per `key` and hands out copies: most cards (help, FAQ answers, the guided form) depend
 * only on content that is fixed while the process runs, and expanding a template costs ~0.5 ms.
 */
export function memoCard(
  cache: Map<string, string>,
  key: string,
  build: () => AdaptiveCardJson,
): AdaptiveCardJson {
  let json = cache.get(key);
  if (json === undefined) {
    json = JSON.stringify(build());
    if (cache.size >= MEMO_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, json);
  }
  return JSON.parse(json) as AdaptiveCardJson;
}

const MEMO_LIMIT = 500;

export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
