import type { Draft } from './draft';
import { trimDeep } from './payload';

/** Arrays whose items carry ids: merged item by item, so two people adding contexts both keep theirs. */
const itemArrays = new Set(['risks', 'incidents', 'otherChildren']);
/** Small objects merged field by field, so a change to the learner's year does not undo a new name. */
const nestedObjects = new Set(['learner', 'meeting', 'views', 'decision', 'review']);

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v,
    ) ?? 'undefined'
  );
}

export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Equal but for spaces around text: the server trims, and a trim is no change of mind. */
function sameTrimmed(a: unknown, b: unknown): boolean {
  return canonical(trimDeep(a)) === canonical(trimDeep(b));
}

export interface MergeResult {
  merged: Draft;
  /** Where both sides changed the same thing differently; `mine` won there. */
  overlaps: string[];
}

type Item = { id: string };

function mergeItems(key: string, base: Item[], mine: Item[], theirs: Item[], overlaps: string[]): Item[] {
  const baseById = new Map(base.map((i) => [i.id, i]));
  const mineById = new Map(mine.map((i) => [i.id, i]));
  const theirsById = new Map(theirs.map((i) => [i.id, i]));
  const out: Item[] = [];
  for (const t of theirs) {
    const b = baseById.get(t.id);
    const m = mineById.get(t.id);
    if (m) {
      if (sameTrimmed(m, t)) {
        out.push(m);
        continue;
      }
      const iChanged = !b || !same(b, m);
      if (iChanged && b && !same(b, t) && !same(m, t)) overlaps.push(`${key}:${t.id}`);
      out.push(iChanged ? m : t);
    } else if (b) {
      // I removed it; if they changed it meanwhile, my removal still wins but it is an overlap.
      if (!same(b, t)) overlaps.push(`${key}:${t.id}`);
    } else {
      out.push(t);
    }
  }
  for (const m of mine) {
    if (theirsById.has(m.id)) continue;
    const b = baseById.get(m.id);
    if (!b) out.push(m);
    else if (!same(b, m)) {
      // They removed what I changed: keep mine, and say so.
      overlaps.push(`${key}:${m.id}`);
      out.push(m);
    }
  }
  return out;
}

function mergeValue(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: string,
  overlaps: string[],
): unknown {
  if (sameTrimmed(mine, theirs)) return mine;
  if (same(base, mine)) return theirs;
  if (!same(base, theirs) && !same(mine, theirs)) overlaps.push(path);
  return mine;
}

/**
 * Three-way merge of the assessment: `base` is the version both edits started from. Whatever only one
 * side changed is kept; where both changed the same field or item, `mine` wins and the place is
 * reported, so the person choosing can see exactly what they are replacing.
 */
export function mergeDrafts(base: Draft, mine: Draft, theirs: Draft): MergeResult {
  const overlaps: string[] = [];
  const out: Record<string, unknown> = {};
  const b = base as unknown as Record<string, unknown>;
  const m = mine as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
    let value: unknown;
    if (itemArrays.has(key)) {
      value = mergeItems(
        key,
        (b[key] ?? []) as Item[],
        (m[key] ?? []) as Item[],
        (t[key] ?? []) as Item[],
        overlaps,
      );
    } else if (nestedObjects.has(key) && (m[key] !== undefined || t[key] !== undefined)) {
      const bo = (b[key] ?? {}) as Record<string, unknown>;
      const mo = (m[key] ?? {}) as Record<string, unknown>;
      const to = (t[key] ?? {}) as Record<string, unknown>;
      if (m[key] === undefined && b[key] !== undefined) {
        value = mergeValue(b[key], m[key], t[key], key, overlaps);
      } else {
        const obj: Record<string, unknown> = {};
        for (const sub of new Set([...Object.keys(bo), ...Object.keys(mo), ...Object.keys(to)])) {
          const v = mergeValue(bo[sub], mo[sub], to[sub], `${key}.${sub}`, overlaps);
          if (v !== undefined) obj[sub] = v;
        }
        value = obj;
      }
    } else {
      value = mergeValue(b[key], m[key], t[key], key, overlaps);
    }
    if (value !== undefined) out[key] = value;
  }
  return { merged: out as unknown as Draft, overlaps };
}
