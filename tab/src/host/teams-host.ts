import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import type { FrameKind, Host, HostTheme, TabConfig } from './host';

/** Raised when Teams cannot give us a token; `consent` means the user must consent first. */
export class HostTokenError extends Error {
  constructor(readonly consent: boolean) {
    super(consent ? 'Consent is needed before signing in.' : 'Teams could not sign you in.');
    this.name = 'HostTokenError';
  }
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
export async function connectTeamsHost(timeoutMs: number): Promise<Host> {
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
    async getToken() {
      try {
        return await authentication.getAuthToken();
      } catch (error) {
        // Teams reports failures as bare strings such as "resourceRequiresConsent".
        const text = error instanceof Error ? error.message : String(error);
        throw new HostTokenError(/consent|resourceDisabled|interaction/i.test(text));
      }
    },
    async requestConsent() {
      const url = new URL('/tab/auth-start', window.location.href).href;
      await authentication.authenticate({ url, width: 600, height: 535 });
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
