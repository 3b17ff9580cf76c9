import type {
  Assessment,
  AssessmentStatus,
  AssessmentSummary,
  StageView,
} from '../../../core/assessment/index';
import type { Classification } from '../../../core/classify/classify';
import type { ClassificationInput } from '../../../core/classify/input';
import type { HackettGuide, LanguageGuide, RiskTemplate } from './content-types';

export interface ErrorDetail {
  path: string;
  problem: string;
}

/**
 * A failed API call, carrying the server's error code (README "The API"). `status` 0 means the
 * server could not be reached. The message is the server's fixed, user-safe sentence.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    /** For 412: the ETag of the version the server holds now. */
    readonly currentEtag?: string,
    readonly retryAfterMs?: number,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Sign-in or access problems the session explains, whichever call met them. */
  get isAuthProblem(): boolean {
    return (
      this.status === 401 ||
      (this.status === 403 && this.code === 'NOT_A_MEMBER') ||
      (this.status === 400 && (this.code === 'TEAM_REQUIRED' || this.code === 'INVALID_TEAM'))
    );
  }
}

export interface Me {
  displayName: string;
  kind: string;
  mode: 'local' | 'm365';
  /** The schools (safeguarding teams) the caller may open; empty when they are in none. */
  schools?: { schoolId: string; teamId: string | null }[];
}

/** Names the safeguarding team a request is for, for someone in several (a trust's central DSL). */
export const SAFEGUARDING_TEAM_HEADER = 'X-Safeguarding-Team';

export interface SummaryRow extends AssessmentSummary {
  overdue: boolean;
}

export interface ListQuery {
  status?: readonly AssessmentStatus[];
  dueWithinDays?: number;
}

export interface Versioned<T> {
  record: T;
  etag: string;
}

export interface ApiClientOptions {
  /** A bearer token for each call, or undefined (local mode). May throw a host token error. */
  getToken: () => Promise<string | undefined>;
  /** Maps a failure to get a token to an ApiError (the host knows whether consent is needed). */
  tokenError?: (error: unknown) => ApiError;
  /** Told of every sign-in problem (401, 403 NOT_A_MEMBER), whichever call met it. */
  onAuthProblem?: (error: ApiError) => void;
  fetch?: typeof fetch;
  baseUrl?: string;
  /** The Microsoft 365 group id of the team the tab was opened in (Teams context), when known. */
  teamId?: string;
}

const NETWORK_MESSAGE = 'The server could not be reached. Check the connection and try again.';

function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The tab's only way to data: the server's API, with the caller's token on every call. */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private readonly contentCache = new Map<string, Promise<unknown>>();
  private readonly prefetched = new Map<string, Promise<Versioned<Assessment>>>();

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  private async request(
    method: string,
    path: string,
    init: { body?: unknown; ifMatch?: string; ifNoneMatch?: string } = {},
  ) {
    let token: string | undefined;
    try {
      token = await this.options.getToken();
    } catch (error) {
      throw this.reported(
        this.options.tokenError?.(error) ??
          new ApiError(401, 'UNAUTHENTICATED', 'Teams could not sign you in.'),
      );
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.options.teamId) headers[SAFEGUARDING_TEAM_HEADER] = this.options.teamId;
    if (init.ifMatch) headers['If-Match'] = init.ifMatch;
    if (init.ifNoneMatch) headers['If-None-Match'] = init.ifNoneMatch;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
    if (!response.ok && !(response.status === 304 && init.ifNoneMatch)) {
      throw this.reported(await this.errorFrom(response));
    }
    return response;
  }

  private reported(error: ApiError): ApiError {
    if (error.isAuthProblem) this.options.onAuthProblem?.(error);
    return error;
  }

  private async errorFrom(response: Response): Promise<ApiError> {
    let body: {
      error?: { code?: string; message?: string; details?: ErrorDetail[]; correlationId?: string };
    } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // A proxy's HTML error page: the status alone says what happened.
      body = {};
    }
    const error = body.error ?? {};
    return new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? 'The server could not complete this request.',
      error.details ?? [],
      response.headers.get('ETag') ?? undefined,
      retryAfter(response.headers.get('Retry-After')),
      error.correlationId,
    );
  }

  private async json<T>(method: string, path: string, init?: { body?: unknown; ifMatch?: string }) {
    const response = await this.request(method, path, init);
    return (await response.json()) as T;
  }

  private async versioned<T>(method: string, path: string, init?: { body?: unknown; ifMatch?: string }) {
    const response = await this.request(method, path, init);
    const etag = response.headers.get('ETag');
    if (!etag) throw new ApiError(502, 'NO_ETAG', 'The server did not say which version it sent.');
    return { record: (await response.json()) as T, etag } satisfies Versioned<T>;
  }

  me(): Promise<Me> {
    return this.json('GET', '/api/me');
  }

  async listAssessments(query: ListQuery = {}): Promise<SummaryRow[]> {
    const params = new URLSearchParams();
    if (query.status?.length) params.set('status', query.status.join(','));
    if (query.dueWithinDays !== undefined) params.set('dueWithinDays', String(query.dueWithinDays));
    const qs = params.toString();
    const { items } = await this.json<{ items: SummaryRow[] }>(
      'GET',
      `/api/assessments${qs ? `?${qs}` : ''}`,
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
    return this.versioned('GET', `/api/assessments/${encodeURIComponent(id)}`);
  }

  /** Starts reading a record the first view will ask for; its failure surfaces when it is used. */
  prefetchAssessment(id: string): void {
    const pending = this.versioned<Assessment>('GET', `/api/assessments/${encodeURIComponent(id)}`);
    pending.catch(() => undefined);
    this.prefetched.set(id, pending);
  }

  createAssessment(body: unknown): Promise<Versioned<Assessment>> {
    return this.versioned('POST', '/api/assessments', { body });
  }

  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.versioned('PUT', `/api/assessments/${encodeURIComponent(id)}`, { body, ifMatch: etag });
  }

  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.versioned('POST', `/api/assessments/${encodeURIComponent(id)}/reviews`, {
      body,
      ifMatch: etag,
    });
  }

  /** The redacted stage view; `unchanged` when `etag` is still current (304). */
  async stageView(
    id: string,
    etag?: string,
  ): Promise<{ unchanged: true } | { unchanged: false; view: StageView; etag: string | null }> {
    const response = await this.request('GET', `/api/assessments/${encodeURIComponent(id)}/stage`, {
      ...(etag ? { ifNoneMatch: etag } : {}),
    });
    if (response.status === 304) return { unchanged: true };
    return {
      unchanged: false,
      view: (await response.json()) as StageView,
      etag: response.headers.get('ETag'),
    };
  }

  /** A first placement of a described behaviour (POST /api/classify); the server stores nothing. */
  classify(input: ClassificationInput): Promise<Classification> {
    return this.json('POST', '/api/classify', { body: input });
  }

  /** Content changes only with a deployment, so one fetch per page load is enough. */
  riskTemplate(): Promise<RiskTemplate> {
    return this.cached('/api/content/risk-template');
  }

  languageGuide(): Promise<LanguageGuide> {
    return this.cached('/api/content/language');
  }

  hackettGuide(): Promise<HackettGuide> {
    return this.cached('/api/content/hackett');
  }

  private cached<T>(path: string): Promise<T> {
    let pending = this.contentCache.get(path);
    if (!pending) {
      pending = this.json<T>('GET', path);
      pending.catch(() => this.contentCache.delete(path));
      this.contentCache.set(path, pending);
    }
    return pending as Promise<T>;
  }
}
