import { GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { isDomainError, UpstreamError, type DomainError } from '../../core/index.js';

/** How the client waits and retries. Every delay is capped, so a request never hangs a user for long. */
export interface RetryPolicy {
  /** Retries after the first attempt, for 429, 503, 504, timeouts and network failures. */
  maxRetries: number;
  /** Backoff without Retry-After: full jitter over base × 2^(attempt-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * A Retry-After longer than this is not waited out inside a user's request: the 429 goes back to
   * the caller (RateLimitedError with the server's number) so the client can come back later.
   */
  maxRetryAfterMs: number;
  /** Each attempt, including reading the body, is abandoned after this long. */
  timeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 400,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 10_000,
  timeoutMs: 15_000,
};

const RETRYABLE_STATUS = new Set([429, 503, 504]);

/** A domain error raised inside the middleware chain, carried past the SDK's own error wrapping. */
export function carry(error: DomainError): GraphClientError {
  const wrapped = new GraphClientError(error.message);
  wrapped.customError = error;
  return wrapped;
}

function headerBag(context: Context): Record<string, string> | Headers {
  const options = (context.options ??= {});
  if (!options.headers) options.headers = {};
  return options.headers as Record<string, string> | Headers;
}

export function setHeader(context: Context, name: string, value: string): void {
  const headers = headerBag(context);
  if (headers instanceof Headers) headers.set(name, value);
  else {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
    headers[name] = value;
  }
}

/**
 * Adds the bearer token on every attempt. The SDK's AuthenticationHandler only does so for https
 * Graph hosts, so a loopback fake would see no token at all (COOKBOOK §3); this one always does.
 * A token failure (consent needed, Entra down) keeps its domain error.
 */
export class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly getAccessToken: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.getAccessToken();
    } catch (error) {
      if (isDomainError(error)) throw carry(error);
      throw carry(
        new UpstreamError('TOKEN_UNAVAILABLE', 'Could not get a token for Microsoft Graph.', error),
      );
    }
    setHeader(context, 'Authorization', `Bearer ${token}`);
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * SharePoint asks callers to decorate their traffic so that throttling can tell apps apart
 * ("NONISV|Company|App/Version"); undecorated traffic is throttled first.
 */
export class UserAgentMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly userAgent: string) {}

  async execute(context: Context): Promise<void> {
    setHeader(context, 'User-Agent', this.userAgent);
    return this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export interface ResilienceOptions {
  policy: RetryPolicy;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (tests and the bench count them; production logs nothing here). */
  onRetry?: (event: { attempt: number; reason: string; delayMs: number }) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds (or an HTTP date) in a Retry-After header, as milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value.trim()) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The delay before retry number `attempt` (1-based). */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  serverDelayMs: number | undefined,
  random: () => number,
): number {
  if (serverDelayMs !== undefined) {
    // Never sooner than the server asked; a little spread so that parallel callers do not return together.
    return serverDelayMs + Math.floor(random() * Math.min(250, serverDelayMs / 10));
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Timeouts and retries for every Graph call: each attempt has its own deadline (covering the body too,
 * which is read here so a slow body cannot outlive it); 429/503/504, timeouts and network failures are
 * retried with capped, jittered backoff that honours Retry-After. Writes are retried too: the
 * repository makes them safe to repeat (If-Match, unique ids checked after an ambiguous failure).
 */
export class ResilienceMiddleware implements Middleware {
  private next?: Middleware;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ResilienceOptions) {
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? realSleep;
  }

  async execute(context: Context): Promise<void> {
    const { policy } = this.options;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) setHeader(context, 'Retry-Attempt', String(attempt));
      let failure: { reason: string; serverDelayMs?: number; error?: unknown };
      try {
        await this.attempt(context, policy.timeoutMs);
        const response = context.response!;
        if (!RETRYABLE_STATUS.has(response.status)) return;
        const serverDelayMs = retryAfterMs(response.headers.get('Retry-After'));
        if (serverDelayMs !== undefined && serverDelayMs > policy.maxRetryAfterMs) return;
        failure = {
          reason: String(response.status),
          ...(serverDelayMs !== undefined ? { serverDelayMs } : {}),
        };
        if (attempt >= policy.maxRetries) return;
      } catch (error) {
        if (error instanceof GraphClientError) throw error;
        const timedOut = error instanceof AttemptTimedOut;
        failure = { reason: timedOut ? 'timeout' : 'network', error };
        if (attempt >= policy.maxRetries) {
          throw carry(
            timedOut
              ? new UpstreamError('GRAPH_TIMEOUT', 'Microsoft Graph did not answer in time.', error)
              : new UpstreamError('GRAPH_UNREACHABLE', 'Microsoft Graph could not be reached.', error),
          );
        }
      }
      const delayMs = backoffDelay(policy, attempt + 1, failure.serverDelayMs, this.random);
      this.options.onRetry?.({ attempt: attempt + 1, reason: failure.reason, delayMs });
      context.response = undefined;
      if (delayMs > 0) await this.sleep(delayMs);
    }
  }

  private async attempt(context: Context, timeoutMs: number): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const options = (context.options ??= {});
    options.signal = controller.signal;
    try {
      await this.next!.execute(context);
      const response = context.response!;
      const empty = response.status === 204 || response.status === 205 || response.status === 304;
      const body = empty ? null : await response.arrayBuffer();
      context.response = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      // Our own deadline, whatever shape the fetch implementation gives its abort error.
      if (controller.signal.aborted) throw new AttemptTimedOut(error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

class AttemptTimedOut extends Error {
  constructor(cause: unknown) {
    super('The attempt passed its deadline.', { cause });
  }
}
