import type { PersonResponse } from '../api/actions.js';

export type Person = PersonResponse;

/**
 * The staff an action can be given to: the safeguarding team's members, then the school's directory
 * (Microsoft 365), or a small local list (local mode). Built per caller: in Microsoft 365 it asks on
 * the caller's behalf, so it never shows more than they may see.
 */
export interface PeopleDirectory {
  /** People whose name starts with `q` (any word of it); without `q`, the team alone. At most `top`. */
  find(q: string | undefined, top: number): Promise<Person[]>;
}

/** Lower case, accents removed: how names are compared when searching the people directory. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether any word of `name` (or the whole name) starts with `q`, ignoring case and accents. */
export function nameMatches(name: string, q: string): boolean {
  const folded = foldName(name);
  const wanted = foldName(q.trim());
  if (wanted === '') return true;
  return folded.startsWith(wanted) || folded.split(/[\s\-'’(),.]+/).some((word) => word.startsWith(wanted));
}

/**
 * Team members first (those matching `q`), then the directory's, each person once (the first time
 * they are met), at most `top`.
 */
export function mergePeople(
  team: readonly Person[],
  directory: readonly Person[],
  q: string | undefined,
  top: number,
): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const person of [
    ...team.filter((p) => q === undefined || nameMatches(p.displayName, q)),
    ...directory,
  ]) {
    if (out.length >= top) break;
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    out.push(person);
  }
  return out;
}
