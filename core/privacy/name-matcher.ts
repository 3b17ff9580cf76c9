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

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, where its source begins and ends in the original. */
  from: number[];
  to: number[];
}

interface Word {
  start: number;
  end: number;
  word: string;
}

export function createNameMatcher(
  children: readonly NamedChild[],
  options: NameMatcherOptions = {},
): NameMatcher {
  const kept = new Set((options.keep ?? []).flatMap((name) => words(fold(name).text).map((w) => w.word)));
  const root: TrieNode = { next: new Map() };
  let longest = 0;

  // Full names first so that, where a full name and a lone part coincide, the id of the full name wins.
  for (const child of children) {
    const sequence = nameWords(child.name);
    if (sequence.length === 0) continue;
    longest = Math.max(longest, sequence.length);
    insert(root, sequence, child.id);
    insert(root, joinApostrophes(sequence), child.id);
  }
  for (const child of children) {
    const sequence = nameWords(child.name);
    for (const part of new Set([...sequence.map((w) => w.word), ...joinApostrophes(sequence)])) {
      if ([...part].length < 2 || kept.has(part)) continue;
      insert(root, [part], child.id);
    }
  }

  function find(text: string): NameMatch[] {
    if (longest === 0 || text.length === 0) return [];
    const folded = fold(text, true);
    const list = words(folded.text);
    const matches: NameMatch[] = [];
    let i = 0;
    while (i < list.length) {
      let node: TrieNode | undefined = root;
      let best = -1;
      let bestId = '';
      for (let j = i; j < list.length && j - i < longest; j++) {
        node = node.next.get(list[j]!.word);
        if (!node) break;
        if (node.id !== undefined) {
          best = j;
          bestId = node.id;
        }
        const next = list[j + 1];
        if (!next || !joinsName(folded.text.slice(list[j]!.end, next.start))) break;
      }
      if (best < 0) {
        i++;
        continue;
      }
      matches.push({
        start: folded.from[list[i]!.start]!,
        end: folded.to[list[best]!.end - 1]!,
        id: bestId,
      });
      i = best + 1;
    }
    return matches;
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

function insert(root: TrieNode, sequence: readonly (string | NameWord)[], id: string): void {
  let node = root;
  for (const item of sequence) {
    const word = typeof item === 'string' ? item : item.word;
    let next = node.next.get(word);
    if (!next) {
      next = { next: new Map() };
      node.next.set(word, next);
    }
    node = next;
  }
  node.id ??= id;
}

/** What may stand between two words of one name: a space, hyphen, apostrophe or initial's full stop. */
function joinsName(gap: string): boolean {
  return gap.length > 0 && gap.length <= 3 && /^[\s\p{Pd}'’‘ʼ.]+$/u.test(gap);
}

interface NameWord {
  word: string;
  /** Whether an apostrophe joins it to the word before, as in "O'Neill". */
  apostrophe: boolean;
}

function nameWords(name: string): NameWord[] {
  const folded = fold(name).text;
  return words(folded).map((w, k, all) => ({
    word: w.word,
    apostrophe: k > 0 && /^['’‘ʼ`´]$/u.test(folded.slice(all[k - 1]!.end, w.start)),
  }));
}

/** "O'Neill" is often typed "ONeill": the same name with the apostrophe's two sides as one word. */
function joinApostrophes(sequence: readonly NameWord[]): string[] {
  const out: string[] = [];
  for (const w of sequence) {
    if (w.apostrophe && out.length > 0) out[out.length - 1] += w.word;
    else out.push(w.word);
  }
  return out;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return out;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARK = /\p{M}/gu;
const MARK_ONLY = /^\p{M}$/u;
/** Stands in for a mention token so that the child id inside it is never read as words of a name. */
const OPAQUE = '\uFFFC';

const foldCache = new Map<string, string>();

/**
 * The comparison form of one code point: compatibility decomposition (full-width letters, ligatures),
 * diacritics dropped, case folded ("ß" → "ss", "İ" → "i"). Cached: texts repeat the same few letters.
 */
function foldCodePoint(ch: string): string {
  let out = foldCache.get(ch);
  if (out !== undefined) return out;
  out = ch.normalize('NFKD').replace(MARK, '');
  out = out.toLowerCase();
  const round = out.toUpperCase().toLowerCase();
  if (round !== out) out = round;
  out = out.normalize('NFKD').replace(MARK, '');
  foldCache.set(ch, out);
  return out;
}

function fold(text: string, skipMentions = false): Folded {
  const from: number[] = [];
  const to: number[] = [];
  let out = '';
  const mentions = skipMentions ? mentionRanges(text) : [];
  let nextMention = 0;
  let i = 0;
  while (i < text.length) {
    const mention = mentions[nextMention];
    if (mention && mention[0] === i) {
      out += OPAQUE;
      from.push(i);
      to.push(mention[1]);
      i = mention[1];
      nextMention++;
      continue;
    }
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const end = i + width;
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[i]!;
      from.push(i);
      to.push(end);
      i = end;
      continue;
    }
    const ch = text.slice(i, end);
    if (IGNORABLE.test(ch) || MARK_ONLY.test(ch)) {
      // Belongs to the character before it: "Zoe\u0308" ends after the diaeresis, and a soft hyphen
      // right after a name goes with the name rather than being left dangling in its replacement.
      if (to.length > 0) to[to.length - 1] = end;
      i = end;
      continue;
    }
    const folded = foldCodePoint(ch);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(end);
    }
    out += folded;
    i = end;
  }
  return { text: out, from, to };
}

function mentionRanges(text: string): Array<[number, number]> {
  if (!text.includes('@[')) return [];
  const pattern = new RegExp(MENTION_PATTERN.source, 'g');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}
