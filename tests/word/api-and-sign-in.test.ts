import { ApiError, createApiClient, detectMode } from '../../word-addin/src/api/api-client.js';
import {
  officeDialogSignIn,
  officeTokens,
  tokenExpiry,
  windowTokens,
} from '../../word-addin/src/auth/office-sign-in.js';
import { parseSignInMessage, SignInError } from '../../word-addin/src/auth/sign-in-error.js';
import {
  authorizeUrl,
  codeChallenge,
  pendingSignIn,
  readRedirect,
  tokenRequest,
} from '../../word-addin/src/auth/sign-in-flow.js';
import fc from 'fast-check';
import { schoolProfileSchema } from '../../core/content/schema.js';
import { profileVariables } from '../../core/content/school-profile.js';
import {
  browserProfileStore,
  isSchoolProfile,
  PROFILE_KEY,
} from '../../word-addin/src/settings/profile-store.js';
import { CANARY_LEARNER } from './fixtures/assessment.js';
import { FakeSettings, settingsStore } from './fixtures/fake-services.js';

type Call = { url: string; auth: string | null };

/** A fetch answering from a script of responses, recording what was sent. */
function scriptedFetch(...responses: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch = jest.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    const next = responses.shift();
    if (!next) throw new TypeError('network down');
    return next();
  });
  return { fetch, calls };
}

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(payload)}.sig`;
}

describe('the API client', () => {
  it('sends no Authorization in local mode and builds the clause query', async () => {
    const { fetch, calls } = scriptedFetch(json(200, { items: [] }));
    await createApiClient({ fetch, getToken: async () => undefined }).clauses({
      kind: 'policy',
      q: ' nudes ',
    });
    expect(calls).toEqual([{ url: '/api/clauses?kind=policy&q=nudes', auth: null }]);
  });

  it('asks for consent once on 401 CONSENT_REQUIRED, passing the claims challenge, then retries', async () => {
    const { fetch, calls } = scriptedFetch(
      json(401, { error: { code: 'CONSENT_REQUIRED', message: 'Consent is needed.', claims: '{"x":1}' } }),
      json(200, { items: [{ id: 'a' }] }),
    );
    const getToken = jest.fn(async (request?: { reason?: string }) => (request?.reason ? 'fresh' : 'first'));
    await expect(createApiClient({ fetch, getToken }).assessments()).resolves.toEqual([{ id: 'a' }]);
    expect(getToken.mock.calls).toEqual([[undefined], [{ reason: 'consent', claims: '{"x":1}' }]]);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer first', 'Bearer fresh']);
  });

  it('turns refusals into coded errors with the server’s safe message, and network failures into NETWORK', async () => {
    const { fetch } = scriptedFetch(
      json(403, { error: { code: 'NOT_A_MEMBER', message: 'Not in the team.', correlationId: 'c-1' } }),
      () => new Response('<html>proxy error</html>', { status: 502 }),
    );
    const api = createApiClient({ fetch });
    await expect(api.assessments()).rejects.toMatchObject({
      status: 403,
      code: 'NOT_A_MEMBER',
      correlationId: 'c-1',
    });
    const e = await api.assessment('x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect((e as Error).message).not.toContain('proxy');
    await expect(api.language()).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('names the chosen safeguarding team in a header, once one is chosen', async () => {
    const { fetch } = scriptedFetch(json(200, { items: [] }), json(200, { items: [] }));
    const chosen: { team?: string } = {};
    const api = createApiClient({ fetch, team: () => chosen.team });
    await api.assessments();
    chosen.team = 'g-1';
    await api.assessments();
    const headers = fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get('x-safeguarding-team'));
    expect(headers).toEqual([null, 'g-1']);
  });

  it('keeps ids in the path and encodes them', async () => {
    const { fetch, calls } = scriptedFetch(json(200, {}));
    await createApiClient({ fetch }).assessment('a/b');
    expect(calls[0]!.url).toBe('/api/assessments/a%2Fb');
  });

  it('learns the mode from GET /api/me', async () => {
    expect(await detectMode(scriptedFetch(json(200, { mode: 'local' })).fetch)).toBe('local');
    expect(await detectMode(scriptedFetch(json(401, { error: { code: 'UNAUTHENTICATED' } })).fetch)).toBe(
      'm365',
    );
  });
});

describe('Office sign-in', () => {
  const sso = (impl: (o: Office.AuthOptions) => Promise<string>) => ({ getAccessToken: jest.fn(impl) });

  it('uses Office SSO with sign-in and consent prompts, and the claims challenge when given', async () => {
    const auth = sso(async () => 'sso-token');
    const fallback = jest.fn();
    const get = officeTokens(auth, fallback);
    await expect(get()).resolves.toBe('sso-token');
    await get({ reason: 'consent', claims: 'c' });
    expect(auth.getAccessToken.mock.calls).toEqual([
      [{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true }],
      [{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true, authChallenge: 'c' }],
    ]);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('falls back to the sign-in dialog when SSO is unavailable (13xxx), and stays on it', async () => {
    const auth = sso(async () => Promise.reject(Object.assign(new Error('x'), { code: 13003 })));
    const fallback = jest.fn(async () => 'dialog-token');
    const get = officeTokens(auth, fallback);
    await expect(get()).resolves.toBe('dialog-token');
    await expect(get()).resolves.toBe('dialog-token');
    expect(auth.getAccessToken).toHaveBeenCalledTimes(1);
  });

  it('treats a cancelled prompt (13002) as cancelled, not as a reason to open another window', async () => {
    const fallback = jest.fn();
    const get = officeTokens(
      sso(async () => Promise.reject({ code: 13002 })),
      fallback,
    );
    await expect(get()).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fallback).not.toHaveBeenCalled();
  });

  it('opens the dialog for consent Office cannot give itself', async () => {
    const fallback = jest.fn(async () => 'consented');
    const get = officeTokens(
      sso(async () => 'sso'),
      fallback,
    );
    await expect(get({ reason: 'consent' })).resolves.toBe('consented');
    expect(fallback).toHaveBeenCalledWith({ reason: 'consent' });
  });

  it('caches a window token until shortly before it expires, and shares one window between callers', async () => {
    let now = 1_000_000_000_000;
    const token = jwt({ exp: now / 1000 + 3600 });
    const open = jest.fn(async () => token);
    const get = windowTokens(open, 'https://app/word/sign-in.html', () => now);
    await Promise.all([get(), get(), get()]);
    expect(open).toHaveBeenCalledTimes(1);
    await get();
    expect(open).toHaveBeenCalledTimes(1);
    now += 3600_000 - 60_000;
    await get();
    expect(open).toHaveBeenCalledTimes(2);
    await get({ reason: 'consent' });
    expect(open).toHaveBeenLastCalledWith('https://app/word/sign-in.html?prompt=consent');
    expect(tokenExpiry('not-a-jwt')).toBe(0);
  });

  it('drives an Office dialog and reads its message', async () => {
    const handlers = new Map<string, (arg: unknown) => void>();
    const dialog = {
      close: jest.fn(),
      addEventHandler: jest.fn((t: string, h: (arg: unknown) => void) => handlers.set(t, h)),
    };
    const office = {
      EventType: {
        DialogMessageReceived: 'dialogMessageReceived',
        DialogEventReceived: 'dialogEventReceived',
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        ui: {
          displayDialogAsync: jest.fn((_url: string, _o: unknown, cb: (r: unknown) => void) =>
            cb({ status: 'succeeded', value: dialog }),
          ),
        },
      },
    } as unknown as Parameters<typeof officeDialogSignIn>[0];
    const pending = officeDialogSignIn(office)('https://app/word/sign-in.html');
    handlers.get('dialogMessageReceived')!({
      message: JSON.stringify({ type: 'hsb-sign-in', status: 'token', token: 't' }),
    });
    await expect(pending).resolves.toBe('t');
    expect(dialog.close).toHaveBeenCalled();

    const closed = officeDialogSignIn(office)('https://app/word/sign-in.html');
    handlers.get('dialogEventReceived')!({ error: 12006 });
    await expect(closed).rejects.toEqual(new SignInError('CANCELLED'));
  });

  it('accepts only well-formed sign-in messages', () => {
    expect(parseSignInMessage('{"type":"hsb-sign-in","status":"token","token":"t"}')).toMatchObject({
      token: 't',
    });
    expect(parseSignInMessage({ type: 'hsb-sign-in', status: 'error', code: 'NOPE' })).toBeNull();
    expect(parseSignInMessage('not json')).toBeNull();
    expect(parseSignInMessage({ type: 'other', status: 'token', token: 't' })).toBeNull();
  });
});

describe('the sign-in page flow (authorization code with PKCE)', () => {
  it('computes the RFC 7636 S256 challenge', async () => {
    // RFC 7636, appendix B.
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', crypto.subtle)).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('asks Entra for the API with the Office SSO Application ID URI convention', () => {
    let n = 0;
    const p = pendingSignIn(
      { mode: 'm365', clientId: 'cid' },
      'https://hsb.example.org',
      'hsb.example.org',
      () => `r${++n}`,
    );
    expect(p).toMatchObject({
      state: 'r1',
      verifier: 'r2',
      authority: 'https://login.microsoftonline.com/organizations',
      scope: 'api://hsb.example.org/cid/.default openid profile offline_access',
      redirectUri: 'https://hsb.example.org/word/sign-in.html',
    });
    const url = new URL(authorizeUrl(p, 'challenge', 'consent'));
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'cid',
      response_type: 'code',
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
      state: 'r1',
      prompt: 'consent',
    });
    expect(tokenRequest(p, 'the-code').body.get('code_verifier')).toBe('r2');
    const withTenant = pendingSignIn(
      { mode: 'm365', clientId: 'cid', tenantId: 't1', appIdUri: 'api://x' },
      'o',
      'h',
      () => 'r',
    );
    expect(withTenant).toMatchObject({
      authority: 'https://login.microsoftonline.com/t1',
      scope: 'api://x/.default openid profile offline_access',
    });
    expect(() => pendingSignIn({ mode: 'local' }, 'o', 'h', () => 'r')).toThrow();
  });

  it('accepts a code only with the state it sent', () => {
    const p = pendingSignIn({ mode: 'm365', clientId: 'cid' }, 'o', 'h', () => 'S');
    expect(readRedirect('', p)).toBeNull();
    expect(readRedirect('?code=c&state=S', p)).toEqual({ code: 'c' });
    expect(readRedirect('?code=c&state=forged', p)).toEqual({ failure: 'FAILED' });
    expect(readRedirect('?code=c&state=S', undefined)).toEqual({ failure: 'FAILED' });
    expect(readRedirect('?error=access_denied&state=S', p)).toEqual({ failure: 'CANCELLED' });
  });
});

describe('where the school profile is kept', () => {
  it('stores only the school-profile fields in the document settings', async () => {
    const settings = new FakeSettings();
    const store = settingsStore(settings);
    await store.save({ schoolName: ' Oakfield ', dslName: '  ' });
    expect(settings.values.get(PROFILE_KEY)).toEqual({ schoolName: 'Oakfield' });
    const smuggled = { schoolName: 'Oakfield', learnerName: CANARY_LEARNER } as unknown as Record<
      string,
      string
    >;
    await expect(store.save(smuggled)).rejects.toThrow();
    expect(JSON.stringify([...settings.values])).not.toContain(CANARY_LEARNER);
    // Anything unexpected read back from a document is ignored, not trusted.
    settings.set(PROFILE_KEY, { schoolName: 'X', note: CANARY_LEARNER });
    expect(store.load()).toEqual({});
  });

  it('accepts exactly what the content schema accepts', () => {
    const key = fc.oneof(fc.constantFrom(...profileVariables), fc.string({ maxLength: 12 }));
    const value = fc.oneof(
      fc.string({ maxLength: 210 }),
      fc.string({ maxLength: 20 }).map((s) => ` ${s}${' '.repeat(190)} `),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(key, value, { maxKeys: 4 }), fc.anything()), (candidate) => {
        expect(isSchoolProfile(candidate)).toBe(schoolProfileSchema.safeParse(candidate).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the profile in browser storage in preview mode, and copes without storage', async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    await browserProfileStore(storage).save({ dslName: 'Priya Shah' });
    expect(browserProfileStore(storage).load()).toEqual({ dslName: 'Priya Shah' });
    const none = browserProfileStore(undefined);
    await none.save({ dslName: 'A' });
    expect(none.load()).toEqual({ dslName: 'A' });
  });
});
