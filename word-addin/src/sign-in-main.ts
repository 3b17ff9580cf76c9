import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { loadSignInSettings } from '../../core/api/browser-sign-in.js';
import { paneMsal } from './auth/msal.js';
import type { SignInMessage } from './auth/sign-in-error.js';
import { runSignInPage } from './auth/sign-in-page.js';
import { loadOffice } from './office/load-office.js';

/** /word/sign-in.html: the real browser, Office and MSAL for auth/sign-in-page.ts. */

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

void runSignInPage({
  location: window.location,
  msal: paneMsal,
  settings: () => loadSignInSettings(window.fetch.bind(window), '/word/auth-config.json'),
  bridge: () => broadcastResponseToMainFrame(),
  deliver,
  show,
}).catch(() => deliver({ type: 'hsb-sign-in', status: 'error', code: 'FAILED' }));
