import type { Request, Response } from 'restify';
import {
  AccessDeniedError,
  AuthenticationError,
  ConflictError,
  isDomainError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  ValidationError,
  type ErrorDetail,
} from '../../../core/index.js';
import type { Logger } from '../logger.js';

/** Errors that only exist at the HTTP edge. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; correlationId?: string; details?: readonly ErrorDetail[] };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Whether this is our fault (logged at error level with frames) rather than the caller's. */
  unexpected: boolean;
}

const INTERNAL_MESSAGE = 'Something went wrong on our side. Nothing you sent was lost; please try again.';

/** The one mapping from errors to HTTP responses (STYLE §4). Unknown errors never show their message. */
export function mapError(error: unknown, correlationId?: string): MappedError {
  const body = (code: string, message: string, details?: readonly ErrorDetail[]): ErrorBody => ({
    error: {
      code,
      message,
      ...(correlationId ? { correlationId } : {}),
      ...(details && details.length ? { details } : {}),
    },
  });
  const of = (
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
    details?: readonly ErrorDetail[],
  ): MappedError => ({
    status,
    body: body(code, message, details),
    headers,
    unexpected: status >= 500,
  });

  if (error instanceof HttpError) return of(error.status, error.code, error.message, error.headers);
  if (isDomainError(error)) {
    if (error instanceof ValidationError) return of(400, error.code, error.message, {}, error.details);
    if (error instanceof NotFoundError) return of(404, error.code, error.message);
    if (error instanceof ConflictError) {
      if (error.reason === 'stale') {
        return of(412, error.code, error.message, error.currentEtag ? { ETag: error.currentEtag } : {});
      }
      return of(409, error.code, error.message);
    }
    if (error instanceof AuthenticationError) return of(401, error.code, error.message);
    if (error instanceof AccessDeniedError) return of(403, error.code, error.message);
    if (error instanceof RateLimitedError) {
      return of(429, error.code, error.message, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    if (error instanceof UpstreamError) {
      return of(503, error.code, 'A service this app depends on is not answering. Please try again shortly.');
    }
  }
  return of(500, 'INTERNAL', INTERNAL_MESSAGE);
}

export function sendError(req: Request, res: Response, error: unknown, logger: Logger): void {
  const correlationId = correlationIdOf(req);
  const mapped = mapError(error, correlationId);
  if (mapped.unexpected) {
    logger.error({ correlationId, err: error }, 'request failed');
  } else {
    logger.info({ correlationId, code: mapped.body.error.code, status: mapped.status }, 'request refused');
  }
  if (res.headersSent) return;
  for (const [k, v] of Object.entries(mapped.headers)) res.header(k, v);
  res.send(mapped.status, mapped.body);
}

const CORRELATION = Symbol('correlationId');

export function correlationIdOf(req: Request): string {
  return (req as unknown as Record<symbol, string>)[CORRELATION] ?? '';
}

export function setCorrelationId(req: Request, id: string): void {
  (req as unknown as Record<symbol, string>)[CORRELATION] = id;
}
