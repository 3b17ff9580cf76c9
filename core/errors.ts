/**
 * The domain's error catalogue. Every failure that reaches a user is one of these, mapped to HTTP in
 * exactly one place (bot/src/http/errors.ts). Messages are fixed, safe sentences: they never carry
 * request data, because they may be shown to users and a child's name must never be echoed into logs.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `learner.name` or `risks.0.likelihood`. */
  path: string;
  problem: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details: readonly ErrorDetail[];

  protected constructor(
    message: string,
    details: readonly ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, details: readonly ErrorDetail[] = []) {
    super(message, details);
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(message = 'No such record.') {
    super(message);
  }
}

/**
 * `stale`: the caller's ETag is not the current version (HTTP 412).
 * `state`: the change is not allowed from the record's current state (HTTP 409).
 * `duplicate`: a unique value is already taken (HTTP 409).
 */
export type ConflictReason = 'stale' | 'state' | 'duplicate';

export class ConflictError extends DomainError {
  readonly code: string;
  readonly reason: ConflictReason;
  /** For `stale`: the ETag of the version the store holds now, when known. */
  readonly currentEtag: string | undefined;

  constructor(reason: ConflictReason, code: string, message: string, currentEtag?: string) {
    super(message);
    this.reason = reason;
    this.code = code;
    this.currentEtag = currentEtag;
  }
}

export class AuthenticationError extends DomainError {
  readonly code: string;
  constructor(code = 'UNAUTHENTICATED', message = 'Sign-in is required.') {
    super(message);
    this.code = code;
  }
}

export class AccessDeniedError extends DomainError {
  readonly code: string;
  constructor(code = 'ACCESS_DENIED', message = 'You do not have access to this.') {
    super(message);
    this.code = code;
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = 'Too many requests. Please wait and try again.') {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A service we depend on (Graph, Entra, storage) failed; `cause` keeps the original for the log. */
export class UpstreamError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, cause?: unknown) {
    super(message, [], { cause });
    this.code = code;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
