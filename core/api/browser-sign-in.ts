import type { GetToken, TokenRequest } from './browser/api-transport.js';

/**
 * The token policy both front ends share, over MSAL (@azure/msal-browser) as a port: the tab and the
 * task pane each create the MSAL client for their host (nested app authentication where the host
 * brokers sign-in, a standard client elsewhere) and hand it here, so this module imports no SDK and
 * its tests pass a fake client.
 */

/**
 * `CONSENT_REQUIRED`: the user (or their organisation) must consent, or sign in again, first.
 * `CANCELLED`: the user closed the sign-in or consent prompt.
 * `UNAVAILABLE`: no sign-in window could be opened here (pop-ups blocked, no dialog support).
 * `FAILED`: Microsoft's sign-in answered with an error.
 */
export type SignInFailure = 'CONSENT_REQUIRED' | 'CANCELLED' | 'UNAVAILABLE' | 'FAILED';

const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  CONSENT_REQUIRED:
    'Your organisation needs to allow the HSB assistant to use your account first. Try again, or ask your IT team to grant consent.',
  CANCELLED: 'Sign-in was cancelled. Sign in to see your school’s assessments.',
  UNAVAILABLE:
    'Sign-in could not start. Allow pop-ups for this site and try again; if it still fails, ask your IT team to check the app’s set-up.',
  FAILED: 'Microsoft sign-in did not complete. Please try again.',
};

export class SignInError extends Error {
  constructor(readonly code: SignInFailure) {
    super(SIGN_IN_MESSAGES[code]);
    this.name = 'SignInError';
  }
}

/** What MSAL answers; only the token and the account are used. */
export interface MsalResult {
  accessToken: string;
  account: unknown;
}

export interface MsalTokenRequest {
  scopes: string[];
  account?: unknown;
  loginHint?: string;
  claims?: string;
  prompt?: string;
  forceRefresh?: boolean;
}

/** The part of msal-browser's IPublicClientApplication this policy uses. */
export interface MsalClient {
  acquireTokenSilent(request: MsalTokenRequest): Promise<MsalResult>;
  ssoSilent(request: MsalTokenRequest): Promise<MsalResult>;
  acquireTokenPopup(request: MsalTokenRequest): Promise<MsalResult>;
  getActiveAccount(): unknown;
  setActiveAccount(account: never): void;
}

export interface MsalTokenOptions {
  scopes: string[];
  /** The signed-in user's name as the host knows it, so MSAL picks the same account. */
  loginHint?: string | undefined;
  /**
   * Whether a silent sign-in may be tried without a cached account. Under nested app
   * authentication the host answers it; a standard client would need a hidden Entra frame, which
   * the pages' content security policy does not allow.
   */
  ssoSilent: boolean;
}

/** How an MSAL failure reads to the user. MSAL errors carry a stable `errorCode`. */
export function signInFailure(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const code = String((error as { errorCode?: unknown } | null)?.errorCode ?? '');
  if (code === 'user_cancelled' || code === 'access_denied') return new SignInError('CANCELLED');
  if (/popup|window|nested_popups|redirect_in_iframe/.test(code)) return new SignInError('UNAVAILABLE');
  if (/consent_required|interaction_required|login_required/.test(code)) {
    return new SignInError('CONSENT_REQUIRED');
  }
  return new SignInError('FAILED');
}

/**
 * Tokens from an MSAL client: silently first (MSAL's cache, refreshed when needed), interactively
 * when that fails or when the server asked for consent or sent a claims challenge. Interactive
 * requests are shared by concurrent callers, so several API calls at start-up open one prompt.
 * MSAL's cache is configured by the front ends in memory only (see `msalCacheOptions`).
 */
export function msalTokens(client: MsalClient, options: MsalTokenOptions): GetToken {
  let pending: Promise<string> | undefined;
  const base = () => ({
    scopes: options.scopes,
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
  });

  const remember = (result: MsalResult) => {
    client.setActiveAccount(result.account as never);
    return result.accessToken;
  };

  const interactive = (request?: TokenRequest): Promise<string> => {
    pending ??= client
      .acquireTokenPopup({
        ...base(),
        ...(request?.claims ? { claims: request.claims } : {}),
        // Consent asked for by the server (not a claims challenge) means Entra must show its
        // consent page even if it would otherwise sign in silently.
        ...(request?.reason === 'consent' && !request.claims ? { prompt: 'consent' } : {}),
      })
      .then(remember, (error: unknown) => {
        throw signInFailure(error);
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async (request) => {
    if (request?.reason === 'consent' || request?.claims) return interactive(request);
    const account = client.getActiveAccount();
    try {
      if (account) {
        return remember(
          await client.acquireTokenSilent({
            ...base(),
            account,
            ...(request?.reason === 'rejected' ? { forceRefresh: true } : {}),
          }),
        );
      }
      if (options.ssoSilent) return remember(await client.ssoSilent(base()));
    } catch {
      // Expired session, new consent needed, conditional access: the prompt below resolves each.
    }
    return interactive(request);
  };
}

/** MSAL's cache for every client in the front ends: in memory, never in localStorage. */
export const msalCacheOptions = { cacheLocation: 'memoryStorage' } as const;

/** The scope the API's tokens are asked for: every permission the registration lists. */
export function apiScopes(appIdUri: string): string[] {
  return [`${appIdUri.replace(/\/+$/, '')}/.default`];
}

/** GET /tab/auth-config.json and /word/auth-config.json: public values (the client id is in the manifests too). */
export interface SignInSettings {
  clientId: string;
  tenantId?: string;
  scopes: string[];
}

/** The sign-in settings in Microsoft 365 mode; null in local mode or when the server has none. */
export async function loadSignInSettings(
  fetch: (input: string, init?: RequestInit) => Promise<Response>,
  url: string,
): Promise<SignInSettings | null> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  if (!response.ok) return null;
  const body = (await response.json()) as Record<string, unknown>;
  const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s) => typeof s === 'string') : [];
  if (body.mode !== 'm365' || typeof body.clientId !== 'string' || !body.clientId || !scopes.length) {
    return null;
  }
  return {
    clientId: body.clientId,
    ...(typeof body.tenantId === 'string' && body.tenantId ? { tenantId: body.tenantId } : {}),
    scopes,
  };
}

/**
 * MSAL's configuration for these settings: the school's own tenant (or any work account when it is
 * not known), `redirectUri` where a window may come back (a registered single-page-app redirect
 * URI), and the cache in memory.
 */
export function msalConfiguration(settings: SignInSettings, redirectUri?: string) {
  return {
    auth: {
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(settings.tenantId ?? 'organizations')}`,
      ...(redirectUri ? { redirectUri } : {}),
    },
    cache: { ...msalCacheOptions },
  };
}
