import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import {
  AccessDeniedError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
} from '../../../../core/index.js';
import { toDomainError } from '../../../../storage/sharepoint/graph-errors.js';

function graphError(status: number, headers: Record<string, string> = {}): GraphError {
  const error = new GraphError(status, `Graph said something about learner Casey Canary (${status})`);
  error.headers = new Headers(headers);
  return error;
}

describe('toDomainError', () => {
  it.each([
    [401, AuthenticationError, 'UNAUTHENTICATED'],
    [403, AccessDeniedError, 'SHAREPOINT_ACCESS_DENIED'],
    [404, NotFoundError, 'NOT_FOUND'],
    [412, ConflictError, 'ETAG_MISMATCH'],
    [409, ConflictError, 'DUPLICATE'],
    [500, UpstreamError, 'GRAPH_UNAVAILABLE'],
    [502, UpstreamError, 'GRAPH_UNAVAILABLE'],
    [503, UpstreamError, 'GRAPH_UNAVAILABLE'],
    [504, UpstreamError, 'GRAPH_UNAVAILABLE'],
    [400, UpstreamError, 'GRAPH_REJECTED'],
  ])('maps HTTP %i to %p (%s)', (status, type, code) => {
    const mapped = toDomainError(graphError(status));
    expect(mapped).toBeInstanceOf(type);
    expect(mapped.code).toBe(code);
  });

  it('maps 412 to a stale-ETag conflict', () => {
    expect((toDomainError(graphError(412)) as ConflictError).reason).toBe('stale');
  });

  it('carries Retry-After of a 429 that outlasted the retries', () => {
    const mapped = toDomainError(graphError(429, { 'Retry-After': '17' }));
    expect(mapped).toBeInstanceOf(RateLimitedError);
    expect((mapped as RateLimitedError).retryAfterSeconds).toBe(17);
    expect((toDomainError(graphError(429)) as RateLimitedError).retryAfterSeconds).toBe(30);
  });

  it('keeps the original as the cause of upstream failures, and never its message', () => {
    const original = graphError(503);
    const mapped = toDomainError(original);
    expect(mapped.cause).toBe(original);
    expect(mapped.message).not.toContain('Casey');
  });

  it('treats a failure with no answer (network, DNS) as unreachable', () => {
    const mapped = toDomainError(new GraphError(-1, 'getaddrinfo ENOTFOUND'));
    expect((mapped as UpstreamError).code).toBe('GRAPH_UNREACHABLE');
  });

  it('unwraps a domain error carried through the middleware chain', () => {
    const consent = new AuthenticationError('CONSENT_REQUIRED', 'Consent needed.');
    const carried = new GraphClientError('x');
    carried.customError = consent;
    expect(toDomainError(carried)).toBe(consent);
  });
});
