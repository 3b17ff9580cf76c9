import { findLabellingTerms } from '../../../core/content/labelling-terms';
import type { LanguageGuide, LanguageTerm } from '../api/content-types';

export interface LanguageHint {
  term: LanguageTerm;
  /** The words as written in the text. */
  found: string;
}

export interface HintMatcher {
  (text: string): LanguageHint[];
}

/**
 * Suggestions from the language guide (content/guides/language.yaml) for a piece of writing, one per
 * term, found by core's findLabellingTerms (shared with the Word add-in). Words inside double
 * quotation marks are left alone: the guide asks for a child's or a witness's exact words to be
 * recorded as they said them, flagged word included.
 */
export function hintMatcher(guide: LanguageGuide | null): HintMatcher {
  if (!guide) return () => [];
  const terms = new Map(guide.terms.map((t) => [t.id, t]));
  return (text: string) => {
    const hints: LanguageHint[] = [];
    const seen = new Set<string>();
    for (const match of findLabellingTerms(text, guide)) {
      const term = terms.get(match.termId);
      if (match.quoted || !term || seen.has(term.id)) continue;
      seen.add(term.id);
      hints.push({ term, found: match.matched });
    }
    return hints;
  };
}
