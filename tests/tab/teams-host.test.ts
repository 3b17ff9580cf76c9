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
    })),
    registerOnThemeChangeHandler: jest.fn(),
  },
  authentication: {
    getAuthToken: jest.fn(async () => 'sso-token'),
    authenticate: jest.fn(async (_params: { url: string; width: number; height: number }) => 'ok'),
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
const { HostTokenError, connectTeamsHost } =
  require('../../tab/src/host/teams-host') as typeof import('../../tab/src/host/teams-host');

beforeEach(() => {
  jest.clearAllMocks();
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

  it('gets a token from Teams SSO, and tells consent problems apart', async () => {
    const host = await connectTeamsHost(1000);
    expect(await host.getToken()).toBe('sso-token');
    teams.authentication.getAuthToken.mockRejectedValueOnce('resourceRequiresConsent' as never);
    await expect(host.getToken()).rejects.toEqual(new HostTokenError(true));
    teams.authentication.getAuthToken.mockRejectedValueOnce(new Error('FailedToOpenWindow'));
    const other = await host.getToken().catch((e: unknown) => e);
    expect(other).toBeInstanceOf(HostTokenError);
    expect((other as InstanceType<typeof HostTokenError>).consent).toBe(false);
  });

  it('opens the consent pop-up page served with the tab', async () => {
    const host = await connectTeamsHost(1000);
    await host.requestConsent();
    expect(teams.authentication.authenticate).toHaveBeenCalledWith({
      url: 'https://hsb.example.org/tab/auth-start',
      width: 600,
      height: 535,
    });
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
