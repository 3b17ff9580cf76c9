import { GraphClientError, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { AuthenticationError, UpstreamError } from '../../../../core/index.js';
import {
  backoffDelay,
  BearerTokenMiddleware,
  ResilienceMiddleware,
  retryAfterMs,
  type RetryPolicy,
} from '../../../../storage/sharepoint/graph-middleware.js';

const policy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 10_000,
  timeoutMs: 50,
};

/** The next middleware in the chain, answering from a script and recording what it was sent. */
class Scripted implements Middleware {
  readonly seen: Record<string, string>[] = [];
  constructor(private readonly script: (attempt: number, context: Context) => Promise<Response>) {}
  async execute(context: Context): Promise<void> {
    this.seen.push({ ...(context.options?.headers as Record<string, string>) });
    context.response = await this.script(this.seen.length, context);
  }
}

function chain(script: Scripted, sleeps: number[], random = () => 0.5, p: RetryPolicy = policy) {
  const m = new ResilienceMiddleware({ policy: p, random, sleep: async (ms) => void sleeps.push(ms) });
  m.setNext(script);
  return m;
}

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : '{}', { status, headers });

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(
      5_000,
    );
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('waits at least what the server asked, with a little spread and never more than a tenth extra', () => {
    expect(backoffDelay(policy, 1, 2_000, () => 0)).toBe(2_000);
    expect(backoffDelay(policy, 1, 2_000, () => 0.999)).toBe(2_199);
    expect(backoffDelay(policy, 1, 0, () => 0.999)).toBe(0);
  });

  it('otherwise backs off exponentially with full jitter, capped', () => {
    expect(backoffDelay(policy, 1, undefined, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, undefined, () => 0.999)).toBe(399);
    expect(backoffDelay(policy, 10, undefined, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 10, undefined, () => 0)).toBe(0);
  });
});

describe('ResilienceMiddleware', () => {
  it('retries 429 and 503 honouring Retry-After, and marks each retry', async () => {
    const sleeps: number[] = [];
    const next = new Scripted(async (n) =>
      n === 1 ? answer(429, { 'Retry-After': '2' }) : n === 2 ? answer(503) : answer(200),
    );
    const ctx: Context = { request: 'http://x/a', options: { method: 'GET', headers: {} } };
    await chain(next, sleeps).execute(ctx);
    expect(ctx.response!.status).toBe(200);
    expect(sleeps).toEqual([2_000 + 100, 100]);
    expect(next.seen.map((h) => h['Retry-Attempt'])).toEqual([undefined, '1', '2']);
  });

  it('gives up after maxRetries and hands back the last answer', async () => {
    const sleeps: number[] = [];
    const next = new Scripted(async () => answer(503, { 'Retry-After': '0' }));
    const ctx: Context = { request: 'http://x/a', options: {} };
    await chain(next, sleeps).execute(ctx);
    expect(next.seen).toHaveLength(4);
    expect(ctx.response!.status).toBe(503);
  });

  it('does not sit out a Retry-After longer than the cap: the caller is told to come back', async () => {
    const next = new Scripted(async () => answer(429, { 'Retry-After': '120' }));
    const ctx: Context = { request: 'http://x/a', options: {} };
    await chain(next, []).execute(ctx);
    expect(next.seen).toHaveLength(1);
    expect(ctx.response!.status).toBe(429);
  });

  it('never retries other failures', async () => {
    for (const status of [400, 401, 403, 404, 409, 412, 500]) {
      const next = new Scripted(async () => answer(status));
      const ctx: Context = { request: 'http://x/a', options: {} };
      await chain(next, []).execute(ctx);
      expect(next.seen).toHaveLength(1);
    }
  });

  it('abandons an attempt at its deadline and retries; after the last one it fails with a coded error', async () => {
    const next = new Scripted(
      (_n, context) =>
        new Promise((_resolve, reject) =>
          context.options!.signal!.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
          ),
        ),
    );
    const ctx: Context = { request: 'http://x/a', options: {} };
    const error = await chain(next, [])
      .execute(ctx)
      .catch((e: unknown) => e);
    expect(next.seen).toHaveLength(4);
    expect(error).toBeInstanceOf(GraphClientError);
    expect((error as GraphClientError).customError).toBeInstanceOf(UpstreamError);
    expect(((error as GraphClientError).customError as UpstreamError).code).toBe('GRAPH_TIMEOUT');
  });

  it('retries network failures', async () => {
    const next = new Scripted(async (n) => {
      if (n < 3) throw new TypeError('fetch failed');
      return answer(200);
    });
    const ctx: Context = { request: 'http://x/a', options: {} };
    await chain(next, []).execute(ctx);
    expect(ctx.response!.status).toBe(200);
    expect(next.seen).toHaveLength(3);
  });

  it('reads the body within the deadline, so a slow body cannot outlive it', async () => {
    const next = new Scripted(async () => answer(200));
    const ctx: Context = { request: 'http://x/a', options: {} };
    await chain(next, []).execute(ctx);
    expect(await ctx.response!.text()).toBe('{}');
    const empty = new Scripted(async () => answer(204));
    const ctx2: Context = { request: 'http://x/a', options: {} };
    await chain(empty, []).execute(ctx2);
    expect(ctx2.response!.status).toBe(204);
  });
});

describe('BearerTokenMiddleware', () => {
  it('asks for the token on every attempt and sends it', async () => {
    let n = 0;
    const m = new BearerTokenMiddleware(async () => `token-${++n}`);
    const next = new Scripted(async () => answer(200));
    m.setNext(next);
    await m.execute({ request: 'http://x', options: { headers: {} } });
    await m.execute({ request: 'http://x', options: { headers: {} } });
    expect(next.seen.map((h) => h.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('keeps a token service’s domain error (consent needed) as it is', async () => {
    const consent = new AuthenticationError('CONSENT_REQUIRED', 'Consent needed.');
    const m = new BearerTokenMiddleware(async () => {
      throw consent;
    });
    const error = await m.execute({ request: 'http://x', options: {} }).catch((e: unknown) => e);
    expect((error as GraphClientError).customError).toBe(consent);
  });

  it('turns any other token failure into an upstream error', async () => {
    const m = new BearerTokenMiddleware(async () => {
      throw new Error('msal exploded');
    });
    const error = await m.execute({ request: 'http://x', options: {} }).catch((e: unknown) => e);
    expect(((error as GraphClientError).customError as UpstreamError).code).toBe('TOKEN_UNAVAILABLE');
  });
});
