import type { SignInFailure } from './sign-in-error.js';

/**
 * The sign-in page's flow (authorization code with PKCE, as a single-page app registered in Entra):
 * no secret in the browser, and the token goes straight back to the pane that opened the page.
 * What is kept between the two legs (the PKCE verifier and state) lives in this window's
 * sessionStorage only: it identifies nobody.
 */

/** GET /word/auth-config.json: public values (the client id is in the manifests too). */
export interface SignInSettings {
  mode: 'local' | 'm365';
  clientId?: string;
  tenantId?: string;
  /** The API's Application ID URI; Office SSO's convention `api://<host>/<client id>` when absent. */
  appIdUri?: string;
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  clientId: string;
  authority: string;
  scope: string;
  redirectUri: string;
}

export const PENDING_KEY = 'hsb.word.signIn';

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomString(crypto: Pick<Crypto, 'getRandomValues'>, bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** RFC 7636 S256: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string, subtle: SubtleCrypto): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function pendingSignIn(
  settings: SignInSettings,
  origin: string,
  host: string,
  random: () => string,
): PendingSignIn {
  if (settings.mode !== 'm365' || !settings.clientId) throw new Error('sign-in is not configured');
  const appIdUri = settings.appIdUri ?? `api://${host}/${settings.clientId}`;
  return {
    state: random(),
    verifier: random(),
    clientId: settings.clientId,
    authority: `https://login.microsoftonline.com/${encodeURIComponent(settings.tenantId ?? 'organizations')}`,
    // `.default` asks for every permission the registration lists, so one consent also covers the
    // Graph permissions the server uses on the user's behalf.
    scope: `${appIdUri}/.default openid profile offline_access`,
    redirectUri: `${origin}/word/sign-in.html`,
  };
}

export function authorizeUrl(p: PendingSignIn, challenge: string, prompt?: 'consent'): string {
  const params = new URLSearchParams({
    client_id: p.clientId,
    response_type: 'code',
    redirect_uri: p.redirectUri,
    response_mode: 'query',
    scope: p.scope,
    state: p.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (prompt) params.set('prompt', prompt);
  return `${p.authority}/oauth2/v2.0/authorize?${params.toString()}`;
}

export function tokenRequest(p: PendingSignIn, code: string): { url: string; body: URLSearchParams } {
  return {
    url: `${p.authority}/oauth2/v2.0/token`,
    body: new URLSearchParams({
      client_id: p.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: p.redirectUri,
      code_verifier: p.verifier,
      scope: p.scope,
    }),
  };
}

/** What came back on the redirect: a code for this sign-in, or why not. */
export function readRedirect(
  search: string,
  pending: PendingSignIn | undefined,
): { code: string } | { failure: SignInFailure } | null {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  const code = params.get('code');
  if (!error && !code) return null;
  if (!pending || params.get('state') !== pending.state) return { failure: 'FAILED' };
  if (error) return { failure: error === 'access_denied' ? 'CANCELLED' : 'FAILED' };
  return { code: code! };
}
