import type {
  AssessmentList,
  AssessmentRecord,
  ClauseKind,
  LanguageGuideResponse,
  RiskTemplateResponse,
  LibraryClause,
  Me,
} from './api-types.js';

/**
 * The task pane's only way to data: the server's API (DESIGN §1, §3). Ids go in paths; search text
 * goes in the query of content routes only (the library is not child data). Child data is only ever
 * in response bodies, held in memory.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Why a fresh token is needed: the server asked for consent (or MFA), or rejected the last one. */
export interface TokenRequest {
  reason?: 'consent' | 'rejected';
  /** Claims challenge from the server, passed to Office SSO as `authChallenge`. */
  claims?: string;
}

/** Resolves to undefined when no sign-in is needed (local mode). */
export type GetToken = (request?: TokenRequest) => Promise<string | undefined>;

export interface ClauseQuery {
  kind?: ClauseKind | undefined;
  q?: string | undefined;
  section?: string | undefined;
}

/** Which safeguarding team a request is for, when the caller is in more than one (identity layer). */
export const SAFEGUARDING_TEAM_HEADER = 'x-safeguarding-team';

export interface ApiClient {
  me(): Promise<Me>;
  clauses(query?: ClauseQuery, signal?: AbortSignal): Promise<LibraryClause[]>;
  language(): Promise<LanguageGuideResponse>;
  /** The risk-assessment template: the referral draft takes its context and effect labels from it. */
  riskTemplate(): Promise<RiskTemplateResponse>;
  assessments(): Promise<AssessmentList['items']>;
  assessment(id: string): Promise<AssessmentRecord>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const NETWORK_MESSAGE = 'The HSB assistant could not be reached. Check your connection and try again.';
const UNEXPECTED_MESSAGE = 'The HSB assistant sent an answer the pane did not understand. Please try again.';

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; correlationId?: unknown; claims?: unknown };
}

async function errorFrom(response: Response): Promise<ApiError & { claims?: string }> {
  const body = ((await response.json().catch(() => null)) ?? {}) as ErrorBody;
  const e = body.error ?? {};
  const error: ApiError & { claims?: string } = new ApiError(
    response.status,
    typeof e.code === 'string' ? e.code : `HTTP_${response.status}`,
    // The server's messages are fixed, safe sentences (bot/src/http/errors.ts).
    typeof e.message === 'string' ? e.message : UNEXPECTED_MESSAGE,
    typeof e.correlationId === 'string' ? e.correlationId : undefined,
  );
  if (typeof e.claims === 'string') error.claims = e.claims;
  return error;
}

/** `getToken` is absent in local mode (no sign-in); `team` names the chosen safeguarding team, if any. */
export function createApiClient(options: {
  fetch: Fetch;
  baseUrl?: string;
  getToken?: GetToken;
  team?: () => string | undefined;
}): ApiClient {
  const base = options.baseUrl ?? '';

  async function send(path: string, signal?: AbortSignal, request?: TokenRequest): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.getToken ? await options.getToken(request) : undefined;
    if (token) headers.Authorization = `Bearer ${token}`;
    const team = options.team?.();
    if (team) headers[SAFEGUARDING_TEAM_HEADER] = team;
    try {
      return await options.fetch(`${base}${path}`, { headers, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
  }

  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    let response = await send(path, signal);
    if (response.status === 401 && options.getToken) {
      // One retry with a fresh token: after consent or MFA, or when the cached one had expired.
      const first = await errorFrom(response);
      const reason = first.code === 'CONSENT_REQUIRED' ? 'consent' : 'rejected';
      response = await send(path, signal, { reason, ...(first.claims ? { claims: first.claims } : {}) });
    }
    if (!response.ok) throw await errorFrom(response);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', UNEXPECTED_MESSAGE);
    }
  }

  return {
    me: () => get<Me>('/api/me'),
    clauses: async (query = {}, signal) => {
      const params = new URLSearchParams();
      if (query.kind) params.set('kind', query.kind);
      if (query.section) params.set('section', query.section);
      if (query.q?.trim()) params.set('q', query.q.trim());
      const qs = params.toString();
      return (await get<{ items: LibraryClause[] }>(`/api/clauses${qs ? `?${qs}` : ''}`, signal)).items;
    },
    language: () => get<LanguageGuideResponse>('/api/content/language'),
    riskTemplate: () => get<RiskTemplateResponse>('/api/content/risk-template'),
    assessments: async () => (await get<AssessmentList>('/api/assessments')).items,
    assessment: (id) => get<AssessmentRecord>(`/api/assessments/${encodeURIComponent(id)}`),
  };
}

/**
 * Local mode has no sign-in: GET /api/me answers without a token. In Microsoft 365 mode it answers
 * 401, and every call needs the user's token.
 */
export async function detectMode(fetch: Fetch, baseUrl = ''): Promise<'local' | 'm365'> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/me`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (response.status === 401) return 'm365';
  if (!response.ok) throw await errorFrom(response);
  const me = (await response.json()) as Partial<Me>;
  return me.mode === 'local' ? 'local' : 'm365';
}
