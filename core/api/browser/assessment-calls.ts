import type { Assessment, AssessmentStatus, AssessmentSummary, StageView } from '../../assessment/index.js';
import { apiHeaders } from '../headers.js';
import { apiPaths, apiRoutes, withQuery } from '../paths.js';
import type { ApiTransport, Versioned } from './api-transport.js';

export interface SummaryRow extends AssessmentSummary {
  overdue: boolean;
}

export interface ListQuery {
  status?: readonly AssessmentStatus[];
  dueWithinDays?: number;
}

export type StageAnswer = { unchanged: true } | { unchanged: false; view: StageView; etag: string | null };

/** The plan routes: /api/assessments, a plan's reviews and its stage view. */
export class AssessmentCalls {
  private readonly prefetched = new Map<string, Promise<Versioned<Assessment>>>();

  constructor(private readonly http: ApiTransport) {}

  async listAssessments(query: ListQuery = {}): Promise<SummaryRow[]> {
    const { items } = await this.http.json<{ items: SummaryRow[] }>(
      'GET',
      withQuery(apiRoutes.assessments, {
        status: query.status?.length ? query.status.join(',') : undefined,
        dueWithinDays: query.dueWithinDays,
      }),
    );
    return items;
  }

  getAssessment(id: string): Promise<Versioned<Assessment>> {
    const early = this.prefetched.get(id);
    if (early) {
      // Used once: any later read goes to the server for the current version.
      this.prefetched.delete(id);
      return early;
    }
    return this.http.versioned('GET', apiPaths.assessment(id));
  }

  prefetchAssessment(id: string): void {
    const pending = this.http.versioned<Assessment>('GET', apiPaths.assessment(id));
    pending.catch(() => undefined);
    this.prefetched.set(id, pending);
  }

  createAssessment(body: unknown): Promise<Versioned<Assessment>> {
    return this.http.versioned('POST', apiRoutes.assessments, { body });
  }

  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.http.versioned('PUT', apiPaths.assessment(id), { body, ifMatch: etag });
  }

  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.http.versioned('POST', apiPaths.assessmentReviews(id), { body, ifMatch: etag });
  }

  async stageView(id: string, etag?: string, of: 'plan' | 'case' = 'plan'): Promise<StageAnswer> {
    const path = of === 'case' ? apiPaths.caseStage(id) : apiPaths.assessmentStage(id);
    const response = await this.http.request('GET', path, { ...(etag ? { ifNoneMatch: etag } : {}) });
    if (response.status === 304) return { unchanged: true };
    return {
      unchanged: false,
      view: (await response.json()) as StageView,
      etag: response.headers.get(apiHeaders.etag),
    };
  }
}
