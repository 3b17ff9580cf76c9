import type { SignInFailure, SignInMessage } from './auth/sign-in-error.js';
import {
  authorizeUrl,
  codeChallenge,
  PENDING_KEY,
  pendingSignIn,
  randomString,
  readRedirect,
  tokenRequest,
  type PendingSignIn,
  type SignInSettings,
} from './auth/sign-in-flow.js';
import { loadOffice } from './office/load-office.js';

/**
 * The sign-in page (/word/sign-in.html), opened by the pane when Office single sign-on is not
 * available: first leg redirects to Entra, second leg swaps the code for a token and hands it back.
 */

const status = document.getElementById('status')!;

function show(text: string): void {
  status.textContent = text;
}

async function deliver(message: SignInMessage): Promise<void> {
  const payload = JSON.stringify(message);
  const office = await loadOffice(document, window, 5_000);
  if (office.status === 'ready' && office.office.context?.ui?.messageParent) {
    office.office.context.ui.messageParent(payload);
    return;
  }
  const opener = window.opener as Window | null;
  if (opener) {
    opener.postMessage(message, window.location.origin);
    window.close();
    return;
  }
  show('Signed in. You can close this window.');
}

const fail = (code: SignInFailure) => deliver({ type: 'hsb-sign-in', status: 'error', code });

async function start(): Promise<void> {
  const response = await fetch('/word/auth-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) return fail('UNAVAILABLE');
  const settings = (await response.json()) as SignInSettings;
  if (settings.mode !== 'm365' || !settings.clientId) return fail('UNAVAILABLE');
  const pending = pendingSignIn(settings, window.location.origin, window.location.host, () =>
    randomString(crypto),
  );
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const prompt =
    new URLSearchParams(window.location.search).get('prompt') === 'consent' ? 'consent' : undefined;
  window.location.assign(authorizeUrl(pending, await codeChallenge(pending.verifier, crypto.subtle), prompt));
}

async function finish(pending: PendingSignIn, code: string): Promise<void> {
  const { url, body } = tokenRequest(pending, code);
  const response = await fetch(url, { method: 'POST', body });
  if (!response.ok) return fail('FAILED');
  const token = ((await response.json()) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string' || !token) return fail('FAILED');
  return deliver({ type: 'hsb-sign-in', status: 'token', token });
}

async function main(): Promise<void> {
  const stored = sessionStorage.getItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as PendingSignIn) : undefined;
  const redirect = readRedirect(window.location.search, pending);
  if (!redirect) return start();
  sessionStorage.removeItem(PENDING_KEY);
  // The code is single-use and short-lived, but keep it out of the history all the same.
  window.history.replaceState(null, '', window.location.pathname);
  if ('failure' in redirect) return fail(redirect.failure);
  show('Finishing sign-in…');
  return finish(pending!, redirect.code);
}

main().catch(() => fail('FAILED'));
