import { ApiClient } from '../../../core/api/browser-client.js';
import {
  apiScopes,
  loadSignInSettings,
  msalConfiguration,
  msalTokens,
  signInFailure,
  SignInError,
  type MsalClient,
  type MsalTokenRequest,
} from '../../../core/api/browser-sign-in.js';

const SCOPES = ['api://hsb.example.org/cid/.default'];

/**
 * MSAL as the front ends see it: an in-memory account and token cache. Silent calls answer from the
 * cache (or the host, for ssoSilent) and fail as MSAL does (`errorCode`) when the user must act; the
 * pop-up signs in (consenting if asked), unless the user closes it.
 */
class FakeMsal implements MsalClient {
  readonly calls: { method: string; request: MsalTokenRequest }[] = [];
  private active: { username: string } | null = null;
  private issued = 0;
  /** Whether the host/IdP session can answer silently (NAA host signed in, consent given). */
  session = true;
  /** How the next pop-up ends. */
  popup: 'ok' | 'cancel' | 'blocked' = 'ok';
  /** Set by the server's world: a token older than this needs an interactive refresh. */
  needsInteraction = false;

  private result(kind: string) {
    this.issued += 1;
    return { accessToken: `${kind}-${this.issued}`, account: { username: 'dsl@school.example' } };
  }

  async acquireTokenSilent(request: MsalTokenRequest) {
    this.calls.push({ method: 'silent', request });
    if (!request.account) throw Object.assign(new Error('no account'), { errorCode: 'no_account_error' });
    if (this.needsInteraction) {
      throw Object.assign(new Error('AADSTS65001'), { errorCode: 'interaction_required' });
    }
    return this.result('silent');
  }

  async ssoSilent(request: MsalTokenRequest) {
    this.calls.push({ method: 'ssoSilent', request });
    if (!this.session || this.needsInteraction) {
      throw Object.assign(new Error('login'), { errorCode: 'login_required' });
    }
    return this.result('sso');
  }

  async acquireTokenPopup(request: MsalTokenRequest) {
    this.calls.push({ method: 'popup', request });
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.popup === 'cancel') throw Object.assign(new Error('closed'), { errorCode: 'user_cancelled' });
    if (this.popup === 'blocked')
      throw Object.assign(new Error('blocked'), { errorCode: 'popup_window_error' });
    this.needsInteraction = false;
    return this.result('popup');
  }

  getActiveAccount() {
    return this.active;
  }

  setActiveAccount(account: { username: string } | null) {
    this.active = account;
  }

  methods() {
    return this.calls.map((c) => c.method);
  }
}

describe('tokens from MSAL', () => {
  it('signs in silently through the host first, then answers from MSAL’s cache for that account', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, loginHint: 'dsl@school.example', ssoSilent: true });
    expect(await get()).toBe('sso-1');
    expect(await get()).toBe('silent-2');
    expect(msal.calls[0]).toEqual({
      method: 'ssoSilent',
      request: { scopes: SCOPES, loginHint: 'dsl@school.example' },
    });
    expect(msal.calls[1]!.request.account).toEqual({ username: 'dsl@school.example' });
  });

  it('opens the sign-in prompt when silent sign-in cannot answer', async () => {
    const msal = new FakeMsal();
    msal.session = false;
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: true });
    expect(await get()).toBe('popup-1');
    expect(msal.methods()).toEqual(['ssoSilent', 'popup']);
  });

  it('goes straight to the pop-up without an account where silent sign-in would need an Entra frame', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: false });
    expect(await get()).toBe('popup-1');
    expect(msal.methods()).toEqual(['popup']);
  });

  it('asks for consent interactively when the server asked for it, with Entra’s consent page', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: true });
    await get();
    expect(await get({ reason: 'consent' })).toBe('popup-2');
    expect(msal.calls.at(-1)).toEqual({ method: 'popup', request: { scopes: SCOPES, prompt: 'consent' } });
  });

  it('meets a claims challenge interactively, passing the claims and no consent prompt', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: true });
    await get({ reason: 'consent', claims: '{"access_token":{}}' });
    expect(msal.calls).toEqual([
      { method: 'popup', request: { scopes: SCOPES, claims: '{"access_token":{}}' } },
    ]);
  });

  it('refreshes a token the server refused rather than sending it again', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: true });
    await get();
    await get({ reason: 'rejected' });
    expect(msal.calls.at(-1)).toMatchObject({ method: 'silent', request: { forceRefresh: true } });
  });

  it('opens one prompt for several calls that need it at once', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: false });
    const answers = await Promise.all([get(), get(), get({ reason: 'consent' })]);
    expect(new Set(answers)).toEqual(new Set(['popup-1']));
    expect(msal.methods().filter((m) => m === 'popup')).toHaveLength(1);
  });

  it('says why a prompt failed in the user’s terms, and tries again next time', async () => {
    const msal = new FakeMsal();
    const get = msalTokens(msal, { scopes: SCOPES, ssoSilent: false });
    msal.popup = 'cancel';
    await expect(get()).rejects.toEqual(new SignInError('CANCELLED'));
    msal.popup = 'blocked';
    await expect(get()).rejects.toEqual(new SignInError('UNAVAILABLE'));
    msal.popup = 'ok';
    await expect(get()).resolves.toBe('popup-1');
    expect(signInFailure({ errorCode: 'consent_required' }).code).toBe('CONSENT_REQUIRED');
    expect(signInFailure(new Error('AADSTS700016')).code).toBe('FAILED');
  });
});

describe('the API client over MSAL', () => {
  it('on 401 CONSENT_REQUIRED acquires a token interactively and retries the call once', async () => {
    const msal = new FakeMsal();
    const seen: string[] = [];
    const fetch = async (_url: string, init?: RequestInit) => {
      const auth = (init?.headers as Record<string, string>).Authorization ?? '';
      seen.push(auth);
      // The server's on-behalf-of exchange needs consent until a token from the prompt arrives.
      return auth.startsWith('Bearer popup')
        ? new Response(JSON.stringify({ items: [] }), { status: 200 })
        : new Response(JSON.stringify({ error: { code: 'CONSENT_REQUIRED', message: 'Consent.' } }), {
            status: 401,
          });
    };
    const api = new ApiClient({ fetch, getToken: msalTokens(msal, { scopes: SCOPES, ssoSilent: true }) });
    await expect(api.listAssessments()).resolves.toEqual([]);
    expect(seen).toEqual(['Bearer sso-1', 'Bearer popup-2']);
    expect(msal.calls.at(-1)).toMatchObject({ method: 'popup', request: { prompt: 'consent' } });
  });

  it('on a claims challenge hands the claims to MSAL’s prompt, then retries once', async () => {
    const msal = new FakeMsal();
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}';
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return calls === 1
        ? new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'x' } }), {
            status: 401,
            headers: { 'WWW-Authenticate': `Bearer claims="${Buffer.from(claims).toString('base64')}"` },
          })
        : new Response(JSON.stringify({ mode: 'm365' }), { status: 200 });
    };
    const api = new ApiClient({ fetch, getToken: msalTokens(msal, { scopes: SCOPES, ssoSilent: true }) });
    await api.me();
    expect(calls).toBe(2);
    expect(msal.calls.at(-1)).toEqual({ method: 'popup', request: { scopes: SCOPES, claims } });
  });
});

describe('MSAL’s configuration and settings', () => {
  it('keeps MSAL’s cache in memory, never in localStorage or sessionStorage', () => {
    const config = msalConfiguration({ clientId: 'cid', scopes: SCOPES });
    expect(config.cache.cacheLocation).toBe('memoryStorage');
    expect(JSON.stringify(config)).not.toMatch(/localStorage|sessionStorage/);
  });

  it('signs in to the school’s tenant when known, and returns windows to the given page', () => {
    expect(
      msalConfiguration({ clientId: 'cid', tenantId: 't-1', scopes: SCOPES }, 'https://h/word/sign-in.html')
        .auth,
    ).toEqual({
      clientId: 'cid',
      authority: 'https://login.microsoftonline.com/t-1',
      redirectUri: 'https://h/word/sign-in.html',
    });
    expect(msalConfiguration({ clientId: 'cid', scopes: SCOPES }).auth.authority).toBe(
      'https://login.microsoftonline.com/organizations',
    );
  });

  it('asks for the API’s own .default scope', () => {
    expect(apiScopes('api://hsb.example.org/cid/')).toEqual(['api://hsb.example.org/cid/.default']);
  });

  it('reads the public settings in Microsoft 365 mode, and none in local mode', async () => {
    const answer = (body: unknown) => async () => new Response(JSON.stringify(body), { status: 200 });
    expect(await loadSignInSettings(answer({ mode: 'local' }), '/word/auth-config.json')).toBeNull();
    expect(
      await loadSignInSettings(
        answer({ mode: 'm365', clientId: 'cid', tenantId: 't', appIdUri: 'api://x', scopes: SCOPES }),
        '/word/auth-config.json',
      ),
    ).toEqual({ clientId: 'cid', tenantId: 't', scopes: SCOPES });
    expect(await loadSignInSettings(answer({ mode: 'm365', clientId: 'cid' }), '/x')).toBeNull();
    expect(
      await loadSignInSettings(async () => new Response('', { status: 404 }), '/tab/auth-config.json'),
    ).toBeNull();
  });
});
