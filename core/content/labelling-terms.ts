import type { LanguageGuide, LanguageTerm } from './schema.js';

/**
 * Finds the words the language guide flags (content/guides/language.yaml) in a piece of writing, so
 * the tab and the Word add-in can suggest child-centred alternatives. Pure and fast enough to run on
 * every keystroke of a long record: one compiled pattern per guide.
 */
export interface LabellingMatch {
  termId: string;
  /** The guide's name for the term, e.g. "offender or sex offender". */
  term: string;
  /** The text as written at [start, end). */
  matched: string;
  start: number;
  end: number;
  /** `child`: wrong when said of a child; `any`: avoid whoever it describes. */
  scope: LanguageTerm['scope'];
  alternatives: readonly string[];
  why: string;
  /**
   * Inside double quotation marks: the guide says a child's, parent's or witness's exact words are
   * kept, so a quoted match is a prompt to check, not an error.
   */
  quoted: boolean;
}

interface CompiledGuide {
  pattern: RegExp;
  byPhrase: Map<string, LanguageTerm>;
}

const compiledGuides = new WeakMap<LanguageGuide, CompiledGuide>();

function phraseKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .split(/[\s\u00a0-]+/)
    .filter(Boolean)
    .join(' ');
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(guide: LanguageGuide): CompiledGuide {
  const cached = compiledGuides.get(guide);
  if (cached) return cached;
  const byPhrase = new Map<string, LanguageTerm>();
  for (const term of guide.terms) {
    for (const phrase of term.match) {
      const key = phraseKey(phrase);
      if (key && !byPhrase.has(key)) byPhrase.set(key, term);
    }
  }
  // Longest phrases first: JavaScript alternation takes the first that matches at a position, so
  // "juvenile sex offender" wins over "sex offender" and "offender".
  const alternatives = [...byPhrase.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escape).join('[\\s\\u00a0\\u2010-\\u2015-]+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const compiled = { pattern, byPhrase };
  compiledGuides.set(guide, compiled);
  return compiled;
}

/** Offsets of text inside double quotation marks (straight or curly), paragraph by paragraph. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') open = undefined;
    else if (ch === '\u201c') open = i;
    else if (ch === '\u201d') {
      if (open !== undefined) ranges.push([open, i]);
      open = undefined;
    } else if (ch === '"') {
      if (open === undefined) open = i;
      else {
        ranges.push([open, i]);
        open = undefined;
      }
    }
  }
  return ranges;
}

/** Every flagged term in `text`, in order, with offsets (UTF-16 code units, as JavaScript counts). */
export function findLabellingTerms(text: string, guide: LanguageGuide): LabellingMatch[] {
  const { pattern, byPhrase } = compile(guide);
  const quotes = text.includes('"') || text.includes('\u201c') ? quotedRanges(text) : [];
  const matches: LabellingMatch[] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) {
    const term = byPhrase.get(phraseKey(m[0]));
    if (!term) continue;
    const start = m.index;
    const end = start + m[0].length;
    matches.push({
      termId: term.id,
      term: term.term,
      matched: m[0],
      start,
      end,
      scope: term.scope,
      alternatives: term.alternatives,
      why: term.why,
      quoted: quotes.some(([open, close]) => open < start && end <= close),
    });
  }
  return matches;
}
