/**
 * Removing without asking, with Undo: the parts that need no React. A removal is described by how it
 * takes an entry out of a draft and how it puts it back; autosave holds the removal back from every
 * save (autosave-core.ts, `holdRemoval`) until its Undo lapses.
 */

/** How long Undo is offered, in milliseconds, while the toast has neither focus nor the pointer. */
export const UNDO_MS = 12_000;

/** What removing one entry does to a draft, and how Undo reverses it. */
export interface RemovalSpec<D> {
  /** What the toast says, e.g. "Strategy 2 removed". Never a child's name. */
  message: string;
  /** The `data-entry` of the entry's element on the page: Undo puts focus back in it. */
  entry: string;
  remove: (draft: D) => D;
  restore: (draft: D) => D;
}

/** Where a list lives in a draft. */
export interface ListLens<D, T> {
  get: (draft: D) => readonly T[];
  set: (draft: D, items: T[]) => D;
}

/** A list held directly under `key` of the draft (`incidents`, `sharing`, …). */
export function listAt<D, K extends keyof D>(
  key: K,
): ListLens<D, D[K] extends readonly (infer T)[] ? T : never> {
  type T = D[K] extends readonly (infer U)[] ? U : never;
  return {
    get: (draft) => (draft[key] ?? []) as unknown as readonly T[],
    set: (draft, items) => ({ ...draft, [key]: items }),
  };
}

const idOf = (item: unknown): string | undefined => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Removing the entry at `index` of a list. Undo puts it back after the entry that preceded it (by
 * key, so other removals and additions meanwhile do not move it), or at its old position; an entry
 * whose key is already in the list is not added twice. Made again (autosave-core.ts does so when a
 * removal made before this one is undone), it takes out the same entry wherever it now is, and
 * notes its neighbours there.
 */
export function listRemoval<D, T>(
  list: ListLens<D, T>,
  index: number,
  keyOf: (item: T) => string | undefined = idOf,
): Pick<RemovalSpec<D>, 'remove' | 'restore'> {
  let removed: { item: T; at: number; before: string | undefined; after: string | undefined } | undefined;
  const find = (items: readonly T[], item: T): number => {
    const key = keyOf(item);
    return key === undefined ? items.indexOf(item) : items.findIndex((x) => keyOf(x) === key);
  };
  return {
    remove(draft) {
      const items = list.get(draft);
      const at = removed ? find(items, removed.item) : index;
      const item = items[at];
      if (item === undefined) return draft;
      const before = items[at - 1];
      const after = items[at + 1];
      removed = {
        item,
        at,
        before: before === undefined ? undefined : keyOf(before),
        after: after === undefined ? undefined : keyOf(after),
      };
      return list.set(
        draft,
        items.filter((_, i) => i !== at),
      );
    },
    restore(draft) {
      if (!removed) return draft;
      const { item, before, after } = removed;
      const items = [...list.get(draft)];
      const key = keyOf(item);
      if (key !== undefined && items.some((x) => keyOf(x) === key)) return draft;
      let at = Math.min(removed.at, items.length);
      const b = before === undefined ? -1 : items.findIndex((x) => keyOf(x) === before);
      const a = after === undefined ? -1 : items.findIndex((x) => keyOf(x) === after);
      if (b >= 0) at = b + 1;
      else if (a >= 0) at = a;
      items.splice(at, 0, item);
      return list.set(draft, items);
    },
  };
}

/** A timeout that can be paused (the toast has focus or the pointer) and resumed with what was left. */
export class LapseTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private remaining: number;
  private startedAt = 0;
  private done = false;

  constructor(
    ms: number,
    private readonly onLapse: () => void,
  ) {
    this.remaining = ms;
    this.resume();
  }

  pause(): void {
    if (this.timer === undefined || this.done) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining -= Date.now() - this.startedAt;
  }

  resume(): void {
    if (this.timer !== undefined || this.done) return;
    this.startedAt = Date.now();
    this.timer = setTimeout(
      () => {
        this.done = true;
        this.timer = undefined;
        this.onLapse();
      },
      Math.max(0, this.remaining),
    );
  }

  cancel(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

const focusable =
  'input:not([type="hidden"]), select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

function canFocus(el: Element): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    !el.hasAttribute('disabled') &&
    !el.hasAttribute('data-tabster-dummy') &&
    !el.closest('[hidden], [aria-hidden="true"], fieldset[disabled]')
  );
}

/** The first control in `root` that takes focus. */
export function firstFocusable(root: ParentNode): HTMLElement | null {
  return [...root.querySelectorAll(focusable)].find(canFocus) ?? null;
}

export function entryElement(entry: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-entry="${CSS.escape(entry)}"]`);
}

/**
 * Where a removed entry was, as the controls either side of it: focus goes there, never to the top
 * of the page or to nothing, when the toast closes while it has focus.
 */
export interface Place {
  next: HTMLElement | null;
  previous: HTMLElement | null;
}

export function placeOf(entry: string): Place {
  const el = entryElement(entry);
  if (!el) return { next: null, previous: null };
  const all = [...document.querySelectorAll(focusable)].filter(
    (x): x is HTMLElement => canFocus(x) && !el.contains(x),
  );
  const following = (x: Node) => !!(el.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {
    next: all.find(following) ?? null,
    previous: [...all].reverse().find((x) => !following(x)) ?? null,
  };
}

/** Focuses the place of a removed entry; false when neither side is on the page any more. */
export function focusPlace(place: Place, backwards = false): boolean {
  const order = backwards ? [place.previous, place.next] : [place.next, place.previous];
  for (const el of order) {
    if (el?.isConnected) {
      el.focus();
      if (document.activeElement === el) return true;
    }
  }
  return false;
}

/** Focuses the first control of an entry back on the page (after Undo); false when it is not there. */
export function focusEntry(entry: string): boolean {
  const el = entryElement(entry);
  const target = el ? (firstFocusable(el) ?? el) : null;
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}
