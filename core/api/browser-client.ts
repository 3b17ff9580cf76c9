import type { Assessment, AssessmentStatus, AssessmentSummary, StageView } from '../assessment/index.js';
import type { Classification } from '../classify/classify.js';
import type { MyActionsResponse, OutboxResponse, PersonResponse } from './actions.js';
import type { ClassificationInput } from '../classify/input.js';
import type { Clause, HackettGuide, LanguageGuide, RiskTemplate } from '../content/schema.js';
import { SignInError } from './browser-sign-in.js';
import type { ApiErrorDetail } from './error-body.js';
import { apiHeaders } from './headers.js';
import { apiPaths, apiRoutes, withQuery } from './paths.js';
import type {
  CaseResponse,
  CaseSummaryResponse,
  ChildResponse,
  ChildSummaryResponse,
  ChronologyEntryResponse,
  MeResponse,
  TransferResponse,
} from './responses.js';
import type { GovernorsReportBody, TrendsQuery, TrendsResponse } from './reports.js';
import type {
  AwaitingReceiptResponse,
  ErasureResponse,
  RetentionReviewResponse,
  SubjectAccessResponse,
  TransferSentResponse,
} from './records.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * The one browser client of the server's API, shared by the Teams tab and the Word task pane, built
 * on the HTTP contract's paths, headers and error body (this folder). It imports the contract's
 * files one by one rather than its index, so the front ends bundle no schema code. It holds no
 * token logic of its own: each front end injects how it gets a token (single sign-on,
 * nested app authentication, a sign-in window), and this client decides, the same way for both,
 * what a refusal means and when to ask for a fresh token. Child data only ever travels in bodies:
 * ids go in paths; search text goes in the query of the content routes, the children search and the
 * people directory (staff names) only.
 */

export type ErrorDetail = ApiErrorDetail;

/**
 * A failed API call, carrying the server's error code. `status` 0 means the server could not be
 * reached. The message is the server's fixed, user-safe sentence, or one of ours.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    /** For 412: the ETag of the version the server holds now. */
    readonly currentEtag?: string,
    /** For 429 and 503: how long the server asked us to wait. */
    readonly retryAfterMs?: number,
    readonly correlationId?: string,
    /** A claims challenge (conditional access, MFA) to pass to the next token request. */
    readonly claims?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Sign-in or access problems the front end explains, whichever call met them. */
  get isAuthProblem(): boolean {
    return (
      this.status === 401 ||
      (this.status === 403 && this.code === 'NOT_A_MEMBER') ||
      (this.status === 400 && (this.code === 'TEAM_REQUIRED' || this.code === 'INVALID_TEAM'))
    );
  }
}

/** GET /api/me; `schools` are the safeguarding teams the caller may open, empty when none. */
export type Me = MeResponse;

export const SAFEGUARDING_TEAM_HEADER = apiHeaders.safeguardingTeam;

/** Why a fresh token is needed: the server asked for consent (or MFA), or refused the last one. */
export interface TokenRequest {
  reason: 'consent' | 'rejected';
  /** A claims challenge from the server, for the identity provider. */
  claims?: string;
}

/** Resolves to undefined where there is no sign-in (local mode). Rejects with a SignInError. */
export type GetToken = (request?: TokenRequest) => Promise<string | undefined>;

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

/** A clause as GET /api/clauses serves it. */
/**
 * A clause as GET /api/clauses serves it: with `checkedOn` (the date it was checked against the official
 * text of its editions) or null, and `verify` (what is still to check) or null.
 */
export type LibraryClause = { checkedOn: string | null; verify: string | null } & Pick<
  Clause,
  | 'id'
  | 'version'
  | 'kind'
  | 'section'
  | 'order'
  | 'title'
  | 'body'
  | 'variables'
  | 'sources'
  | 'guidanceEdition'
>;

export type ClauseKind = LibraryClause['kind'];

export interface ClauseQuery {
  kind?: ClauseKind | undefined;
  q?: string | undefined;
  section?: string | undefined;
}

export type Child = ChildResponse;
export type ChildSummary = ChildSummaryResponse;
export type Case = CaseResponse;
export type CaseSummary = CaseSummaryResponse;
export type ChronologyEntry = ChronologyEntryResponse;

/** A member of staff the owner picker offers (GET /api/people). */
export type Person = PersonResponse;
export type MyActions = MyActionsResponse;
export type Outbox = OutboxResponse;

export type StageAnswer = { unchanged: true } | { unchanged: false; view: StageView; etag: string | null };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** A bearer token for each call; absent or resolving to undefined in local mode. */
  getToken?: GetToken;
  /** Told of every sign-in or access problem (401, 403 NOT_A_MEMBER, 400 TEAM_REQUIRED), whichever call met it. */
  onAuthProblem?: (error: ApiError) => void;
  fetch?: Fetch;
  baseUrl?: string;
  /** The safeguarding team the caller works in now (Teams context, or chosen in the pane), if known. */
  team?: () => string | undefined;
}

const NETWORK_MESSAGE = 'The server could not be reached. Check the connection and try again.';
const UNEXPECTED_MESSAGE = 'The server sent an answer this page did not understand. Please try again.';
const FAILED_MESSAGE = 'The server could not complete this request.';

/**
 * The `claims` parameter of a `WWW-Authenticate: Bearer` challenge (base64), decoded: how Entra-
 * protected APIs ask for conditional access or MFA (a claims challenge).
 */
function challengeClaims(header: string | null): string | undefined {
  const encoded = header?.match(/\bclaims="([^"]+)"/)?.[1];
  if (!encoded) return undefined;
  try {
    return atob(encoded);
  } catch {
    return undefined;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: the status alone says what happened.
    body = undefined;
  }
  const e = ((body as { error?: unknown } | undefined)?.error ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const details = Array.isArray(e.details)
    ? (e.details as unknown[]).filter(
        (d): d is ErrorDetail =>
          !!d &&
          typeof (d as ErrorDetail).path === 'string' &&
          typeof (d as ErrorDetail).problem === 'string',
      )
    : [];
  return new ApiError(
    response.status,
    text(e.code) ?? `HTTP_${response.status}`,
    text(e.message) ?? FAILED_MESSAGE,
    details,
    response.headers.get(apiHeaders.etag) ?? undefined,
    parseRetryAfter(response.headers.get(apiHeaders.retryAfter)),
    text(e.correlationId),
    challengeClaims(response.headers.get('WWW-Authenticate')),
  );
}

/** A token that could not be had, as the API error the front ends explain. */
function tokenFailure(error: unknown): ApiError {
  if (error instanceof SignInError) {
    return error.code === 'CONSENT_REQUIRED'
      ? new ApiError(401, 'CONSENT_REQUIRED', error.message)
      : new ApiError(401, `SIGN_IN_${error.code}`, error.message);
  }
  return new ApiError(401, 'SIGN_IN_FAILED', new SignInError('FAILED').message);
}

interface Send {
  body?: unknown;
  ifMatch?: string;
  ifNoneMatch?: string;
  signal?: AbortSignal | undefined;
}

export class ApiClient {
  private readonly fetchImpl: Fetch;
  private readonly baseUrl: string;
  private readonly contentCache = new Map<string, Promise<unknown>>();
  private readonly prefetched = new Map<string, Promise<Versioned<Assessment>>>();

  constructor(private readonly options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  private async token(request?: TokenRequest): Promise<string | undefined> {
    if (!this.options.getToken) return undefined;
    try {
      return await this.options.getToken(request);
    } catch (error) {
      throw tokenFailure(error);
    }
  }

  private async send(method: string, path: string, init: Send, token: string | undefined) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers[apiHeaders.authorization] = `Bearer ${token}`;
    const team = this.options.team?.();
    if (team) headers[apiHeaders.safeguardingTeam] = team;
    if (init.ifMatch) headers[apiHeaders.ifMatch] = init.ifMatch;
    if (init.ifNoneMatch) headers['If-None-Match'] = init.ifNoneMatch;
    if (init.body !== undefined) headers[apiHeaders.contentType] = 'application/json';
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        credentials: 'omit',
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
  }

  /**
   * One call, with one retry on 401: a fresh token after the server refused the last one, or an
   * interactive one (consent, MFA, the claims challenge) when it asked for consent. A second 401
   * is reported, never retried again, so a refusal cannot loop.
   */
  private async request(method: string, path: string, init: Send = {}): Promise<Response> {
    try {
      let response = await this.send(method, path, init, await this.token());
      if (response.status === 401 && this.options.getToken) {
        const first = await errorFrom(response);
        const request: TokenRequest = {
          reason: first.code === 'CONSENT_REQUIRED' || first.claims ? 'consent' : 'rejected',
          ...(first.claims ? { claims: first.claims } : {}),
        };
        let token: string | undefined;
        try {
          token = await this.token(request);
        } catch (error) {
          // No prompt could open without the user's click (a blocked pop-up): the server's own
          // answer stands, and the front end offers a button that asks again.
          throw error instanceof ApiError && error.code === 'SIGN_IN_UNAVAILABLE' ? first : error;
        }
        response = await this.send(method, path, init, token);
      }
      if (!response.ok && !(response.status === 304 && init.ifNoneMatch)) {
        throw await errorFrom(response);
      }
      return response;
    } catch (error) {
      if (error instanceof ApiError) this.reported(error);
      throw error;
    }
  }

  private reported(error: ApiError): void {
    if (error.isAuthProblem) this.options.onAuthProblem?.(error);
  }

  private async json<T>(method: string, path: string, init?: Send): Promise<T> {
    const response = await this.request(method, path, init);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', UNEXPECTED_MESSAGE);
    }
  }

  private async versioned<T>(method: string, path: string, init?: Send): Promise<Versioned<T>> {
    const response = await this.request(method, path, init);
    const etag = response.headers.get(apiHeaders.etag);
    if (!etag) throw new ApiError(502, 'NO_ETAG', 'The server did not say which version it sent.');
    return { record: (await response.json()) as T, etag };
  }

  me(): Promise<Me> {
    return this.json('GET', apiRoutes.me);
  }

  async listAssessments(query: ListQuery = {}): Promise<SummaryRow[]> {
    const { items } = await this.json<{ items: SummaryRow[] }>(
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
    return this.versioned('GET', apiPaths.assessment(id));
  }

  /** Starts reading a record the first view will ask for; its failure surfaces when it is used. */
  prefetchAssessment(id: string): void {
    const pending = this.versioned<Assessment>('GET', apiPaths.assessment(id));
    pending.catch(() => undefined);
    this.prefetched.set(id, pending);
  }

  createAssessment(body: unknown): Promise<Versioned<Assessment>> {
    return this.versioned('POST', apiRoutes.assessments, { body });
  }

  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.versioned('PUT', apiPaths.assessment(id), { body, ifMatch: etag });
  }

  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.versioned('POST', apiPaths.assessmentReviews(id), { body, ifMatch: etag });
  }

  /**
   * The meeting stage's view of a plan in its case (`of` "plan") or of a case alone, redacted on the
   * server; `unchanged` when `etag` is still current (304).
   */
  async stageView(id: string, etag?: string, of: 'plan' | 'case' = 'plan'): Promise<StageAnswer> {
    const path = of === 'case' ? apiPaths.caseStage(id) : apiPaths.assessmentStage(id);
    const response = await this.request('GET', path, { ...(etag ? { ifNoneMatch: etag } : {}) });
    if (response.status === 304) return { unchanged: true };
    return {
      unchanged: false,
      view: (await response.json()) as StageView,
      etag: response.headers.get(apiHeaders.etag),
    };
  }

  /** The clause library; search text is the only free text any route takes in its query. */
  async clauses(query: ClauseQuery = {}, signal?: AbortSignal): Promise<LibraryClause[]> {
    const { items } = await this.json<{ items: LibraryClause[] }>(
      'GET',
      withQuery(apiRoutes.clauses, {
        kind: query.kind || undefined,
        section: query.section || undefined,
        q: query.q?.trim() || undefined,
      }),
      { signal },
    );
    return items;
  }

  /** Children whose name matches `q`; the name travels in the query only on this route. */
  async listChildren(q?: string, signal?: AbortSignal): Promise<ChildSummary[]> {
    const { items } = await this.json<{ items: ChildSummary[] }>(
      'GET',
      withQuery(apiRoutes.children, { q: q?.trim() || undefined }),
      { signal },
    );
    return items;
  }

  /** A new child record (POST /api/children): the only place the child's name is kept. */
  createChild(body: unknown): Promise<Versioned<Child>> {
    return this.versioned('POST', apiRoutes.children, { body });
  }

  getChild(id: string): Promise<Versioned<Child>> {
    return this.versioned('GET', apiPaths.child(id));
  }

  async childChronology(id: string): Promise<ChronologyEntry[]> {
    const { items } = await this.json<{ items: ChronologyEntry[] }>('GET', apiPaths.childChronology(id));
    return items;
  }

  async listCases(status?: readonly Case['status'][]): Promise<CaseSummary[]> {
    const { items } = await this.json<{ items: CaseSummary[] }>(
      'GET',
      withQuery(apiRoutes.cases, { status: status?.length ? status.join(',') : undefined }),
    );
    return items;
  }

  createCase(body: unknown): Promise<Versioned<Case>> {
    return this.versioned('POST', apiRoutes.cases, { body });
  }

  getCase(id: string): Promise<Versioned<Case>> {
    return this.versioned('GET', apiPaths.case(id));
  }

  replaceCase(id: string, body: unknown, etag: string): Promise<Versioned<Case>> {
    return this.versioned('PUT', apiPaths.case(id), { body, ifMatch: etag });
  }

  async caseChronology(id: string): Promise<ChronologyEntry[]> {
    const { items } = await this.json<{ items: ChronologyEntry[] }>('GET', apiPaths.caseChronology(id));
    return items;
  }

  addCaseChronology(id: string, body: unknown): Promise<ChronologyEntry> {
    return this.json('POST', apiPaths.caseChronology(id), { body });
  }

  /** Counts for the trends view, or the governors' view of them (small counts withheld). */
  reportTrends(query: TrendsQuery): Promise<TrendsResponse> {
    return this.json('GET', withQuery(apiRoutes.reportsTrends, { ...query }));
  }

  /** The governors' report as a Word file, with the commentary the DSL has just written. */
  async governorsReport(body: GovernorsReportBody): Promise<Blob> {
    const response = await this.request('POST', apiRoutes.reportsGovernors, { body });
    return response.blob();
  }

  /** Records a child-protection file as sent; answers where the child's own file can be downloaded. */
  sendTransfer(childId: string, body: unknown): Promise<TransferSentResponse> {
    return this.json('POST', apiPaths.childTransfers(childId), { body });
  }

  confirmTransferReceipt(childId: string, transferId: string, body: unknown): Promise<TransferResponse> {
    return this.json('PUT', apiPaths.childTransfer(childId, transferId), { body });
  }

  transfersAwaitingReceipt(): Promise<AwaitingReceiptResponse> {
    return this.json('GET', apiRoutes.transfersAwaitingReceipt);
  }

  childExport(childId: string): Promise<SubjectAccessResponse> {
    return this.json('GET', apiPaths.childExport(childId));
  }

  retentionDue(withinDays?: number): Promise<RetentionReviewResponse> {
    return this.json('GET', withQuery(apiRoutes.retentionDue, { withinDays }));
  }

  eraseChild(childId: string, reason: string): Promise<ErasureResponse> {
    return this.json('POST', apiPaths.childErase(childId), { body: { reason } });
  }

  replaceChild(id: string, body: unknown, etag: string): Promise<Versioned<Child>> {
    return this.versioned('PUT', apiPaths.child(id), { body, ifMatch: etag });
  }

  /**
   * A file the server generates (a plan's .docx), fetched with the caller's token, for the page to
   * save. Only the API's own paths are fetched, so a link in an answer cannot send the token elsewhere.
   */
  async download(path: string): Promise<Blob> {
    if (!path.startsWith('/api/')) throw new ApiError(400, 'BAD_LINK', UNEXPECTED_MESSAGE);
    const response = await this.request('GET', path);
    return response.blob();
  }

  /**
   * Staff whose name starts with `q`: the safeguarding team's members first, then the school's
   * directory (local mode: a small local list). Without `q`, the team alone. `top` is 1 to 20.
   */
  async people(q?: string, top?: number, signal?: AbortSignal): Promise<Person[]> {
    const { items } = await this.json<{ items: Person[] }>(
      'GET',
      withQuery(apiRoutes.people, { q: q?.trim() || undefined, top }),
      { signal },
    );
    return items;
  }

  /** The caller's own actions in the school's open plans, overdue first. */
  myActions(): Promise<MyActions> {
    return this.json('GET', apiRoutes.myActions);
  }

  /** Local mode's outbox: the notifications that would have gone to Teams, newest first. */
  outbox(): Promise<Outbox> {
    return this.json('GET', apiRoutes.outbox);
  }

  /** A first placement of a described behaviour (POST /api/classify); the server stores nothing. */
  classify(input: ClassificationInput): Promise<Classification> {
    return this.json('POST', apiRoutes.classify, { body: input });
  }

  /** Content changes only with a deployment, so one fetch per page load is enough. */
  riskTemplate(): Promise<RiskTemplate> {
    return this.cached(apiRoutes.riskTemplate);
  }

  languageGuide(): Promise<LanguageGuide> {
    return this.cached(apiRoutes.language);
  }

  hackettGuide(): Promise<HackettGuide> {
    return this.cached(apiRoutes.hackett);
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

/**
 * Local mode has no sign-in: GET /api/me answers without a token. In Microsoft 365 mode it answers
 * 401, and every call needs the user's token.
 */
export async function detectMode(fetch: Fetch, baseUrl = ''): Promise<'local' | 'm365'> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${apiRoutes.me}`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (response.status === 401) return 'm365';
  if (!response.ok) throw await errorFrom(response);
  const me = (await response.json()) as Partial<Me>;
  return me.mode === 'local' ? 'local' : 'm365';
}
