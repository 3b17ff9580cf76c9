import type { Host, HostTheme } from './host';

/**
 * A plain browser: local mode, no sign-in. Share to stage opens the stage view in a new window so
 * that what the meeting would see can be checked before a real meeting.
 */
export function browserHost(win: Window = window): Host {
  const dark = win.matchMedia?.('(prefers-color-scheme: dark)');
  const theme = (): HostTheme => (dark?.matches ? 'dark' : 'default');
  return {
    kind: 'browser',
    context: { frame: 'content', theme: theme() },
    getToken: async () => undefined,
    requestConsent: async () => {
      throw new Error('There is no sign-in outside Teams.');
    },
    notifyReady: () => undefined,
    onThemeChange(handler) {
      if (!dark) return () => undefined;
      const listener = () => handler(theme());
      dark.addEventListener('change', listener);
      return () => dark.removeEventListener('change', listener);
    },
    configurator: null,
    stage: {
      canShare: async () => true,
      share: async (route) => {
        win.open(new URL(`/tab/#${route}`, win.location.href).href, '_blank', 'noopener');
      },
      participants: async () => null,
    },
  };
}
