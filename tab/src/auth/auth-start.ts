import { app, authentication } from '@microsoft/teams-js';

interface SignInSettings {
  mode: string;
  clientId?: string;
  scopes?: string[];
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The consent pop-up (/tab/auth-start) opened by authentication.authenticate when the server answers 401
 * CONSENT_REQUIRED: it sends the user to Entra's consent page for this app. The authorisation code
 * that comes back is never redeemed (the server gets its Graph token on-behalf-of), so the PKCE
 * verifier is thrown away and nothing is kept in browser storage.
 */
async function start(): Promise<void> {
  await app.initialize();
  const context = await app.getContext();
  const response = await fetch('/tab/auth-config.json', { headers: { Accept: 'application/json' } });
  const settings = (await response.json()) as SignInSettings;
  if (!settings.clientId || !settings.scopes) {
    authentication.notifyFailure('NotConfigured');
    return;
  }
  const verifier = crypto.getRandomValues(new Uint8Array(32));
  const challenge = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(base64Url(verifier))),
  );
  const tenant = context.user?.tenant?.id ?? 'organizations';
  const params = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    response_mode: 'fragment',
    // Registered as a single-page-app redirect URI in aad.manifest.json.
    redirect_uri: new URL('/tab/auth-end', window.location.href).href,
    scope: settings.scopes.join(' '),
    prompt: 'consent',
    code_challenge: base64Url(challenge),
    code_challenge_method: 'S256',
    state: base64Url(crypto.getRandomValues(new Uint8Array(16))),
  });
  if (context.user?.loginHint) params.set('login_hint', context.user.loginHint);
  window.location.assign(
    `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/authorize?${params}`,
  );
}

export function runAuthStart(): void {
  start().catch(() => authentication.notifyFailure('ConsentPageFailed'));
}
