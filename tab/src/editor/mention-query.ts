/** A child staff may mention in free text: one of the case's children other than the record's own. */
export interface MentionCandidate {
  id: string;
  name: string;
  /** The case's pseudonym ("Child B"), shown beside the name to tell two children apart. */
  label?: string | undefined;
}

/** How far back from the caret an `@` may be and still be what is being typed. */
const MAX_QUERY = 40;

/**
 * The `@` mention being typed at `caret`, if any: the `@` must start a word (so an email address
 * never opens the list) and what follows it may hold single spaces ("@Zoë Å") but no line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  const at = text.lastIndexOf('@', caret - 1);
  if (at < from || at < 0) return null;
  const before = at === 0 ? '' : text.charAt(at - 1);
  if (before && !/[\s([{"'“‘]/u.test(before)) return null;
  const query = text.slice(at + 1, caret);
  if (/[\n\r@]/.test(query) || /^\s/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/** Comparison form: no accents, no case, full-width letters as ordinary ones. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
}

/** The candidates whose name, or a word of it, or their label, starts with what was typed. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const q = fold(query.trim());
  if (!q) return [...candidates];
  return candidates.filter((c) => {
    const name = fold(c.name);
    if (name.startsWith(q)) return true;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return true;
    return c.label !== undefined && fold(c.label).startsWith(q);
  });
}

/**
 * Replaces the `@query` from `start` to `caret` with the child's name and a space. The name is what
 * staff see; the server stores it as the child's `@[child:<id>]` mention when it saves the text.
 */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const after = text.slice(caret);
  const spacer = /^[\s.,;:!?)]/.test(after) ? '' : ' ';
  const inserted = `${name}${spacer}`;
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}
