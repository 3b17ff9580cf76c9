import { browserHost } from './browser-host';
import type { Host } from './host';

/** Long enough for a slow Teams client, short enough that a framed page outside Teams still opens. */
export const TEAMS_TIMEOUT_MS = 4000;

/**
 * Teams runs tabs in an iframe (web and desktop) or in a web view with a native bridge (mobile). A
 * top-level page with neither cannot be in Teams, so it renders at once without loading teams-js;
 * only a framed page pays for teams-js and waits (briefly) for Teams to answer.
 */
export function mayBeInTeams(win: Window = window): boolean {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    // Reading window.top across origins throws: that too means we are framed.
    framed = true;
  }
  return framed || 'nativeInterface' in win || !!win.opener;
}

export async function connectHost(win: Window = window): Promise<Host> {
  if (!mayBeInTeams(win)) return browserHost(win);
  try {
    const { connectTeamsHost } = await import('./teams-host');
    return await connectTeamsHost(TEAMS_TIMEOUT_MS);
  } catch {
    return browserHost(win);
  }
}
