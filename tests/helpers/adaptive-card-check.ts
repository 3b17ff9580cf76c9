import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's `main` is untranspiled ESM; its UMD build parses cards in Node without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

export interface CardReport {
  problems: string[];
  actions: { type: string; verb?: string; url?: string }[];
}

function collectActions(node: unknown, out: CardReport['actions']): void {
  if (Array.isArray(node)) {
    node.forEach((n) => collectActions(n, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.type === 'string' && obj.type.startsWith('Action.')) {
    out.push({
      type: obj.type,
      ...(typeof obj.verb === 'string' ? { verb: obj.verb } : {}),
      ...(typeof obj.url === 'string' ? { url: obj.url } : {}),
    });
  }
  Object.values(obj).forEach((v) => collectActions(v, out));
}

/**
 * Parses a card with the Adaptive Cards library (as a Teams-like host would) and lists every parse and
 * validation problem, plus every action anywhere in it (actions, action sets, select actions).
 */
export function checkCard(card: unknown): CardReport {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as object, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('template: an unexpanded ${…} expression is left');
  if ((card as { version?: string }).version !== '1.5') problems.push('version: not 1.5');
  if (Buffer.byteLength(json) > 28 * 1024) problems.push('size: over the 28 KB Teams limit');
  const actions: CardReport['actions'] = [];
  collectActions(card, actions);
  return { problems, actions };
}
