import {
  msalConfiguration,
  signInFailure,
  type SignInFailure,
  type SignInSettings,
} from '../../../core/api/browser-sign-in.js';
import type { PaneMsal } from './msal.js';
import type { SignInMessage } from './sign-in-error.js';

/**
 * The sign-in page (/word/sign-in.html), which is also MSAL's redirect URI for the pane.
 * - Coming back from Entra (an answer in the address): MSAL's redirect bridge hands it to the page
 *   that asked — the pane's pop-up in preview mode, or this page's first load in an Office dialog.
 * - Otherwise, in the Office dialog opened where neither nested app authentication nor Office single
 *   sign-on can give a token: MSAL signs in by redirect, and the token, or why there is none, goes
 *   to the pane through Office.context.ui.messageParent.
 */
export interface SignInPage {
  location: Pick<Location, 'origin' | 'search' | 'hash'>;
  msal: PaneMsal;
  settings(): Promise<SignInSettings | null>;
  /** MSAL's redirect bridge (@azure/msal-browser/redirect-bridge). */
  bridge(): Promise<void>;
  /** Sends the outcome to the pane (Office's messageParent), or says so on the page. */
  deliver(message: SignInMessage): Promise<void>;
  show(text: string): void;
}

/** An answer from Entra in the address: `state` with a code or an error, in the query or fragment. */
export function isEntraAnswer(location: Pick<Location, 'search' | 'hash'>): boolean {
  const params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  return params.has('state') && (params.has('code') || params.has('error'));
}

export async function runSignInPage(page: SignInPage): Promise<void> {
  const fail = (code: SignInFailure) => page.deliver({ type: 'hsb-sign-in', status: 'error', code });
  if (isEntraAnswer(page.location)) {
    page.show('Finishing sign-in…');
    return page.bridge().catch(() => fail('FAILED'));
  }
  const settings = await page.settings().catch(() => null);
  if (!settings) return fail('UNAVAILABLE');
  const params = new URLSearchParams(page.location.search);
  const claims = params.get('claims');
  let token: string;
  try {
    const result = await page.msal.redirect(
      msalConfiguration(settings, `${page.location.origin}/word/sign-in.html`),
      {
        scopes: settings.scopes,
        ...(claims ? { claims } : {}),
        ...(params.get('prompt') === 'consent' ? { prompt: 'consent' } : {}),
      },
    );
    token = result.accessToken;
  } catch (error) {
    return fail(signInFailure(error).code);
  }
  return page.deliver({ type: 'hsb-sign-in', status: 'token', token });
}
