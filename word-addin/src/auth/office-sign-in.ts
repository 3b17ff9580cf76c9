import type { GetToken, TokenRequest } from '../api/api-client.js';
import { parseSignInMessage, SignInError } from './sign-in-error.js';

/**
 * Tokens for the server's API. In Word: Office single sign-on first (Office.auth.getAccessToken),
 * and the sign-in page in an Office dialog when SSO is unavailable (errors 13xxx: an older Office,
 * a personal account, an unconsented tenant…) or when the server asks for consent Office cannot give.
 * Outside Word (preview mode in Microsoft 365) the same page opens in a pop-up window.
 */

/** Opens the sign-in page (in an Office dialog or a pop-up) and resolves with the access token. */
export type OpenSignIn = (url: string) => Promise<string>;

export interface OfficeAuth {
  getAccessToken(options: Office.AuthOptions): Promise<string>;
}

/** Office SSO error codes for which Microsoft's guidance is to fall back to a sign-in dialog. */
function isSsoUnavailable(code: number): boolean {
  return code >= 13000 && code < 14000 && code !== 13002 && code !== 13008;
}

/** When a JWT expires (ms since epoch), read without verifying: only to know when to ask again. */
export function tokenExpiry(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function signInPageUrl(base: string, request?: TokenRequest): string {
  return `${base}${request?.reason === 'consent' ? '?prompt=consent' : ''}`;
}

/** A token source for the window that signs in through `openSignIn` only (no SSO). */
export function windowTokens(openSignIn: OpenSignIn, signInUrl: string, now = () => Date.now()): GetToken {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return async (request) => {
    if (!request?.reason && cached && cached.expiresAt - now() > 120_000) return cached.token;
    // Several API calls at start-up share one sign-in window.
    pending ??= openSignIn(signInPageUrl(signInUrl, request)).then(
      (token) => {
        cached = { token, expiresAt: tokenExpiry(token) };
        pending = undefined;
        return token;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

export function officeTokens(auth: OfficeAuth, fallback: GetToken): GetToken {
  let ssoUnavailable = false;
  return async (request) => {
    const consentWithoutClaims = request?.reason === 'consent' && !request.claims;
    if (!ssoUnavailable && !consentWithoutClaims) {
      try {
        return await auth.getAccessToken({
          allowSignInPrompt: true,
          allowConsentPrompt: true,
          // The server calls Graph on the user's behalf: Office checks Graph consent up front.
          forMSGraphAccess: true,
          ...(request?.claims ? { authChallenge: request.claims } : {}),
        });
      } catch (error) {
        const code = Number((error as { code?: unknown }).code);
        if (code === 13002) throw new SignInError('CANCELLED');
        if (!isSsoUnavailable(code)) throw new SignInError('FAILED');
        ssoUnavailable = true;
      }
    }
    return fallback(request);
  };
}

type DialogApi = Pick<typeof Office, 'EventType' | 'AsyncResultStatus'> & {
  context: { ui: Pick<Office.UI, 'displayDialogAsync'> };
};

/** The sign-in page in an Office dialog; it answers with Office.context.ui.messageParent. */
export function officeDialogSignIn(office: DialogApi): OpenSignIn {
  return (url) =>
    new Promise((resolve, reject) => {
      office.context.ui.displayDialogAsync(
        url,
        { height: 60, width: 30, promptBeforeOpen: false },
        (result) => {
          if (result.status !== office.AsyncResultStatus.Succeeded) {
            reject(new SignInError('UNAVAILABLE'));
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
            dialog.close();
            const message = 'message' in arg ? parseSignInMessage(arg.message) : null;
            if (message?.status === 'token') resolve(message.token);
            else reject(new SignInError(message?.status === 'error' ? message.code : 'FAILED'));
          });
          // 12006: the user closed the dialog.
          dialog.addEventHandler(office.EventType.DialogEventReceived, () =>
            reject(new SignInError('CANCELLED')),
          );
        },
      );
    });
}

/** The sign-in page in a pop-up window (preview mode); it answers with postMessage to its opener. */
export function popupSignIn(win: Window): OpenSignIn {
  return (url) =>
    new Promise((resolve, reject) => {
      const popup = win.open(url, 'hsb-sign-in', 'popup,width=480,height=640');
      if (!popup) {
        reject(new SignInError('UNAVAILABLE'));
        return;
      }
      const closed = win.setInterval(() => {
        if (popup.closed) finish(new SignInError('CANCELLED'));
      }, 500);
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== win.location.origin || event.source !== popup) return;
        const message = parseSignInMessage(event.data);
        if (!message) return;
        finish(message.status === 'token' ? message.token : new SignInError(message.code));
      };
      function finish(outcome: string | SignInError) {
        win.clearInterval(closed);
        win.removeEventListener('message', onMessage);
        if (typeof outcome === 'string') resolve(outcome);
        else reject(outcome);
      }
      win.addEventListener('message', onMessage);
    });
}
