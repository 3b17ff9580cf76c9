import { ApiError, type Versioned } from '../api/api-client';
import type { Draft, DraftRisk } from './draft';
import type { Problem } from './payload';
import { HeldRemovals } from './held-removals';

export interface Conflict<D = Draft> {
  theirs: D;
  theirEtag: string;
  /** Fields someone else changed since this page last saved or loaded. */
  theirChanges: string[];
  /** Fields changed here and not yet saved. */
  myChanges: string[];
  /** Fields or items both changed. */
  overlaps: string[];
}

export type SaveStatus<D = Draft> =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The draft cannot be sent as it is: a field the server would refuse. */
  | { kind: 'invalid'; problems: Problem[] }
  /** The assessment has been active: every change needs a reason (README "The API"). */
  | { kind: 'needs-reason' }
  /** The server refused the change for a reason other than a field (e.g. a lifecycle rule). */
  | { kind: 'rejected'; error: ApiError }
  /** The server could not be reached or failed; retried automatically. */
  | { kind: 'failed'; error: ApiError; retryInMs: number | null }
  /** Someone else saved first (412): the user chooses. */
  | { kind: 'conflict'; conflict: Conflict<D> };

export interface EditorState<D = Draft, I = DraftRisk> {
  /** The version the server holds, as far as this page knows. */
  saved: D;
  etag: string;
  draft: D;
  status: SaveStatus<D>;
  changeReason: string;
  /** New items held back until they are complete enough to save (a plan's new contexts). */
  incomplete: I[];
  /** The decision being written is held back until it has an option and the reasons. */
  decisionHeldBack: boolean;
  lastSavedAt: Date | null;
}

export interface AutosaveOptions {
  debounceMs?: number;
  now?: () => Date;
  /** Waits between automatic retries after a failure, in order; the last repeats. */
  retryDelaysMs?: readonly number[];
}

/** What autosave would send for a draft, and what keeps it from being sent. */
export interface ModelPayload<I> {
  body: Record<string, unknown>;
  /** Dotted names of the fields that differ from the saved version. */
  changed: string[];
  problems: Problem[];
  incomplete: I[];
  decisionHeldBack: boolean;
}

/**
 * What autosave needs to know about one kind of record (a plan, a case): how the form holds it, what
 * a save sends, and how two versions merge. The saving, retrying and conflict rules are the same.
 */
export interface AutosaveModel<R, D, I> {
  toDraft(record: R): D;
  idOf(draft: D): string;
  payload(draft: D, saved: D, options: { changeReason?: string }): ModelPayload<I>;
  /** The draft as a save sends it (without what is held back), to merge the answer against. */
  sentVersion(draft: D, saved: D, held: Pick<ModelPayload<I>, 'incomplete' | 'decisionHeldBack'>): D;
  merge(base: D, mine: D, theirs: D): { merged: D; overlaps: string[] };
  changedBetween(a: D, b: D): string[];
  /** Whether a save of changes to `saved` needs a reason first (a plan that has been active). */
  needsReason(saved: D): boolean;
}

/** Reading and replacing one record with If-Match. */
export interface RecordApi<R> {
  get(id: string): Promise<Versioned<R>>;
  replace(id: string, body: unknown, etag: string): Promise<Versioned<R>>;
}

const DEFAULT_DEBOUNCE_MS = 1000;
const DEFAULT_RETRY_DELAYS = [2000, 5000, 15000, 30000];

/**
 * Autosave for one record: debounced PUTs with If-Match, a save status that is always known, and no
 * silent overwrite — a 412 stops saving until the user picks their version or the other. Unsaved
 * changes live only in this object's memory (no child data in browser storage). Framework-free so
 * that its behaviour is tested with fake timers; React reads it through useSyncExternalStore
 * (use-autosave.ts).
 */
export class Autosave<R, D, I = never> {
  protected state: EditorState<D, I>;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private disposed = false;
  private readonly held = new HeldRemovals<D>();
  private readonly debounceMs: number;
  private readonly now: () => Date;
  private readonly retryDelays: readonly number[];

  constructor(
    protected readonly model: AutosaveModel<R, D, I>,
    private readonly records: RecordApi<R>,
    loaded: Versioned<R>,
    options: AutosaveOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.now = options.now ?? (() => new Date());
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    const draft = model.toDraft(loaded.record);
    this.state = {
      saved: draft,
      etag: loaded.etag,
      draft,
      status: { kind: 'saved', at: null },
      changeReason: '',
      incomplete: [],
      decisionHeldBack: false,
      lastSavedAt: null,
    };
  }

  getState = (): EditorState<D, I> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(patch: Partial<EditorState<D, I>>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private payload(draft = this.state.draft, changeReason = this.state.changeReason) {
    return this.model.payload(this.withHeld(draft), this.state.saved, { changeReason });
  }

  /** The draft as a save sees it: with every removal still waiting for its Undo to lapse put back. */
  protected withHeld(draft: D): D {
    return this.held.withHeld(draft);
  }

  /**
   * Removes an entry from view at once but holds the removal back from every save until
   * `commitRemoval` (its Undo lapsed) or `undoRemoval` (it comes back). Other edits save meanwhile,
   * with the entry still in the record.
   */
  holdRemoval(id: string, remove: (draft: D) => D, restore: (draft: D) => D): void {
    this.held.hold(id, remove, restore);
    this.edit(remove);
  }

  /** Puts a held entry back where it was (see `HeldRemovals.undo`); false when it is no longer held. */
  undoRemoval(id: string): boolean {
    const putBack = this.held.undo(id);
    if (!putBack) return false;
    this.edit(putBack);
    return true;
  }

  /** Lets a held removal go: the next save sends the record without the entry. */
  commitRemoval(id: string): void {
    if (this.held.commit(id)) this.edit((draft) => draft);
  }

  /** Lets every held removal go (the page is being left); true when there was one. */
  commitRemovals(): boolean {
    if (!this.held.commitAll()) return false;
    this.edit((draft) => draft);
    return true;
  }

  /** The ids of the removals still held back. */
  heldRemovals(): readonly string[] {
    return this.held.ids();
  }

  hasUnsavedChanges(): boolean {
    const p = this.payload();
    return this.inflight !== null || p.changed.length > 0 || p.incomplete.length > 0 || p.decisionHeldBack;
  }

  edit(update: (draft: D) => D): void {
    const draft = update(this.state.draft);
    const { incomplete, decisionHeldBack } = this.payload(draft);
    this.set({ draft, incomplete, decisionHeldBack });
    if (this.state.status.kind === 'conflict') return;
    this.schedule();
  }

  setChangeReason(changeReason: string): void {
    this.set({ changeReason });
    if (this.state.status.kind === 'needs-reason' || this.state.status.kind === 'pending') this.schedule();
  }

  /** Saves now rather than after the pause; resolves when nothing is in flight. */
  async flush(): Promise<SaveStatus<D>> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.run();
    while (this.inflight) await this.inflight;
    return this.state.status;
  }

  retry(): void {
    clearTimeout(this.retryTimer);
    this.failures = 0;
    void this.run();
  }

  /**
   * Leaving the page: removals still waiting for their Undo are committed and saved first, so that
   * what the person saw removed stays removed; then the autosave stops.
   */
  async close(): Promise<void> {
    if (this.commitRemovals()) await this.flush().catch(() => undefined);
    this.dispose();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const p = this.payload();
    if (p.changed.length === 0) {
      if (!this.inflight && this.state.status.kind !== 'failed') {
        this.set({ status: { kind: 'saved', at: this.state.lastSavedAt } });
      }
      return;
    }
    if (!this.inflight) this.set({ status: { kind: 'pending' } });
    this.timer = setTimeout(() => void this.run(), this.debounceMs);
  }

  private run(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    if (this.state.status.kind === 'conflict') return Promise.resolve();
    clearTimeout(this.retryTimer);
    const p = this.payload();
    if (p.changed.length === 0) {
      this.set({ status: { kind: 'saved', at: this.state.lastSavedAt } });
      return Promise.resolve();
    }
    if (p.problems.length > 0) {
      this.set({ status: { kind: 'invalid', problems: p.problems } });
      return Promise.resolve();
    }
    if (this.model.needsReason(this.state.saved) && !this.state.changeReason.trim()) {
      this.set({ status: { kind: 'needs-reason' } });
      return Promise.resolve();
    }
    const sentDraft = this.model.sentVersion(this.withHeld(this.state.draft), this.state.saved, p);
    this.set({ status: { kind: 'saving' } });
    this.inflight = this.records
      .replace(this.model.idOf(this.state.draft), p.body, this.state.etag)
      .then(
        (result) => this.saved(result, sentDraft),
        (error: unknown) => this.failed(error),
      )
      .finally(() => {
        this.inflight = null;
        if (this.again) {
          this.again = false;
          void this.run();
        }
      });
    return this.inflight;
  }

  private saved(result: Versioned<R>, sentDraft: D): void {
    const server = this.model.toDraft(result.record);
    // Edits made while the request was in flight are kept on top of what the server now holds.
    const draft = this.model.merge(sentDraft, this.state.draft, server).merged;
    const at = this.now();
    this.failures = 0;
    this.set({ saved: server, etag: result.etag, draft, lastSavedAt: at, status: { kind: 'saved', at } });
    const next = this.payload();
    this.set({ incomplete: next.incomplete, decisionHeldBack: next.decisionHeldBack });
    if (next.changed.length > 0) this.schedule();
  }

  private async failed(error: unknown): Promise<void> {
    const e =
      error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', 'The change could not be saved.');
    if (e.status === 412) {
      await this.loadConflict();
      return;
    }
    if (e.code === 'CHANGE_REASON_REQUIRED') {
      this.set({ status: { kind: 'needs-reason' } });
      return;
    }
    if (e.status === 400 && e.details.length > 0) {
      this.set({ status: { kind: 'invalid', problems: [...e.details] } });
      return;
    }
    if (e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 408 && e.status !== 429) {
      this.set({ status: { kind: 'rejected', error: e } });
      return;
    }
    const delay =
      e.retryAfterMs ?? this.retryDelays[Math.min(this.failures, this.retryDelays.length - 1)] ?? 30000;
    this.failures += 1;
    this.set({ status: { kind: 'failed', error: e, retryInMs: delay } });
    this.retryTimer = setTimeout(() => void this.run(), delay);
  }

  private async loadConflict(): Promise<void> {
    let current: Versioned<R>;
    try {
      current = await this.records.get(this.model.idOf(this.state.draft));
    } catch (error) {
      const e =
        error instanceof ApiError
          ? error
          : new ApiError(0, 'UNKNOWN', 'The other version could not be loaded.');
      this.set({ status: { kind: 'failed', error: e, retryInMs: null } });
      return;
    }
    const theirs = this.model.toDraft(current.record);
    const { saved, draft } = this.state;
    const mine = this.payload();
    const conflict: Conflict<D> = {
      theirs,
      theirEtag: current.etag,
      theirChanges: this.model.changedBetween(saved, theirs),
      myChanges: mine.changed,
      overlaps: this.model.merge(saved, this.withHeld(draft), theirs).overlaps,
    };
    this.set({ status: { kind: 'conflict', conflict } });
  }

  /**
   * `mine`: keep this page's changes, applied on top of the other version (their changes elsewhere
   * are kept), then save. `theirs`: drop this page's unsaved changes and show the other version.
   */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    const { status, saved, draft } = this.state;
    if (status.kind !== 'conflict') return;
    const { theirs, theirEtag } = status.conflict;
    if (choice === 'theirs') {
      // Their version replaces this page's, removals waiting for Undo included.
      this.held.commitAll();
      this.set({
        saved: theirs,
        etag: theirEtag,
        draft: theirs,
        incomplete: [],
        decisionHeldBack: false,
        status: { kind: 'saved', at: this.state.lastSavedAt },
      });
      return;
    }
    const merged = this.model.merge(saved, draft, theirs).merged;
    this.set({ saved: theirs, etag: theirEtag, draft: merged, status: { kind: 'pending' } });
    void this.run();
  }

  /** Runs one write while no autosave is in flight; autosaves asked for meanwhile run after it. */
  protected async exclusive(write: (etag: string) => Promise<Versioned<R>>, sentDraft: D): Promise<void> {
    while (this.inflight) await this.inflight;
    clearTimeout(this.timer);
    this.set({ status: { kind: 'saving' } });
    let failure: unknown = null;
    this.inflight = write(this.state.etag)
      .then(
        (result) => this.saved(result, sentDraft),
        (error: unknown) => {
          failure = error;
        },
      )
      .finally(() => {
        this.inflight = null;
      });
    await this.inflight;
    if (failure !== null) {
      if (failure instanceof ApiError && failure.status === 412) await this.loadConflict();
      else this.set({ status: { kind: 'saved', at: this.state.lastSavedAt } });
      if (this.again) {
        this.again = false;
        void this.run();
      }
      throw failure;
    }
    if (this.again) {
      this.again = false;
      void this.run();
    }
  }

  protected async readyForWrite(): Promise<void> {
    const before = await this.flush();
    if (before.kind !== 'saved') {
      throw new ApiError(0, 'UNSAVED_CHANGES', 'Some changes are not saved yet: save or fix them first.');
    }
  }
}
