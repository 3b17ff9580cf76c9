import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import type { GetToken } from '../../../core/api/browser-client';
import {
  loadSignInSettings,
  msalConfiguration,
  msalTokens,
  SignInError,
} from '../../../core/api/browser-sign-in';
import type { TabMsal } from '../auth/msal';
import { teamsTokens } from '../auth/teams-tokens';
import type { FrameKind, Host, HostTheme, TabConfig } from './host';

export interface TeamsSignIn {
  msal: TabMsal;
  fetch: typeof globalThis.fetch;
}

const defaultSignIn: TeamsSignIn = {
  // MSAL is fetched only when nested app authentication is used, not on Teams' SSO fallback.
  msal: {
    nested: async (config) => (await import('../auth/msal')).tabMsal.nested(config),
    redirect: async (config, request) => (await import('../auth/msal')).tabMsal.redirect(config, request),
  },
  fetch: (input, init) => globalThis.fetch(input, init),
};

/**
 * Sign-in in Teams. Where Teams recommends nested app authentication, MSAL asks Teams for our
 * API's token (Teams brokers consent and MFA prompts too); elsewhere (older clients) Teams single
 * sign-on, with MSAL in Teams' authentication window for consent. Settings are read on first use,
 * so connecting to Teams is not held up by them.
 */
function teamsSignIn(loginHint: string | undefined, deps: TeamsSignIn): GetToken {
  let tokens: Promise<GetToken> | undefined;
  const choose = async (): Promise<GetToken> => {
    if (nestedAppAuth.isNAAChannelRecommended()) {
      const settings = await loadSignInSettings(deps.fetch, '/tab/auth-config.json');
      if (!settings) throw new SignInError('UNAVAILABLE');
      const client = await deps.msal.nested(msalConfiguration(settings));
      return msalTokens(client, { scopes: settings.scopes, loginHint, ssoSilent: true });
    }
    return teamsTokens(
      {
        getAuthToken: () => authentication.getAuthToken(),
        authenticate: (url) => authentication.authenticate({ url, width: 600, height: 535 }),
      },
      new URL('/tab/auth-start', window.location.href).href,
    );
  };
  return async (request) => {
    tokens ??= choose().catch((error: unknown) => {
      tokens = undefined;
      throw error instanceof SignInError ? error : new SignInError('UNAVAILABLE');
    });
    return (await tokens)(request);
  };
}

const frames: Record<string, FrameKind> = {
  content: 'content',
  settings: 'settings',
  remove: 'remove',
  sidePanel: 'sidePanel',
  meetingStage: 'meetingStage',
};

function hostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function tabUrl(route: string): string {
  return new URL(`/tab/#${route}`, window.location.href).href;
}

function callback<T>(run: (cb: (error: { errorCode?: number } | null, result: T | null) => void) => void) {
  return new Promise<T | null>((resolve, reject) =>
    run((error, result) =>
      error ? reject(new Error(`Teams error ${error.errorCode ?? ''}`)) : resolve(result),
    ),
  );
}

/**
 * Connects to Teams. Rejects if Teams does not answer within `timeoutMs`, so a page framed by
 * anything else falls back to the browser host instead of waiting forever.
 */
export async function connectTeamsHost(
  timeoutMs: number,
  signIn: TeamsSignIn = defaultSignIn,
): Promise<Host> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    app.initialize(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('Teams did not answer.')), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  app.notifyAppLoaded();
  const context = await app.getContext();
  const frame = frames[context.page.frameContext] ?? 'other';
  let notified = false;
  const getToken = teamsSignIn(context.user?.loginHint, signIn);

  const toInstance = (config: TabConfig) => ({
    entityId: config.entityId,
    contentUrl: tabUrl(config.route),
    suggestedDisplayName: config.suggestedDisplayName,
  });

  const canConfigure = frame === 'settings' || frame === 'sidePanel' || frame === 'content';
  const inMeeting = frame === 'sidePanel' || frame === 'meetingStage';

  return {
    kind: 'teams',
    context: {
      frame,
      theme: hostTheme(context.app.theme),
      entityId: context.page.id,
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      ...(context.meeting?.id ? { meetingId: context.meeting.id } : {}),
      ...(context.team?.groupId ? { teamId: context.team.groupId } : {}),
    },
    getToken,
    async requestConsent() {
      await getToken({ reason: 'consent' });
    },
    notifyReady() {
      if (notified) return;
      notified = true;
      void app.notifySuccess();
    },
    onThemeChange(handler) {
      app.registerOnThemeChangeHandler((theme) => handler(hostTheme(theme)));
      // teams-js keeps one theme handler and has no way to remove it; a later registration replaces it.
      return () => undefined;
    },
    configurator: canConfigure
      ? {
          onSave(handler) {
            pages.config.registerOnSaveHandler((event) => {
              handler()
                .then((config) => pages.config.setConfig(toInstance(config)))
                .then(
                  () => event.notifySuccess(),
                  () => event.notifyFailure('The tab could not be set up. Please try again.'),
                );
            });
          },
          setValid: (valid) => pages.config.setValidityState(valid),
          save: (config) => pages.config.setConfig(toInstance(config)),
        }
      : null,
    stage: inMeeting
      ? {
          async canShare() {
            try {
              const caps = await callback<meeting.IAppContentStageSharingCapabilities>((cb) =>
                meeting.getAppContentStageSharingCapabilities(cb),
              );
              return !!caps?.doesAppHaveSharePermission;
            } catch {
              // Teams refuses the call for attendees who may not share: the same as "no".
              return false;
            }
          },
          async share(route) {
            await callback<boolean>((cb) => meeting.shareAppContentToStage(cb, tabUrl(route)));
          },
          // teams-js has no roster API; the share warning then speaks of guests without naming them.
          participants: async () => null,
        }
      : null,
  };
}
