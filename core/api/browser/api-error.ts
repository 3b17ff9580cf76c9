import { SignInError } from '../browser-sign-in.js';
import type { ApiErrorDetail } from '../error-body.js';
import { apiHeaders } from '../headers.js';
import { parseRetryAfter } from '../retry-after.js';

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

export const NETWORK_MESSAGE = 'The server could not be reached. Check the connection and try again.';
export const UNEXPECTED_MESSAGE = 'The server sent an answer this page did not understand. Please try again.';
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

export async function errorFrom(response: Response): Promise<ApiError> {
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
export function tokenFailure(error: unknown): ApiError {
  if (error instanceof SignInError) {
    return error.code === 'CONSENT_REQUIRED'
      ? new ApiError(401, 'CONSENT_REQUIRED', error.message)
      : new ApiError(401, `SIGN_IN_${error.code}`, error.message);
  }
  return new ApiError(401, 'SIGN_IN_FAILED', new SignInError('FAILED').message);
}
