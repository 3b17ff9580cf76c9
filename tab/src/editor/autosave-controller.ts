import type { Assessment, AssessmentStatus } from '../../../core/assessment/schema';
import { ApiError, type Versioned } from '../api/api-client';
import { toDraft, type Draft, type DraftRisk } from './draft';
import { mergeDrafts } from './merge';
import { buildPayload, changedBetween, sentVersion, type Problem } from './payload';

export interface Conflict {
  theirs: Draft;
  theirEtag: string;
  /** Fields someone else changed since this page last saved or loaded. */
  theirChanges: string[];
  /** Fields changed here and not yet saved. */
  myChanges: string[];
  /** Fields or items both changed. */
  overlaps: string[];
}

export type SaveStatus =
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
  | { kind: 'conflict'; conflict: Conflict };

export interface EditorState {
  /** The version the server holds, as far as this page knows. */
  saved: Draft;
  etag: string;
  draft: Draft;
  status: SaveStatus;
  changeReason: string;
  /** New contexts held back until they are complete enough to save. */
  incomplete: DraftRisk[];
  /** The decision being written is held back until it has an option and the reasons. */
  decisionHeldBack: boolean;
  lastSavedAt: Date | null;
}

export interface AutosaveApi {
  getAssessment(id: string): Promise<Versioned<Assessment>>;
  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>>;
  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>>;
}

export interface AutosaveOptions {
  debounceMs?: number;
  now?: () => Date;
  /** Waits between automatic retries after a failure, in order; the last repeats. */
  retryDelaysMs?: readonly number[];
}

export interface StatusChange {
  status: AssessmentStatus;
  closingReason?: string;
  /** Overrides the reason typed for this editing session. */
  changeReason?: string;
}

const DEFAULT_DEBOUNCE_MS = 1000;
const DEFAULT_RETRY_DELAYS = [2000, 5000, 15000, 30000];

/**
 * Autosave for one assessment: debounced PUTs with If-Match, a save status that is always known,
 * and no silent overwrite — a 412 stops saving until the user picks their version or the other.
 * Unsaved changes live only in this object's memory (DESIGN §6: no child data in browser storage).
 * Framework-free so that its behaviour is tested with fake timers; React reads it through
 * useSyncExternalStore (use-autosave.ts).
 */
export class AutosaveController {
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly now: () => Date;
  private readonly retryDelays: readonly number[];

  constructor(
    private readonly api: AutosaveApi,
    loaded: Versioned<Assessment>,
    options: AutosaveOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.now = options.now ?? (() => new Date());
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
    const draft = toDraft(loaded.record);
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

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private payload(draft = this.state.draft, changeReason = this.state.changeReason) {
    return buildPayload(draft, this.state.saved, { changeReason });
  }

  hasUnsavedChanges(): boolean {
    const p = this.payload();
    return this.inflight !== null || p.changed.length > 0 || p.incomplete.length > 0 || p.decisionHeldBack;
  }

  edit(update: (draft: Draft) => Draft): void {
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
  async flush(): Promise<SaveStatus> {
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
    if (this.state.saved.status !== 'draft' && !this.state.changeReason.trim()) {
      this.set({ status: { kind: 'needs-reason' } });
      return Promise.resolve();
    }
    const sentDraft = sentVersion(this.state.draft, this.state.saved, p);
    this.set({ status: { kind: 'saving' } });
    this.inflight = this.api
      .replaceAssessment(this.state.draft.id, p.body, this.state.etag)
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

  private saved(result: Versioned<Assessment>, sentDraft: Draft): void {
    const server = toDraft(result.record);
    // Edits made while the request was in flight are kept on top of what the server now holds.
    const draft = mergeDrafts(sentDraft, this.state.draft, server).merged;
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
    let current: Versioned<Assessment>;
    try {
      current = await this.api.getAssessment(this.state.draft.id);
    } catch (error) {
      const e =
        error instanceof ApiError
          ? error
          : new ApiError(0, 'UNKNOWN', 'The other version could not be loaded.');
      this.set({ status: { kind: 'failed', error: e, retryInMs: null } });
      return;
    }
    const theirs = toDraft(current.record);
    const { saved, draft } = this.state;
    const mine = this.payload();
    const conflict: Conflict = {
      theirs,
      theirEtag: current.etag,
      theirChanges: changedBetween(saved, theirs),
      myChanges: mine.changed,
      overlaps: mergeDrafts(saved, draft, theirs).overlaps,
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
    const merged = mergeDrafts(saved, draft, theirs).merged;
    this.set({ saved: theirs, etag: theirEtag, draft: merged, status: { kind: 'pending' } });
    void this.run();
  }

  /** Runs one write while no autosave is in flight; autosaves asked for meanwhile run after it. */
  private async exclusive(
    write: (etag: string) => Promise<Versioned<Assessment>>,
    sentDraft: Draft,
  ): Promise<void> {
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

  private async readyForWrite(): Promise<void> {
    const before = await this.flush();
    if (before.kind !== 'saved') {
      throw new ApiError(0, 'UNSAVED_CHANGES', 'Some changes are not saved yet: save or fix them first.');
    }
  }

  /**
   * Activates, closes or reopens the assessment: first saves what is pending, then sends the change.
   * On failure the status on screen goes back to what the server holds.
   * @throws ApiError with the server's reasons (shown in the dialog that asked for it)
   */
  async changeStatus(change: StatusChange): Promise<void> {
    await this.readyForWrite();
    const previous = this.state.draft;
    const draft: Draft = { ...previous, status: change.status };
    if (change.closingReason !== undefined) draft.closingReason = change.closingReason;
    const p = buildPayload(draft, this.state.saved, {
      changeReason: change.changeReason ?? this.state.changeReason,
    });
    if (p.problems.length > 0) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are missing or not valid.', p.problems);
    }
    this.set({ draft });
    try {
      await this.exclusive(
        (etag) => this.api.replaceAssessment(draft.id, p.body, etag),
        sentVersion(draft, this.state.saved, p),
      );
    } catch (error) {
      const restored: Draft = { ...this.state.draft, status: previous.status };
      if (previous.closingReason === undefined) delete restored.closingReason;
      else restored.closingReason = previous.closingReason;
      this.set({ draft: restored });
      throw error;
    }
  }

  /** Appends a review (POST …/reviews with If-Match) once everything else is saved. */
  async addReview(input: unknown): Promise<void> {
    await this.readyForWrite();
    const { draft, saved, incomplete, decisionHeldBack } = this.state;
    await this.exclusive(
      (etag) => this.api.addReview(draft.id, input, etag),
      sentVersion(draft, saved, { incomplete, decisionHeldBack }),
    );
  }
}
