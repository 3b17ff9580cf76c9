import { apiHeaders } from '../headers.js';
import { apiRoutes } from '../paths.js';
import type { MeResponse } from '../responses.js';
import { ApiError, NETWORK_MESSAGE, UNEXPECTED_MESSAGE, errorFrom, tokenFailure } from './api-error.js';

/** Why a fresh token is needed: the server asked for consent (or MFA), or refused the last one. */
export interface TokenRequest {
  reason: 'consent' | 'rejected';
  /** A claims challenge from the server, for the identity provider. */
  claims?: string;
}

/** Resolves to undefined where there is no sign-in (local mode). Rejects with a SignInError. */
export type GetToken = (request?: TokenRequest) => Promise<string | undefined>;

export interface Versioned<T> {
  record: T;
  etag: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

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

export interface Send {
  body?: unknown;
  ifMatch?: string;
  ifNoneMatch?: string;
  signal?: AbortSignal | undefined;
}

/**
 * Browsers keep at most 64 KiB of request bodies alive after their page has gone, across every
 * keepalive request in flight, and refuse a keepalive request over that outright.
 */
const KEEPALIVE_BUDGET_BYTES = 48 * 1024;

/**
 * A write small enough is sent `keepalive`, so that the save made as the page is left (the autosave's
 * flush on `pagehide`, which commits removals still waiting for their Undo) is not cancelled when
 * Teams takes the tab's frame away. A larger body goes as an ordinary request: refused as keepalive,
 * it would not be sent at all.
 */
function outlivesPage(body: string): boolean {
  return new TextEncoder().encode(body).byteLength <= KEEPALIVE_BUDGET_BYTES;
}

/**
 * How every call of the browser client travels: the token, the team and the conditional headers
 * going out, the coded error coming back, and one retry when the server refuses a token.
 */
export class ApiTransport {
  private readonly fetchImpl: Fetch;
  private readonly baseUrl: string;

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
    const body = init.body !== undefined ? JSON.stringify(init.body) : undefined;
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body, keepalive: outlivesPage(body) } : {}),
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
  async request(method: string, path: string, init: Send = {}): Promise<Response> {
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

  async json<T>(method: string, path: string, init?: Send): Promise<T> {
    const response = await this.request(method, path, init);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', UNEXPECTED_MESSAGE);
    }
  }

  async versioned<T>(method: string, path: string, init?: Send): Promise<Versioned<T>> {
    const response = await this.request(method, path, init);
    const etag = response.headers.get(apiHeaders.etag);
    if (!etag) throw new ApiError(502, 'NO_ETAG', 'The server did not say which version it sent.');
    return { record: (await response.json()) as T, etag };
  }

  /** Only the API's own paths are fetched, so a link in an answer cannot send the token elsewhere. */
  async download(path: string): Promise<Blob> {
    if (!path.startsWith('/api/')) throw new ApiError(400, 'BAD_LINK', UNEXPECTED_MESSAGE);
    const response = await this.request('GET', path);
    return response.blob();
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
  const me = (await response.json()) as Partial<MeResponse>;
  return me.mode === 'local' ? 'local' : 'm365';
}
