/**
 * How text becomes search terms, shared by the index and the query so both sides agree: lower case,
 * possessives and stop words dropped, and a light suffix stemmer so "touched", "touching" and "touch"
 * meet. A full Porter stemmer is overkill for a few hundred short documents and mangles the words
 * staff use ("nudes", "pics"); these rules are small enough to reason about.
 */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her ' +
    'hers him his how i if im in into is it its itll ive just me my of on or our ours she so than that thats the ' +
    'their theirs them then there theres these they this those to too us was we were what whats when where ' +
    'which while who whom why will with would you your yours am any all also again about after before now ' +
    'should shall must might may ok okay very really still some such only own same other another each few ' +
    'more most both either neither nor yes here out over up down onto per via ' +
    'get gets got getting go goes going went gone let lets make makes made want wants wanted know knows ' +
    'think thought need needs needed like said says say ask asked one thing things ' +
    'someone something anyone anything everyone everything every lot lots loads bit way ever'
  ).split(/\s+/),
);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

const DOUBLE_CONSONANT = /([bdfgkmnprt])\1$/;

/** A light English stemmer: plurals, -ing, -ed and a final -e; short words are left alone. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (DOUBLE_CONSONANT.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Lower-cases and folds curly quotes and dashes, so "children’s" and "children's" are one word. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
}

/** Splits into words, dropping possessive "'s" and the apostrophe of contractions (don't → dont). */
export function tokenize(text: string): string[] {
  return normaliseText(text)
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * US spellings as the content spells them (British English), so "behavior", "sexualized" and
 * "counseling" find "behaviour", "sexualised" and "counselling". Only long -ize words: "size" and
 * "prize" stay as they are.
 */
export function britishSpelling(word: string): string {
  return word
    .replace(/^(mis)?behavior/, '$1behaviour')
    .replace(/^(\p{L}{4,})iz(e|ed|es|ing|ation|ations)$/u, '$1is$2')
    .replace(/^(\p{L}{3,})yz(e|ed|es|ing)$/u, '$1ys$2')
    .replace(/^counsel(ing|or|ors)$/, 'counsell$1');
}

/** A token as the index stores it, or null for a stop word. */
export function processTerm(token: string): string | null {
  const term = britishSpelling(token.toLowerCase());
  if (isStopWord(term)) return null;
  return stem(term);
}
