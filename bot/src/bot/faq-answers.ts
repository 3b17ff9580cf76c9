import type { CheckStatus } from '../../../core/index.js';

/**
 * What the bot needs from the FAQ: the closest entries to a question, and an entry by id for the card
 * buttons. A narrow port, so that the bot does not depend on how the content library searches.
 */
export interface SourceLink {
  title: string;
  url: string;
}

export interface FaqAnswer {
  id: string;
  question: string;
  /** The answer as the content's small Markdown subset: paragraphs, `- `/`1. ` items, `**bold**`, `### `. */
  answer: string;
  sources: readonly SourceLink[];
  guidanceEdition: string;
  /** Whether the answer was checked against the official text of its editions, and what is left to check. */
  check: CheckStatus;
}

export interface FaqMatch {
  best: FaqAnswer;
  /** Other entries close to the question, best first (at most two are shown). */
  related: readonly FaqAnswer[];
}

/** A policy clause, referral section or risk-assessment context that matches a question well. */
export interface GuidanceLink {
  kind: 'policy' | 'referral' | 'context';
  title: string;
}

/** Where in the app each kind of guidance lives, as the bot names it. */
export const GUIDANCE_KIND: Readonly<Record<GuidanceLink['kind'], string>> = {
  policy: 'Policy',
  referral: 'Referral form',
  context: 'Risk assessment',
};

/** One Markdown list item per piece of guidance, e.g. "- Policy: **Records**". */
export function guidanceItems(guidance: readonly GuidanceLink[]): string[] {
  return guidance.map((g) => `- ${GUIDANCE_KIND[g.kind]}: **${g.title}**`);
}

export interface FaqAnswers {
  /** The closest entry and the next ones, or null when nothing answers it well enough to show. */
  best(question: string): FaqMatch | null;
  /** The best policy clause, referral section and risk-assessment context for a question, if any fits. */
  guidance(question: string): readonly GuidanceLink[];
  byId(id: string): FaqAnswer | null;
}
