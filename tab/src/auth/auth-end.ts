import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { app, authentication } from '@microsoft/teams-js';

/**
 * /tab/auth-end, the redirect URI registered for the tab's sign-in window: MSAL's redirect bridge
 * keeps Entra's answer for this window's session, clears it from the address bar and returns to
 * /tab/auth-start, which finishes the sign-in. An address with no answer ends the sign-in.
 */
export function runAuthEnd(): void {
  broadcastResponseToMainFrame().catch(async () => {
    await app.initialize();
    authentication.notifyFailure('SignInFailed');
  });
}
