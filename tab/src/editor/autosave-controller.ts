import type { Assessment, AssessmentStatus } from '../../../core/assessment/schema';
import { ApiError, type Versioned } from '../api/api-client';
import { Autosave, type AutosaveModel, type AutosaveOptions } from './autosave-core';
import { toDraft, type Draft, type DraftRisk } from './draft';
import { mergeDrafts } from './merge';
import { buildPayload, changedBetween, sentVersion } from './payload';

export {
  Autosave,
  type AutosaveModel,
  type AutosaveOptions,
  type Conflict,
  type EditorState,
  type RecordApi,
  type SaveStatus,
} from './autosave-core';

export interface AutosaveApi {
  getAssessment(id: string): Promise<Versioned<Assessment>>;
  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>>;
  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>>;
}

export interface StatusChange {
  status: AssessmentStatus;
  closingReason?: string;
  /** Overrides the reason typed for this editing session. */
  changeReason?: string;
}

/** How autosave saves a plan: new contexts and an unfinished decision wait until they are complete. */
export const planModel: AutosaveModel<Assessment, Draft, DraftRisk> = {
  toDraft,
  idOf: (draft) => draft.id,
  payload: buildPayload,
  sentVersion,
  merge: mergeDrafts,
  changedBetween,
  // Once a plan has been active, every change says why.
  needsReason: (saved) => saved.status !== 'draft',
};

/** Autosave for one assessment, with its status changes and reviews written in turn with the saves. */
export class AutosaveController extends Autosave<Assessment, Draft, DraftRisk> {
  constructor(
    private readonly api: AutosaveApi,
    loaded: Versioned<Assessment>,
    options: AutosaveOptions = {},
  ) {
    super(
      planModel,
      {
        get: (id) => api.getAssessment(id),
        replace: (id, body, etag) => api.replaceAssessment(id, body, etag),
      },
      loaded,
      options,
    );
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
    // Removals still waiting for their Undo are not saved with the status change either.
    const p = buildPayload(this.withHeld(draft), this.state.saved, {
      changeReason: change.changeReason ?? this.state.changeReason,
    });
    if (p.problems.length > 0) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are missing or not valid.', p.problems);
    }
    this.set({ draft });
    try {
      await this.exclusive(
        (etag) => this.api.replaceAssessment(draft.id, p.body, etag),
        sentVersion(this.withHeld(draft), this.state.saved, p),
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
      sentVersion(this.withHeld(draft), saved, { incomplete, decisionHeldBack }),
    );
  }
}
