/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://hsb.example.org/tab/auth-start?prompt=consent"}
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

// teams-js talks to the Teams client over postMessage, which does not exist here: the module is
// replaced by one that records what the sign-in window tells Teams.
const teams = {
  app: {
    initialize: jest.fn(async () => undefined),
    getContext: jest.fn(async () => ({ user: { loginHint: 'dsl@school.example' } })),
  },
  authentication: {
    notifySuccess: jest.fn((_token?: string) => undefined),
    notifyFailure: jest.fn((_reason?: string) => undefined),
  },
};
jest.doMock('@microsoft/teams-js', () => teams);
const { runAuthStart } =
  require('../../tab/src/auth/auth-start') as typeof import('../../tab/src/auth/auth-start');

const SETTINGS = { mode: 'm365', clientId: 'cid', scopes: ['api://hsb.example.org/cid/.default'] };

const settings = (body: unknown) =>
  (async () => ({ ok: true, json: async () => body }) as Response) as typeof fetch;

type Redirect = import('../../tab/src/auth/msal').TabMsal['redirect'];

function msal(outcome: () => ReturnType<Redirect>) {
  return {
    nested: jest.fn(async () => Promise.reject(new Error('unused'))),
    redirect: jest.fn<Redirect>(outcome),
  };
}

beforeEach(() => {
  jest.clearAllMocks();
});

describe('the tab’s sign-in window (/tab/auth-start)', () => {
  it('signs in with MSAL by redirect and hands the token to the tab through Teams', async () => {
    const fake = msal(async () => ({ accessToken: 'fresh-token', account: {} }));
    await runAuthStart(window, fake, settings(SETTINGS));
    expect(fake.redirect).toHaveBeenCalledWith(
      {
        auth: {
          clientId: 'cid',
          authority: 'https://login.microsoftonline.com/organizations',
          redirectUri: 'https://hsb.example.org/tab/auth-end',
        },
        cache: { cacheLocation: 'memoryStorage' },
      },
      { scopes: SETTINGS.scopes, loginHint: 'dsl@school.example', prompt: 'consent' },
    );
    expect(teams.authentication.notifySuccess).toHaveBeenCalledWith('fresh-token');
    expect(window.localStorage.length).toBe(0);
  });

  it('tells the tab the user cancelled, or that sign-in is not set up, without a library message', async () => {
    await runAuthStart(
      window,
      msal(async () =>
        Promise.reject(Object.assign(new Error('AADSTS65004'), { errorCode: 'access_denied' })),
      ),
      settings(SETTINGS),
    );
    expect(teams.authentication.notifyFailure).toHaveBeenLastCalledWith('CancelledByUser');
    await runAuthStart(
      window,
      msal(async () => Promise.reject(new Error('x'))),
      settings({ mode: 'local' }),
    );
    expect(teams.authentication.notifyFailure).toHaveBeenLastCalledWith('NotConfigured');
    expect(teams.authentication.notifySuccess).not.toHaveBeenCalled();
  });
});
