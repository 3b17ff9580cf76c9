import { app, authentication } from '@microsoft/teams-js';
import { loadSignInSettings, msalConfiguration } from '../../../core/api/browser-sign-in';
import { tabMsal, type TabMsal } from './msal';

/**
 * /tab/auth-start, opened in Teams' authentication window (authentication.authenticate) where Teams
 * cannot broker MSAL itself: MSAL signs the user in by redirect, asking for consent or meeting a
 * claims challenge as the tab asked, and the access token goes back to the tab through Teams.
 * Entra returns to /tab/auth-end, whose redirect bridge hands the answer back to this page.
 */
export async function runAuthStart(
  win: Window = window,
  msal: TabMsal = tabMsal,
  fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init),
): Promise<void> {
  await app.initialize();
  const settings = await loadSignInSettings(fetch, '/tab/auth-config.json');
  if (!settings) {
    authentication.notifyFailure('NotConfigured');
    return;
  }
  const context = await app.getContext();
  const params = new URLSearchParams(win.location.search);
  const claims = params.get('claims');
  try {
    const result = await msal.redirect(
      msalConfiguration(settings, new URL('/tab/auth-end', win.location.href).href),
      {
        scopes: settings.scopes,
        ...(context.user?.loginHint ? { loginHint: context.user.loginHint } : {}),
        ...(claims ? { claims } : {}),
        ...(params.get('prompt') === 'consent' ? { prompt: 'consent' } : {}),
      },
    );
    authentication.notifySuccess(result.accessToken);
  } catch (error) {
    const code = String((error as { errorCode?: unknown } | null)?.errorCode ?? '');
    authentication.notifyFailure(
      code === 'user_cancelled' || code === 'access_denied' ? 'CancelledByUser' : 'SignInFailed',
    );
  }
}
