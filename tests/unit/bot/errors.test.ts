import {
  AccessDeniedError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  ValidationError,
} from '../../../core/index.js';
import { HttpError, mapError } from '../../../bot/src/http/errors.js';

describe('mapError (the one mapping from errors to HTTP)', () => {
  it.each([
    [
      new ValidationError('UNKNOWN_FIELD', 'm', [{ path: 'x', problem: 'Unknown field.' }]),
      400,
      'UNKNOWN_FIELD',
    ],
    [new AuthenticationError(), 401, 'UNAUTHENTICATED'],
    [new AuthenticationError('CONSENT_REQUIRED', 'm'), 401, 'CONSENT_REQUIRED'],
    [new AccessDeniedError('NOT_A_MEMBER', 'm'), 403, 'NOT_A_MEMBER'],
    [new NotFoundError(), 404, 'NOT_FOUND'],
    [new ConflictError('state', 'INVALID_TRANSITION', 'm'), 409, 'INVALID_TRANSITION'],
    [new ConflictError('duplicate', 'DUPLICATE', 'm'), 409, 'DUPLICATE'],
    [new ConflictError('stale', 'ETAG_MISMATCH', 'm', '"v2"'), 412, 'ETAG_MISMATCH'],
    [new HttpError(413, 'PAYLOAD_TOO_LARGE', 'm'), 413, 'PAYLOAD_TOO_LARGE'],
    [new HttpError(428, 'IF_MATCH_REQUIRED', 'm'), 428, 'IF_MATCH_REQUIRED'],
    [new RateLimitedError(7), 429, 'RATE_LIMITED'],
    [new UpstreamError('GRAPH_UNAVAILABLE', 'm', new Error('socket hang up')), 503, 'GRAPH_UNAVAILABLE'],
  ])('%p → %i %s', (error, status, code) => {
    const mapped = mapError(error, 'cid');
    expect(mapped.status).toBe(status);
    expect(mapped.body.error.code).toBe(code);
    expect(mapped.body.error.correlationId).toBe('cid');
  });

  it('passes validation details through and sets the headers clients need', () => {
    expect(
      mapError(new ValidationError('X', 'm', [{ path: 'a.b', problem: 'p' }])).body.error.details,
    ).toEqual([{ path: 'a.b', problem: 'p' }]);
    expect(mapError(new ConflictError('stale', 'ETAG_MISMATCH', 'm', '"v2"')).headers).toEqual({
      ETag: '"v2"',
    });
    expect(mapError(new RateLimitedError(7)).headers).toEqual({ 'Retry-After': '7' });
  });

  it('never shows an unknown error’s message, and flags it as ours', () => {
    const mapped = mapError(new TypeError("Cannot read properties of undefined (reading 'Zephyrine')"));
    expect(mapped.status).toBe(500);
    expect(mapped.unexpected).toBe(true);
    expect(mapped.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(mapped.body)).not.toContain('Zephyrine');
    expect(
      mapError(new UpstreamError('G', 'secret detail', new Error('x'))).body.error.message,
    ).not.toContain('secret detail');
  });
});
