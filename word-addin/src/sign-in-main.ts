import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import {
  loadSignInSettings,
  msalConfiguration,
  signInFailure,
  type SignInFailure,
} from '../../core/api/browser-sign-in.js';
import { paneMsal } from './auth/msal.js';
import type { SignInMessage } from './auth/sign-in-error.js';
import { loadOffice } from './office/load-office.js';

/**
 * The sign-in page (/word/sign-in.html), and MSAL's redirect URI for the pane.
 * - Coming back from Entra (an answer in the address): MSAL's redirect bridge hands it to the page
 *   that asked — the pane's pop-up in preview mode, or this page's first load in an Office dialog.
 * - Otherwise, in the Office dialog opened where neither nested app authentication nor Office single
 *   sign-on can give a token: MSAL signs in by redirect and the token goes to the pane through
 *   Office.context.ui.messageParent.
 */

const status = document.getElementById('status')!;

function show(text: string): void {
  status.textContent = text;
}

async function deliver(message: SignInMessage): Promise<void> {
  const office = await loadOffice(document, window, 5_000);
  if (office.status === 'ready' && office.office.context?.ui?.messageParent) {
    office.office.context.ui.messageParent(JSON.stringify(message));
    return;
  }
  show(
    message.status === 'token'
      ? 'Signed in. You can close this window.'
      : 'Sign-in did not complete. Close this window and try again.',
  );
}

const fail = (code: SignInFailure) => deliver({ type: 'hsb-sign-in', status: 'error', code });

/** An answer from Entra in the address: `state` with a code or an error, in the query or fragment. */
function isEntraAnswer(location: Location): boolean {
  const params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  return params.has('state') && (params.has('code') || params.has('error'));
}

async function signIn(): Promise<void> {
  const settings = await loadSignInSettings(window.fetch.bind(window), '/word/auth-config.json');
  if (!settings) return fail('UNAVAILABLE');
  const params = new URLSearchParams(window.location.search);
  const claims = params.get('claims');
  try {
    const result = await paneMsal.redirect(
      msalConfiguration(settings, `${window.location.origin}/word/sign-in.html`),
      {
        scopes: settings.scopes,
        ...(claims ? { claims } : {}),
        ...(params.get('prompt') === 'consent' ? { prompt: 'consent' } : {}),
      },
    );
    return deliver({ type: 'hsb-sign-in', status: 'token', token: result.accessToken });
  } catch (error) {
    return fail(signInFailure(error).code);
  }
}

if (isEntraAnswer(window.location)) {
  show('Finishing sign-in…');
  broadcastResponseToMainFrame().catch(() => fail('FAILED'));
} else {
  signIn().catch(() => fail('FAILED'));
}
