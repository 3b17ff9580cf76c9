import { describe, expect, it } from '@jest/globals';
import { ApiClient, ApiError } from '../../tab/src/api/api-client';
import { json, scriptedFetch } from './support/http';

const ID = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';

describe('ApiClient', () => {
  it('sends the bearer token on every call and If-Match on replace', async () => {
    const { fetch, sent } = scriptedFetch(() => json(200, { id: ID }, { ETag: '"v8"' }));
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
      url: '/api/assessments?status=draft%2Cactive&dueWithinDays=14',
      headers: { Authorization: 'Bearer tok' },
    });
  });

  it('names the safeguarding team from the Teams context when it knows it', async () => {
    const { fetch, sent } = scriptedFetch(() => json(200, { items: [] }));
    await new ApiClient({ getToken: async () => 'tok', fetch, teamId: 'group-1' }).listAssessments();
    expect(sent[0]!.headers['X-Safeguarding-Team']).toBe('group-1');
  });

  it('sends no Authorization header in local mode', async () => {
    const { fetch, sent } = scriptedFetch(() =>
      json(200, { displayName: 'Local', mode: 'local', kind: 'local' }),
    );
    await new ApiClient({ getToken: async () => undefined, fetch }).me();
    expect(sent[0]!.headers).not.toHaveProperty('Authorization');
  });

  it('returns the record with its ETag, and refuses a response without one', async () => {
    const ok = scriptedFetch(() => json(200, { id: ID }, { ETag: '"v3"' }));
    expect(
      await new ApiClient({ getToken: async () => undefined, fetch: ok.fetch }).getAssessment(ID),
    ).toEqual({
      record: { id: ID },
      etag: '"v3"',
    });
    const bad = scriptedFetch(() => json(200, { id: ID }));
    await expect(
      new ApiClient({ getToken: async () => undefined, fetch: bad.fetch }).getAssessment(ID),
    ).rejects.toMatchObject({ code: 'NO_ETAG' });
  });

  it('turns coded errors into ApiError, keeping the current ETag of a 412 and Retry-After', async () => {
    const { fetch } = scriptedFetch((req) =>
      req.method === 'PUT'
        ? json(
            412,
            { error: { code: 'ETAG_MISMATCH', message: 'Someone else has saved.', correlationId: 'c-1' } },
            { ETag: '"v9"' },
          )
        : json(429, { error: { code: 'RATE_LIMITED', message: 'Too many.' } }, { 'Retry-After': '3' }),
    );
    const api = new ApiClient({ getToken: async () => undefined, fetch });
    const stale = await api.replaceAssessment(ID, {}, '"v7"').catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({
      status: 412,
      code: 'ETAG_MISMATCH',
      currentEtag: '"v9"',
      correlationId: 'c-1',
      message: 'Someone else has saved.',
    });
    expect(await api.listAssessments().catch((e: unknown) => e)).toMatchObject({
      status: 429,
      retryAfterMs: 3000,
    });
  });

  it('reports a network failure as NETWORK, without the browser’s message', async () => {
    const api = new ApiClient({
      getToken: async () => undefined,
      fetch: async () => Promise.reject(new TypeError('Failed to fetch http://x')),
    });
    expect(await api.me().catch((e: unknown) => e)).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('tells the session about every sign-in problem, including a token Teams could not give', async () => {
    const reported: string[] = [];
    const { fetch } = scriptedFetch(() =>
      json(403, { error: { code: 'NOT_A_MEMBER', message: 'Not in the team.' } }),
    );
    const api = new ApiClient({
      getToken: async () => 't',
      fetch,
      onAuthProblem: (e) => reported.push(e.code),
    });
    await api.me().catch(() => undefined);
    const noToken = new ApiClient({
      getToken: async () => Promise.reject(new Error('resourceRequiresConsent')),
      tokenError: () => new ApiError(401, 'CONSENT_REQUIRED', 'Consent needed.'),
      fetch,
      onAuthProblem: (e) => reported.push(e.code),
    });
    await expect(noToken.me()).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(reported).toEqual(['NOT_A_MEMBER', 'CONSENT_REQUIRED']);
  });

  it('asks for the stage view only if it changed, and says when it did not', async () => {
    const { fetch, sent } = scriptedFetch((req) =>
      req.headers['If-None-Match'] === '"stage-3"'
        ? json(304, undefined)
        : json(200, { caseRef: 'HSB-2026-0001' }, { ETag: '"stage-3"' }),
    );
    const api = new ApiClient({ getToken: async () => undefined, fetch });
    const first = await api.stageView(ID);
    expect(first).toEqual({ unchanged: false, view: { caseRef: 'HSB-2026-0001' }, etag: '"stage-3"' });
    expect(await api.stageView(ID, '"stage-3"')).toEqual({ unchanged: true });
    expect(sent[1]!.headers['If-None-Match']).toBe('"stage-3"');
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
    const { fetch, sent } = scriptedFetch(() => json(200, placement));
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

  it('fetches content once per page', async () => {
    const { fetch, sent } = scriptedFetch(() => json(200, { terms: [] }));
    const api = new ApiClient({ getToken: async () => undefined, fetch });
    await Promise.all([api.languageGuide(), api.languageGuide()]);
    await api.languageGuide();
    expect(sent).toHaveLength(1);
  });
});
