import type { LanguageTerm } from '../api/content-types';

export interface LanguageHint {
  term: LanguageTerm;
  /** The words as written in the text. */
  found: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface HintMatcher {
  (text: string): LanguageHint[];
}

/**
 * Builds a matcher for the language guide's terms (content/guides/language.yaml): whole words or
 * phrases, any case. Words inside double quotation marks are left alone: the guide asks for a child's
 * or a witness's exact words to be quoted as they said them, flagged word included.
 */
export function hintMatcher(terms: readonly LanguageTerm[]): HintMatcher {
  const phrases = terms
    .flatMap((term) => term.match.map((phrase) => ({ term, phrase: phrase.trim() })))
    .filter((p) => p.phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  if (phrases.length === 0) return () => [];
  const byPhrase = new Map(phrases.map((p) => [p.phrase.toLowerCase().replace(/\s+/g, ' '), p.term]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => escape(p.phrase).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return (text: string) => {
    const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, (quoted) => ' '.repeat(quoted.length));
    const hints: LanguageHint[] = [];
    const seen = new Set<string>();
    for (const match of unquoted.matchAll(pattern)) {
      const term = byPhrase.get(match[0].toLowerCase().replace(/\s+/g, ' '));
      if (!term || seen.has(term.id)) continue;
      seen.add(term.id);
      hints.push({ term, found: match[0] });
    }
    return hints;
  };
}
