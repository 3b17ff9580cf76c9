import { ApiClient, ApiError, detectMode, type TokenRequest } from '../../../core/api/browser-client.js';
import { SignInError } from '../../../core/api/browser-sign-in.js';

/**
 * The one browser client, as the tab and the Word pane both use it. The fetch here answers like the
 * server (README "The API"): coded error bodies, ETags, Retry-After, 304 for an unchanged stage view.
 */

const ID = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  keepalive: boolean | undefined;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 304 || body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A fetch answering from `answer` and recording each request. */
function scripted(answer: (sent: Sent, n: number) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const request: Sent = {
      url,
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      keepalive: init?.keepalive,
    };
    sent.push(request);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return answer(request, sent.length);
  };
  return { fetch, sent };
}

/** A token source that records what it was asked for and answers tok-1, tok-2, … */
function tokens() {
  const asked: (TokenRequest | undefined)[] = [];
  const getToken = async (request?: TokenRequest) => {
    asked.push(request);
    return `tok-${asked.length}`;
  };
  return { getToken, asked };
}

const unauthenticated = () =>
  json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in again.', correlationId: 'c-9' } });
const consentRequired = () =>
  json(401, { error: { code: 'CONSENT_REQUIRED', message: 'Consent is needed.' } });

describe('the browser API client: requests', () => {
  it('sends a small save keepalive, so the save made as the page is left is not cancelled; a large one as usual', async () => {
    const { fetch, sent } = scripted(() => json(200, { id: ID }, { ETag: '"2"' }));
    const api = new ApiClient({ getToken: async () => 'tok', fetch });
    await api.replaceAssessment(ID, { notes: 'short' }, '"1"');
    // Over the browser's keepalive allowance (64 KiB in flight): a keepalive request that size is refused.
    await api.replaceAssessment(ID, { notes: 'x'.repeat(70 * 1024) }, '"2"');
    await api.getAssessment(ID);
    expect(sent.map((s) => [s.method, s.keepalive])).toEqual([
      ['PUT', true],
      ['PUT', false],
      ['GET', undefined],
    ]);
  });

  it('posts a classification to /api/classify and returns the server’s placement', async () => {
    const placement = {
      level: 'abusive',
      reasons: ['r'],
      actions: ['refer-csc'],
      notes: [],
      rules: [],
      note: 'n',
    };
    const { fetch, sent } = scripted(() => json(200, placement));
    const api = new ApiClient({ getToken: async () => 'tok', fetch });
    const input = {
      children: [{ age: 12 }],
      seen: ['sexual-acts' as const],
      consent: 'mutual' as const,
      power: 'equal' as const,
      frequency: 'once' as const,
    };
    expect(await api.classify(input)).toEqual(placement);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/classify', body: input });
  });

  it('sends the bearer token, If-Match and a JSON body, and builds list queries', async () => {
    const { fetch, sent } = scripted(() => json(200, { id: ID, items: [] }, { ETag: '"v8"' }));
    const api = new ApiClient({ getToken: async () => 'tok', fetch });
    await api.replaceAssessment(ID, { learner: { name: 'x' } }, '"v7"');
    await api.listAssessments({ status: ['draft', 'active'], dueWithinDays: 14 });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: `/api/assessments/${ID}`,
      headers: { Authorization: 'Bearer tok', 'If-Match': '"v7"', 'Content-Type': 'application/json' },
      body: { learner: { name: 'x' } },
    });
    expect(sent[1]).toMatchObject({
      method: 'GET',
      url: '/api/assessments?status=draft%2Cactive&dueWithinDays=14',
      headers: { Authorization: 'Bearer tok' },
    });
  });

  it('sends no Authorization header without a token (local mode)', async () => {
    const { fetch, sent } = scripted(() => json(200, { displayName: 'Local', mode: 'local', kind: 'local' }));
    await new ApiClient({ fetch }).me();
    await new ApiClient({ fetch, getToken: async () => undefined }).me();
    expect(sent.map((s) => s.headers.Authorization)).toEqual([undefined, undefined]);
  });

  it('names the safeguarding team as it is at each call, and none until one is known', async () => {
    const { fetch, sent } = scripted(() => json(200, { items: [] }));
    const chosen: { team?: string } = {};
    const api = new ApiClient({ fetch, team: () => chosen.team });
    await api.listAssessments();
    chosen.team = 'group-1';
    await api.listAssessments();
    expect(sent.map((s) => s.headers['X-Safeguarding-Team'])).toEqual([undefined, 'group-1']);
  });

  it('keeps ids in the path, encoded, and search text only in the clause query', async () => {
    const { fetch, sent } = scripted(() => json(200, { items: [] }, { ETag: '"v1"' }));
    const api = new ApiClient({ fetch });
    await api.getAssessment('a/b');
    await api.clauses({ kind: 'policy', q: ' nudes ', section: undefined });
    expect(sent.map((s) => s.url)).toEqual(['/api/assessments/a%2Fb', '/api/clauses?kind=policy&q=nudes']);
  });

  it('returns a record with its ETag, and refuses one without', async () => {
    const ok = scripted(() => json(200, { id: ID }, { ETag: '"v3"' }));
    expect(await new ApiClient({ fetch: ok.fetch }).getAssessment(ID)).toEqual({
      record: { id: ID },
      etag: '"v3"',
    });
    const bad = scripted(() => json(200, { id: ID }));
    await expect(new ApiClient({ fetch: bad.fetch }).getAssessment(ID)).rejects.toMatchObject({
      code: 'NO_ETAG',
    });
  });

  it('asks for the stage view only if it changed, and says when it did not', async () => {
    const { fetch, sent } = scripted((req) =>
      req.headers['If-None-Match'] === '"stage-3"'
        ? json(304, undefined)
        : json(200, { caseRef: 'HSB-2026-0001' }, { ETag: '"stage-3"' }),
    );
    const api = new ApiClient({ fetch });
    expect(await api.stageView(ID)).toEqual({
      unchanged: false,
      view: { caseRef: 'HSB-2026-0001' },
      etag: '"stage-3"',
    });
    expect(await api.stageView(ID, '"stage-3"')).toEqual({ unchanged: true });
    expect(sent[1]!.headers['If-None-Match']).toBe('"stage-3"');
  });

  it('fetches content once per page, but again after a failure', async () => {
    const { fetch, sent } = scripted((_req, n) =>
      n === 1 ? json(503, { error: { code: 'BUSY', message: 'Busy.' } }) : json(200, { terms: [] }),
    );
    const api = new ApiClient({ fetch });
    await expect(api.languageGuide()).rejects.toMatchObject({ code: 'BUSY' });
    await Promise.all([api.languageGuide(), api.languageGuide()]);
    await api.languageGuide();
    expect(sent).toHaveLength(2);
  });

  it('uses a prefetched record once, then reads the current one', async () => {
    const { fetch, sent } = scripted((_req, n) => json(200, { id: ID, n }, { ETag: `"v${n}"` }));
    const api = new ApiClient({ fetch });
    api.prefetchAssessment(ID);
    expect((await api.getAssessment(ID)).etag).toBe('"v1"');
    expect((await api.getAssessment(ID)).etag).toBe('"v2"');
    expect(sent).toHaveLength(2);
  });
});

describe('the browser API client: errors', () => {
  it('keeps the current ETag of a 412, the correlation id and the server’s sentence', async () => {
    const { fetch } = scripted(() =>
      json(
        412,
        { error: { code: 'ETAG_MISMATCH', message: 'Someone else has saved.', correlationId: 'c-1' } },
        { ETag: '"v9"' },
      ),
    );
    const stale = await new ApiClient({ fetch }).replaceAssessment(ID, {}, '"v7"').catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({
      status: 412,
      code: 'ETAG_MISMATCH',
      currentEtag: '"v9"',
      correlationId: 'c-1',
      message: 'Someone else has saved.',
    });
  });

  it('reads Retry-After on a 429 as seconds or as a date', async () => {
    const { fetch } = scripted(() =>
      json(429, { error: { code: 'RATE_LIMITED', message: 'Too many.' } }, { 'Retry-After': '3' }),
    );
    expect(await new ApiClient({ fetch }).listAssessments().catch((e: unknown) => e)).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      retryAfterMs: 3000,
    });
    const at = scripted(() =>
      json(
        503,
        { error: { code: 'GRAPH_TOKEN_FAILED', message: 'Busy.' } },
        { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() },
      ),
    );
    const later = (await new ApiClient({ fetch: at.fetch }).me().catch((e: unknown) => e)) as ApiError;
    expect(later.retryAfterMs).toBeGreaterThan(55_000);
    expect(later.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('turns a proxy’s page into a coded error without its text, and keeps only well-formed details', async () => {
    const { fetch } = scripted((_req, n) =>
      n === 1
        ? new Response('<html>proxy error at 10.0.0.1</html>', { status: 502 })
        : json(400, {
            error: {
              code: 'VALIDATION',
              message: 'Check the form.',
              details: [{ path: 'learner.name', problem: 'required' }, { path: 3 }, 'junk'],
            },
          }),
    );
    const api = new ApiClient({ fetch });
    const proxy = await api.me().catch((e: unknown) => e);
    expect(proxy).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect((proxy as Error).message).not.toContain('proxy');
    expect(await api.createAssessment({}).catch((e: unknown) => e)).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'learner.name', problem: 'required' }],
    });
  });

  it('reports a network failure as NETWORK, without the browser’s message, but lets an abort through', async () => {
    const api = new ApiClient({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch http://x')),
    });
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
    expect((error as Error).message).not.toContain('http://x');

    const { fetch } = scripted(() => json(200, { items: [] }));
    const controller = new AbortController();
    controller.abort();
    const aborted = await new ApiClient({ fetch }).clauses({}, controller.signal).catch((e: unknown) => e);
    expect(aborted).not.toBeInstanceOf(ApiError);
    expect((aborted as Error).name).toBe('AbortError');
  });
});

describe('the browser API client: sign-in', () => {
  it('retries once with a fresh token when the server refuses one', async () => {
    const { fetch, sent } = scripted((_req, n) => (n === 1 ? unauthenticated() : json(200, { items: [] })));
    const { getToken, asked } = tokens();
    await expect(new ApiClient({ fetch, getToken }).listAssessments()).resolves.toEqual([]);
    expect(asked).toEqual([undefined, { reason: 'rejected' }]);
    expect(sent.map((s) => s.headers.Authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('asks for consent (an interactive token) on 401 CONSENT_REQUIRED, then retries', async () => {
    const { fetch } = scripted((_req, n) => (n === 1 ? consentRequired() : json(200, { items: [] })));
    const { getToken, asked } = tokens();
    await new ApiClient({ fetch, getToken }).listAssessments();
    expect(asked).toEqual([undefined, { reason: 'consent' }]);
  });

  it('passes a claims challenge from WWW-Authenticate on to the token request', async () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    const header = `Bearer realm="", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`;
    const inHeader = scripted((_req, n) =>
      n === 1
        ? json(401, { error: { code: 'UNAUTHENTICATED' } }, { 'WWW-Authenticate': header })
        : json(200, { items: [] }),
    );
    const { getToken, asked } = tokens();
    await new ApiClient({ fetch: inHeader.fetch, getToken }).listAssessments();
    expect(asked).toEqual([undefined, { reason: 'consent', claims }]);
  });

  it('keeps the server’s CONSENT_REQUIRED when no prompt could open without a click, so the user is offered one', async () => {
    const { fetch, sent } = scripted(() => consentRequired());
    const reported: string[] = [];
    const api = new ApiClient({
      fetch,
      getToken: async (request) => {
        if (request) throw new SignInError('UNAVAILABLE');
        return 'tok';
      },
      onAuthProblem: (e) => reported.push(e.code),
    });
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'CONSENT_REQUIRED' });
    expect(sent).toHaveLength(1);
    expect(reported).toEqual(['CONSENT_REQUIRED']);
  });

  it('retries only once: a second refusal is reported, not looped on', async () => {
    const { fetch, sent } = scripted(() => unauthenticated());
    const { getToken, asked } = tokens();
    const reported: string[] = [];
    const api = new ApiClient({ fetch, getToken, onAuthProblem: (e) => reported.push(e.code) });
    await expect(api.me()).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      correlationId: 'c-9',
    });
    expect(sent).toHaveLength(2);
    expect(asked).toHaveLength(2);
    expect(reported).toEqual(['UNAUTHENTICATED']);
  });

  it('does not ask for a token at all in local mode, even on a 401', async () => {
    const { fetch, sent } = scripted(() => unauthenticated());
    await expect(new ApiClient({ fetch }).me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(sent).toHaveLength(1);
  });

  it('reports access problems whichever call met them, and nothing else', async () => {
    const { fetch } = scripted((_req, n) =>
      n === 1
        ? json(403, { error: { code: 'NOT_A_MEMBER', message: 'Not in the team.' } })
        : n === 2
          ? json(400, { error: { code: 'TEAM_REQUIRED', message: 'Which team?' } })
          : json(404, { error: { code: 'NOT_FOUND', message: 'No such record.' } }),
    );
    const reported: string[] = [];
    const api = new ApiClient({
      fetch,
      getToken: async () => 't',
      onAuthProblem: (e) => reported.push(e.code),
    });
    for (const call of [
      () => api.listAssessments(),
      () => api.listAssessments(),
      () => api.getAssessment(ID),
    ]) {
      await call().catch(() => undefined);
    }
    expect(reported).toEqual(['NOT_A_MEMBER', 'TEAM_REQUIRED']);
  });

  it('turns a token that could not be had into a 401 the front ends explain, without calling the server', async () => {
    const { fetch, sent } = scripted(() => json(200, {}));
    const reported: ApiError[] = [];
    const failing = (error: unknown) =>
      new ApiClient({
        fetch,
        getToken: async () => Promise.reject(error),
        onAuthProblem: (e) => reported.push(e),
      });
    await expect(failing(new SignInError('CONSENT_REQUIRED')).me()).rejects.toMatchObject({
      status: 401,
      code: 'CONSENT_REQUIRED',
    });
    await expect(failing(new SignInError('CANCELLED')).me()).rejects.toMatchObject({
      status: 401,
      code: 'SIGN_IN_CANCELLED',
      message: new SignInError('CANCELLED').message,
    });
    const odd = await failing(new Error('AADSTS50011: redirect mismatch for user@school.org'))
      .me()
      .catch((e: unknown) => e);
    expect(odd).toMatchObject({ status: 401, code: 'SIGN_IN_FAILED' });
    expect((odd as Error).message).not.toContain('AADSTS');
    expect(sent).toHaveLength(0);
    expect(reported.map((e) => e.code)).toEqual(['CONSENT_REQUIRED', 'SIGN_IN_CANCELLED', 'SIGN_IN_FAILED']);
  });
});

describe('detectMode', () => {
  it('learns the mode from GET /api/me without a token', async () => {
    expect(await detectMode(scripted(() => json(200, { mode: 'local' })).fetch)).toBe('local');
    expect(await detectMode(scripted(() => unauthenticated()).fetch)).toBe('m365');
    await expect(detectMode(async () => Promise.reject(new TypeError('offline')))).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});
