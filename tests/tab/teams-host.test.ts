/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://hsb.example.org/tab/"}
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';

type Callback = (error: unknown, result: unknown) => void;
type AnyFn = (...args: never[]) => unknown;

// teams-js is the third-party edge: it talks to the Teams client over postMessage, which does not
// exist here, so the module is replaced by one that answers as Teams does.
const teams = {
  app: {
    initialize: jest.fn(async () => undefined),
    notifyAppLoaded: jest.fn(),
    notifySuccess: jest.fn(async () => undefined),
    getContext: jest.fn(async () => ({
      app: { theme: 'dark' },
      page: {
        id: 'assessment:abc',
        frameContext: 'sidePanel',
        subPageId: '0f676d75-dbb4-4af1-bb92-05c4121d98b0',
      },
      meeting: { id: 'meeting-1' },
      team: { groupId: 'group-1' },
      user: { loginHint: 'dsl@school.example' },
    })),
    registerOnThemeChangeHandler: jest.fn(),
  },
  authentication: {
    getAuthToken: jest.fn(async () => 'sso-token'),
    authenticate: jest.fn(async (_params: { url: string; width: number; height: number }) => 'window-token'),
  },
  nestedAppAuth: {
    isNAAChannelRecommended: jest.fn(() => false),
  },
  pages: {
    config: {
      registerOnSaveHandler: jest.fn((_handler: unknown) => undefined),
      setValidityState: jest.fn<AnyFn>(),
      setConfig: jest.fn(async (_config: unknown) => undefined),
    },
  },
  meeting: {
    getAppContentStageSharingCapabilities: jest.fn((cb: Callback) =>
      cb(null, { doesAppHaveSharePermission: true }),
    ),
    shareAppContentToStage: jest.fn((cb: Callback, _url: string) => cb(null, true)),
  },
};
// Registered before the module under test is loaded (doMock is not hoisted, unlike jest.mock).
jest.doMock('@microsoft/teams-js', () => teams);
const { connectTeamsHost } =
  require('../../tab/src/host/teams-host') as typeof import('../../tab/src/host/teams-host');
const { SignInError } =
  require('../../core/api/browser-sign-in') as typeof import('../../core/api/browser-sign-in');

type MsalTokenRequest = import('../../core/api/browser-sign-in').MsalTokenRequest;

const SETTINGS = {
  mode: 'm365',
  clientId: 'cid',
  tenantId: 'tenant-1',
  appIdUri: 'api://hsb.example.org/cid',
  scopes: ['api://hsb.example.org/cid/.default'],
};

/** The server's /tab/auth-config.json, and MSAL's nested client as a fake that records its use. */
function signIn() {
  const configs: unknown[] = [];
  const requests: { method: string; request: MsalTokenRequest }[] = [];
  let active: unknown = null;
  const client = {
    acquireTokenSilent: jest.fn(async (request: MsalTokenRequest) => {
      requests.push({ method: 'silent', request });
      return { accessToken: 'naa-silent', account: active };
    }),
    ssoSilent: jest.fn(async (request: MsalTokenRequest) => {
      requests.push({ method: 'ssoSilent', request });
      return { accessToken: 'naa-sso', account: { username: 'dsl@school.example' } };
    }),
    acquireTokenPopup: jest.fn(async (request: MsalTokenRequest) => {
      requests.push({ method: 'popup', request });
      return { accessToken: 'naa-popup', account: { username: 'dsl@school.example' } };
    }),
    getActiveAccount: () => active,
    setActiveAccount: (account: unknown) => {
      active = account;
    },
  };
  const deps = {
    msal: {
      nested: jest.fn(async (config: unknown) => {
        configs.push(config);
        return client;
      }),
      redirect: jest.fn(async () => Promise.reject(new Error('not in the sign-in window'))),
    },
    fetch: jest.fn(async (url: RequestInfo | URL) => {
      expect(String(url)).toBe('/tab/auth-config.json');
      return { ok: true, json: async () => SETTINGS } as Response;
    }),
  };
  return { deps, configs, requests };
}

beforeEach(() => {
  jest.clearAllMocks();
  teams.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(false);
});

describe('the Teams host', () => {
  it('reads the frame, theme, entity and deep-link ids from the Teams context', async () => {
    const host = await connectTeamsHost(1000);
    expect(host.context).toEqual({
      frame: 'sidePanel',
      theme: 'dark',
      entityId: 'assessment:abc',
      subPageId: '0f676d75-dbb4-4af1-bb92-05c4121d98b0',
      meetingId: 'meeting-1',
      teamId: 'group-1',
    });
    expect(teams.app.notifyAppLoaded).toHaveBeenCalled();
  });

  it('tells Teams it succeeded once, after the first render', async () => {
    const host = await connectTeamsHost(1000);
    expect(teams.app.notifySuccess).not.toHaveBeenCalled();
    host.notifyReady();
    host.notifyReady();
    expect(teams.app.notifySuccess).toHaveBeenCalledTimes(1);
  });

  it('uses nested app authentication where Teams recommends it, in memory, for the API’s scope', async () => {
    teams.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(true);
    const { deps, configs, requests } = signIn();
    const host = await connectTeamsHost(1000, deps);
    expect(await host.getToken()).toBe('naa-sso');
    expect(await host.getToken()).toBe('naa-silent');
    expect(configs).toEqual([
      {
        auth: { clientId: 'cid', authority: 'https://login.microsoftonline.com/tenant-1' },
        cache: { cacheLocation: 'memoryStorage' },
      },
    ]);
    expect(requests[0]).toEqual({
      method: 'ssoSilent',
      request: { scopes: SETTINGS.scopes, loginHint: 'dsl@school.example' },
    });
    // Consent goes through MSAL's prompt, which Teams brokers; Teams SSO is never used.
    await host.requestConsent();
    expect(requests.at(-1)).toMatchObject({ method: 'popup', request: { prompt: 'consent' } });
    expect(teams.authentication.getAuthToken).not.toHaveBeenCalled();
    expect(teams.authentication.authenticate).not.toHaveBeenCalled();
    expect(deps.fetch).toHaveBeenCalledTimes(1);
  });

  it('falls back to Teams SSO where nested app authentication is not recommended', async () => {
    teams.nestedAppAuth.isNAAChannelRecommended.mockReturnValue(false);
    const { deps } = signIn();
    const host = await connectTeamsHost(1000, deps);
    expect(await host.getToken()).toBe('sso-token');
    expect(deps.msal.nested).not.toHaveBeenCalled();
    teams.authentication.getAuthToken.mockRejectedValueOnce('resourceRequiresConsent' as never);
    await expect(host.getToken()).rejects.toEqual(new SignInError('CONSENT_REQUIRED'));
    teams.authentication.getAuthToken.mockRejectedValueOnce(new Error('FailedToOpenWindow'));
    await expect(host.getToken()).rejects.toEqual(new SignInError('FAILED'));
  });

  it('in the fallback, runs consent and claims challenges in Teams’ window on /tab/auth-start', async () => {
    const host = await connectTeamsHost(1000, signIn().deps);
    await host.requestConsent();
    expect(teams.authentication.authenticate).toHaveBeenLastCalledWith({
      url: 'https://hsb.example.org/tab/auth-start?prompt=consent',
      width: 600,
      height: 535,
    });
    expect(await host.getToken({ reason: 'consent', claims: '{"a":1}' })).toBe('window-token');
    const url = new URL(teams.authentication.authenticate.mock.calls.at(-1)![0].url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ claims: '{"a":1}' });
    teams.authentication.authenticate.mockRejectedValueOnce(new Error('CancelledByUser'));
    await expect(host.requestConsent()).rejects.toEqual(new SignInError('CANCELLED'));
  });

  it('saves tab settings with an absolute content URL, and answers the Save button', async () => {
    const host = await connectTeamsHost(1000);
    const config = { entityId: 'assessment:abc', route: '/meeting', suggestedDisplayName: 'HSB-2026-0001' };
    await host.configurator!.save(config);
    expect(teams.pages.config.setConfig).toHaveBeenCalledWith({
      entityId: 'assessment:abc',
      contentUrl: 'https://hsb.example.org/tab/#/meeting',
      suggestedDisplayName: 'HSB-2026-0001',
    });

    host.configurator!.onSave(async () => config);
    const handler = teams.pages.config.registerOnSaveHandler.mock.calls[0]![0] as unknown as (e: {
      notifySuccess: () => void;
      notifyFailure: (r: string) => void;
    }) => void;
    const event = { notifySuccess: jest.fn(), notifyFailure: jest.fn() };
    handler(event);
    await new Promise((r) => setTimeout(r, 0));
    expect(event.notifySuccess).toHaveBeenCalled();
  });

  it('shares the stage view by absolute URL when Teams allows it', async () => {
    const host = await connectTeamsHost(1000);
    expect(await host.stage!.canShare()).toBe(true);
    await host.stage!.share('/stage/0f676d75-dbb4-4af1-bb92-05c4121d98b0');
    expect(teams.meeting.shareAppContentToStage.mock.calls[0]![1]).toBe(
      'https://hsb.example.org/tab/#/stage/0f676d75-dbb4-4af1-bb92-05c4121d98b0',
    );
    teams.meeting.getAppContentStageSharingCapabilities.mockImplementationOnce((cb) =>
      cb({ errorCode: 1000 }, null),
    );
    expect(await host.stage!.canShare()).toBe(false);
  });

  it('gives up quickly when nothing answers, so a plain page still opens', async () => {
    teams.app.initialize.mockImplementationOnce(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(connectTeamsHost(50)).rejects.toThrow('Teams did not answer.');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
