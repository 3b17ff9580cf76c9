import { jest } from '@jest/globals';
import type { TokenRequest } from '../../../core/api/browser-client';
import type { Host, HostContext, MeetingParticipant, TabConfig } from '../../../tab/src/host/host';

/** A Host as Teams or the browser would provide it, recording what the tab asked of it. */
export function fakeHost(
  options: {
    kind?: Host['kind'];
    context?: Partial<HostContext>;
    canShare?: boolean;
    participants?: MeetingParticipant[] | null;
    configurable?: boolean;
    consent?: () => Promise<void>;
    /** How an interactive token request ends without the user's click (the API client's own retry). */
    interactive?: (request: TokenRequest) => Promise<string>;
  } = {},
) {
  const shared: string[] = [];
  const saved: TabConfig[] = [];
  let saveHandler: (() => Promise<TabConfig>) | null = null;
  const validity: boolean[] = [];
  const host: Host = {
    kind: options.kind ?? 'teams',
    context: { frame: 'content', theme: 'default', ...options.context },
    getToken: async (request) => {
      if (options.kind === 'browser') return undefined;
      return request && options.interactive ? options.interactive(request) : 'token-123';
    },
    requestConsent: jest.fn(options.consent ?? (async () => undefined)),
    notifyReady: jest.fn(),
    onThemeChange: () => () => undefined,
    configurator: options.configurable
      ? {
          onSave: (handler) => {
            saveHandler = handler;
          },
          setValid: (valid) => {
            validity.push(valid);
          },
          save: async (config) => {
            saved.push(config);
          },
        }
      : null,
    stage:
      options.canShare === undefined
        ? null
        : {
            canShare: async () => options.canShare ?? false,
            share: async (route) => {
              shared.push(route);
            },
            participants: async () => options.participants ?? null,
          },
  };
  return {
    host,
    shared,
    saved,
    validity,
    /** Presses Save in Teams' configuration dialog. */
    pressSave: () => {
      if (!saveHandler) throw new Error('No save handler registered.');
      return saveHandler();
    },
  };
}
