import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import {
  AccessDeniedError,
  AuthenticationError,
  ConflictError,
  isDomainError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  type DomainError,
} from '../../core/index.js';
import { retryAfterMs } from './graph-middleware.js';

/** The HTTP status of a failed Graph call, or undefined when it never got an answer. */
export function graphStatus(error: unknown): number | undefined {
  if (error instanceof GraphError && error.statusCode > 0) return error.statusCode;
  return undefined;
}

export function graphCode(error: unknown): string | undefined {
  return error instanceof GraphError && typeof error.code === 'string' ? error.code : undefined;
}

function retryAfterSeconds(error: GraphError): number {
  const headers = error.headers as Headers | undefined;
  const ms = retryAfterMs(headers?.get?.('Retry-After') ?? null);
  return ms === undefined ? 30 : Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Every Graph failure becomes one of the domain's errors here, at the storage boundary. Graph's own
 * messages never travel further: they can quote request data. The original is kept as `cause` for logs.
 */
export function toDomainError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  if (error instanceof GraphClientError) {
    if (isDomainError(error.customError)) return error.customError;
    return new UpstreamError(
      'GRAPH_CLIENT_FAILED',
      'The request to Microsoft Graph could not be made.',
      error,
    );
  }
  const status = graphStatus(error);
  if (status === undefined) {
    return new UpstreamError('GRAPH_UNREACHABLE', 'Microsoft Graph could not be reached.', error);
  }
  switch (status) {
    case 401:
      return new AuthenticationError('UNAUTHENTICATED', 'Sign in again to reach the safeguarding site.');
    case 403:
      return new AccessDeniedError(
        'SHAREPOINT_ACCESS_DENIED',
        'Your account does not have access to the safeguarding records in SharePoint.',
      );
    case 404:
      return new NotFoundError('No assessment has this id.');
    case 409:
      return new ConflictError('duplicate', 'DUPLICATE', 'A record with this reference already exists.');
    case 412:
      return new ConflictError('stale', 'ETAG_MISMATCH', 'Someone else has saved this assessment since.');
    case 429:
      return new RateLimitedError(retryAfterSeconds(error as GraphError));
    default:
      if (status >= 500) {
        return new UpstreamError('GRAPH_UNAVAILABLE', 'SharePoint is not answering right now.', error);
      }
      return new UpstreamError('GRAPH_REJECTED', 'SharePoint refused a request from this app.', error);
  }
}

/** Runs a Graph call and maps any failure to a domain error. */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDomainError(error);
  }
}
