/**
 * Removals shown at once but held back from every save while their Undo is on offer (a toast). Each
 * keeps how to take its entry out of a draft and how to put it back; a save sends the draft with every
 * held entry put back (`withHeld`). The autosave owns one and applies the edits it returns.
 */
interface HeldRemoval<D> {
  id: string;
  remove: (draft: D) => D;
  restore: (draft: D) => D;
}

export class HeldRemovals<D> {
  private held: HeldRemoval<D>[] = [];

  hold(id: string, remove: (draft: D) => D, restore: (draft: D) => D): void {
    this.held = [...this.held, { id, remove, restore }];
  }

  /** The draft as a save sees it: with every removal still waiting for its Undo to lapse put back. */
  withHeld(draft: D): D {
    // Latest first, so each entry goes back into the list as it was when it was removed.
    return this.held.reduceRight((d, removal) => removal.restore(d), draft);
  }

  /**
   * Stops holding `id` and returns the edit that puts its entry back where it was; undefined when it
   * is no longer held (already committed). The removals made after it are undone first and then made
   * again, so that each entry goes back among entries as they were when it was removed, whichever
   * Undo comes first.
   */
  undo(id: string): ((draft: D) => D) | undefined {
    const at = this.held.findIndex((r) => r.id === id);
    if (at < 0) return undefined;
    const later = this.held.slice(at + 1);
    const unwound = this.held.slice(at);
    this.held = [...this.held.slice(0, at), ...later];
    return (draft) =>
      later.reduce(
        (d, removal) => removal.remove(d),
        unwound.reduceRight((d, removal) => removal.restore(d), draft),
      );
  }

  /** Lets one removal go; false when it was not held. */
  commit(id: string): boolean {
    if (!this.held.some((r) => r.id === id)) return false;
    this.held = this.held.filter((r) => r.id !== id);
    return true;
  }

  /** Lets every removal go; false when none was held. */
  commitAll(): boolean {
    if (this.held.length === 0) return false;
    this.held = [];
    return true;
  }

  ids(): readonly string[] {
    return this.held.map((r) => r.id);
  }
}
