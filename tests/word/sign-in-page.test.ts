import type { MsalTokenRequest, SignInSettings } from '../../core/api/browser-sign-in.js';
import type { PaneMsal } from '../../word-addin/src/auth/msal.js';
import type { SignInMessage } from '../../word-addin/src/auth/sign-in-error.js';
import { isEntraAnswer, runSignInPage } from '../../word-addin/src/auth/sign-in-page.js';

const SETTINGS: SignInSettings = { clientId: 'cid', scopes: ['api://hsb.example.org/cid/.default'] };

/** The page's world: its address, MSAL (as a fake), and what it told the pane. */
function page(address: string, redirect: PaneMsal['redirect'], settings: SignInSettings | null = SETTINGS) {
  const url = new URL(address);
  const delivered: SignInMessage[] = [];
  const bridge = jest.fn(async () => undefined);
  const msal: PaneMsal = {
    nested: jest.fn(),
    standard: jest.fn(),
    redirect: jest.fn(redirect),
  };
  return {
    delivered,
    bridge,
    msal,
    run: () =>
      runSignInPage({
        location: { origin: url.origin, search: url.search, hash: url.hash },
        msal,
        settings: async () => settings,
        bridge,
        deliver: async (message) => {
          delivered.push(message);
        },
        show: () => undefined,
      }),
  };
}

describe('the Word sign-in page (/word/sign-in.html)', () => {
  it('signs in with MSAL by redirect, asking for consent when told, and hands the token to the pane', async () => {
    const requests: MsalTokenRequest[] = [];
    const p = page('https://hsb.example.org/word/sign-in.html?prompt=consent', async (config, request) => {
      requests.push(request);
      expect(config).toEqual({
        auth: {
          clientId: 'cid',
          authority: 'https://login.microsoftonline.com/organizations',
          redirectUri: 'https://hsb.example.org/word/sign-in.html',
        },
        cache: { cacheLocation: 'memoryStorage' },
      });
      return { accessToken: 'fresh', account: {} };
    });
    await p.run();
    expect(requests).toEqual([{ scopes: SETTINGS.scopes, prompt: 'consent' }]);
    expect(p.delivered).toEqual([{ type: 'hsb-sign-in', status: 'token', token: 'fresh' }]);
    expect(p.bridge).not.toHaveBeenCalled();
  });

  it('passes a claims challenge to MSAL', async () => {
    const requests: MsalTokenRequest[] = [];
    const claims = '{"access_token":{"acrs":{"essential":true}}}';
    await page(
      `https://hsb.example.org/word/sign-in.html?claims=${encodeURIComponent(claims)}`,
      async (_c, request) => {
        requests.push(request);
        return { accessToken: 't', account: {} };
      },
    ).run();
    expect(requests).toEqual([{ scopes: SETTINGS.scopes, claims }]);
  });

  it('hands Entra’s answer to MSAL’s redirect bridge and starts no new sign-in', async () => {
    const p = page('https://hsb.example.org/word/sign-in.html#code=abc&state=xyz', async () => {
      throw new Error('must not sign in again');
    });
    await p.run();
    expect(p.bridge).toHaveBeenCalledTimes(1);
    expect(p.msal.redirect).not.toHaveBeenCalled();
    expect(p.delivered).toEqual([]);
    expect(isEntraAnswer({ search: '?error=access_denied&state=s', hash: '' })).toBe(true);
    expect(isEntraAnswer({ search: '?prompt=consent', hash: '' })).toBe(false);
  });

  it('tells the pane why there is no token, in its own codes and never MSAL’s message', async () => {
    const cancelled = page('https://hsb.example.org/word/sign-in.html', async () =>
      Promise.reject(Object.assign(new Error('AADSTS65004: user declined'), { errorCode: 'access_denied' })),
    );
    await cancelled.run();
    expect(cancelled.delivered).toEqual([{ type: 'hsb-sign-in', status: 'error', code: 'CANCELLED' }]);

    const unconfigured = page(
      'https://hsb.example.org/word/sign-in.html',
      async () => ({
        accessToken: 't',
        account: {},
      }),
      null,
    );
    await unconfigured.run();
    expect(unconfigured.delivered).toEqual([{ type: 'hsb-sign-in', status: 'error', code: 'UNAVAILABLE' }]);
    expect(unconfigured.msal.redirect).not.toHaveBeenCalled();
  });
});
