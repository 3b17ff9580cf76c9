/**
 * Recognises children's names in free text, whatever Unicode form they were typed in, so that every
 * rendering that must not name a child (parents' copy, the child's own file, the meeting stage, the
 * referral draft) and the save path that turns names into mentions share one notion of "a name".
 *
 * The text is folded once into a comparison form (compatibility decomposition, diacritics dropped,
 * case folded, invisible characters dropped), split into words, and the words are walked through one
 * trie of every child's name built when the matcher is made. Each word start costs at most one step
 * per word of the longest name, so time is linear in the text however many children there are — a
 * regular expression per name per field was quadratic in practice and froze the server.
 */
import { MENTION_PATTERN } from './mentions.js';

export interface NamedChild {
  id: string;
  name: string;
}

/** Offsets are UTF-16 indices into the ORIGINAL text, so callers can slice and splice it. */
export interface NameMatch {
  start: number;
  end: number;
  id: string;
}

export interface NameMatcher {
  find(text: string): NameMatch[];
  replace(text: string, render: (id: string, matched: string) => string): string;
}

export interface NameMatcherOptions {
  /**
   * Names of the child the text is about. Their parts are not matched on their own, so a sibling's
   * shared surname does not blank out the child's own name; other children's full names still match.
   */
  keep?: readonly string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The child this word sequence names; the first child listed wins when two share a name part. */
  id?: string;
}

/** The words of a text in comparison form, with where each lies in the original. */
interface Tokens {
  words: string[];
  start: number[];
  end: number[];
  /** Whether what separates word k from word k-1 may join two words of one name ("Zoë Ångström"). */
  joins: boolean[];
  /** Whether word k is joined to word k-1 by an apostrophe alone ("O'Neill"). */
  apostrophe: boolean[];
}

/** Texts longer than this are not remembered: records repeat short texts (owners, labels), not long ones. */
const MEMO_TEXT_LENGTH = 500;
const MEMO_ENTRIES = 20_000;

export function createNameMatcher(
  children: readonly NamedChild[],
  options: NameMatcherOptions = {},
): NameMatcher {
  const kept = new Set(
    (options.keep ?? []).flatMap((name) => {
      const tokens = tokenise(name, false);
      return [...tokens.words, ...joinApostrophes(tokens)];
    }),
  );
  const root: TrieNode = { next: new Map() };
  let longest = 0;
  const names = children.map((child) => ({ id: child.id, tokens: tokenise(child.name, false) }));

  // Full names first so that, where a full name and a lone part coincide, the id of the full name wins.
  for (const { id, tokens } of names) {
    if (tokens.words.length === 0) continue;
    longest = Math.max(longest, tokens.words.length);
    insert(root, tokens.words, id);
    insert(root, joinApostrophes(tokens), id);
  }
  for (const { id, tokens } of names) {
    for (const part of new Set([...tokens.words, ...joinApostrophes(tokens)])) {
      if (letters(part) < 2 || kept.has(part)) continue;
      insert(root, [part], id);
    }
  }

  const memo = new Map<string, NameMatch[]>();

  function search(text: string): NameMatch[] {
    const t = tokenise(text, true);
    const matches: NameMatch[] = [];
    const count = t.words.length;
    let i = 0;
    while (i < count) {
      let node: TrieNode | undefined = root;
      let best = -1;
      let bestId = '';
      for (let j = i; j < count && j - i < longest; j++) {
        node = node.next.get(t.words[j]!);
        if (!node) break;
        if (node.id !== undefined) {
          best = j;
          bestId = node.id;
        }
        if (!t.joins[j + 1]) break;
      }
      if (best < 0) {
        i++;
        continue;
      }
      matches.push({ start: t.start[i]!, end: t.end[best]!, id: bestId });
      i = best + 1;
    }
    return matches;
  }

  function find(text: string): NameMatch[] {
    if (longest === 0 || text.length === 0) return [];
    if (text.length > MEMO_TEXT_LENGTH) return search(text);
    let found = memo.get(text);
    if (!found) {
      found = search(text);
      if (memo.size < MEMO_ENTRIES) memo.set(text, found);
    }
    return found.map((m) => ({ ...m }));
  }

  return {
    find,
    replace(text, render) {
      const matches = find(text);
      if (matches.length === 0) return text;
      let out = '';
      let at = 0;
      for (const m of matches) {
        out += text.slice(at, m.start) + render(m.id, text.slice(m.start, m.end));
        at = m.end;
      }
      return out + text.slice(at);
    },
  };
}

/** A lone part counts as a name only with two letters or more: not an initial, not a number. */
function letters(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

function insert(root: TrieNode, sequence: readonly string[], id: string): void {
  let node = root;
  for (const word of sequence) {
    let next = node.next.get(word);
    if (!next) {
      next = { next: new Map() };
      node.next.set(word, next);
    }
    node = next;
  }
  node.id ??= id;
}

/** "O'Neill" is often typed "ONeill": the same name with the apostrophe's two sides as one word. */
function joinApostrophes(tokens: Tokens): string[] {
  const out: string[] = [];
  tokens.words.forEach((word, k) => {
    if (tokens.apostrophe[k] && out.length > 0) out[out.length - 1] += word;
    else out.push(word);
  });
  return out;
}

/** How a character of the comparison form counts. */
const WORD = 0;
const JOINER = 1;
const OTHER = 2;
type CharClass = typeof WORD | typeof JOINER | typeof OTHER;

/** A code point that belongs to the character before it and is otherwise ignored. */
const ATTACHED = 'attached';
interface FoldedCodePoint {
  chars: string[];
  classes: CharClass[];
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARK = /\p{M}/gu;
const MARK_ONLY = /^\p{M}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** What may stand between two words of one name: a space, hyphen, apostrophe or initial's full stop. */
const JOINER_CHAR = /^[\s\p{Pd}'’‘ʼ`´.]$/u;
const APOSTROPHE = /^['’‘ʼ`´]$/u;
const MAX_JOIN = 3;

const foldCache = new Map<string, FoldedCodePoint | typeof ATTACHED>();

function classify(ch: string): CharClass {
  if (WORD_CHAR.test(ch)) return WORD;
  return JOINER_CHAR.test(ch) ? JOINER : OTHER;
}

/**
 * The comparison form of one non-ASCII code point: compatibility decomposition (full-width letters,
 * ligatures), diacritics dropped, case folded ("ß" → "ss", "İ" → "i"). Combining marks and invisible
 * characters (zero-width spaces and joiners, soft hyphens, byte-order marks) attach to the character
 * before them. Cached: texts repeat the same few letters.
 */
function foldCodePoint(ch: string): FoldedCodePoint | typeof ATTACHED {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  if (IGNORABLE.test(ch) || MARK_ONLY.test(ch)) {
    out = ATTACHED;
  } else {
    let folded = ch.normalize('NFKD').replace(MARK, '').toLowerCase();
    folded = folded.toUpperCase().toLowerCase().normalize('NFKD').replace(MARK, '');
    const chars = [...folded];
    out = { chars, classes: chars.map(classify) };
  }
  foldCache.set(ch, out);
  return out;
}

function asciiClass(code: number): CharClass {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return WORD;
  // space, tab, line breaks, apostrophe, hyphen, full stop, backtick
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x27 || code === 0x2d) {
    return JOINER;
  }
  return code === 0x2e || code === 0x60 ? JOINER : OTHER;
}

/**
 * Splits text into words of its comparison form in one pass, so each character is looked at once.
 * With `skipMentions`, a mention token counts as punctuation: the child id inside it is never a word.
 */
function tokenise(text: string, skipMentions: boolean): Tokens {
  const t: Tokens = { words: [], start: [], end: [], joins: [], apostrophe: [] };
  const mentions = skipMentions ? mentionRanges(text) : [];
  let nextMention = 0;
  let word = '';
  let wordStart = -1;
  let wordEnd = -1;
  let gapLength = 0;
  let gapJoins = true;
  let gapApostrophe = false;

  const endWord = (): void => {
    if (wordStart < 0) return;
    const k = t.words.length;
    t.words.push(word);
    t.start.push(wordStart);
    t.end.push(wordEnd);
    t.joins.push(k > 0 && gapLength > 0 && gapLength <= MAX_JOIN && gapJoins);
    t.apostrophe.push(k > 0 && gapLength === 1 && gapApostrophe);
    word = '';
    wordStart = -1;
    gapLength = 0;
    gapJoins = true;
    gapApostrophe = false;
  };
  const add = (ch: string, cls: CharClass, at: number, end: number): void => {
    if (cls === WORD) {
      if (wordStart < 0) wordStart = at;
      word += ch;
      wordEnd = end;
      return;
    }
    if (wordStart >= 0) endWord();
    gapLength++;
    if (cls !== JOINER) gapJoins = false;
    gapApostrophe = gapLength === 1 && cls === JOINER && APOSTROPHE.test(ch);
  };

  let i = 0;
  while (i < text.length) {
    const mention = mentions[nextMention];
    if (mention && mention[0] === i) {
      add(OPAQUE, OTHER, i, mention[1]);
      i = mention[1];
      nextMention++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      add(String.fromCharCode(lower), asciiClass(lower), i, i + 1);
      i++;
      continue;
    }
    const point = text.codePointAt(i)!;
    const end = i + (point > 0xffff ? 2 : 1);
    const folded = foldCodePoint(text.slice(i, end));
    if (folded === ATTACHED) {
      if (wordStart >= 0) wordEnd = end;
    } else {
      for (let k = 0; k < folded.chars.length; k++) add(folded.chars[k]!, folded.classes[k]!, i, end);
    }
    i = end;
  }
  endWord();
  return t;
}

/** Stands in for a mention token so that the child id inside it is never read as words of a name. */
const OPAQUE = '\uFFFC';

function mentionRanges(text: string): Array<[number, number]> {
  if (!text.includes('@[')) return [];
  const pattern = new RegExp(MENTION_PATTERN.source, 'g');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}
