import type { GetToken, TokenRequest } from '../../../core/api/browser-client.js';
import {
  msalConfiguration,
  msalTokens,
  SignInError,
  type SignInSettings,
} from '../../../core/api/browser-sign-in.js';
import type { PaneMsal } from './msal.js';
import { parseSignInMessage } from './sign-in-error.js';

/**
 * Tokens for the server's API. In Word that supports nested app authentication, MSAL asks Office
 * for them (Office brokers sign-in, consent and MFA). In older Word, Microsoft's documented fallback:
 * Office single sign-on (Office.auth.getAccessToken), then MSAL on the sign-in page in an Office
 * dialog when SSO is unavailable (errors 13xxx: a personal account, an unconsented tenant…) or the
 * server asks for consent Office cannot give. Outside Word (preview mode) MSAL signs in with a pop-up.
 */

/** Opens the sign-in page in an Office dialog and resolves with the access token. */
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

/** The sign-in page, told to ask for consent or to meet the server's claims challenge. */
export function signInPageUrl(base: string, request?: TokenRequest): string {
  const params = new URLSearchParams();
  if (request?.claims) params.set('claims', request.claims);
  else if (request?.reason === 'consent') params.set('prompt', 'consent');
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** A token source for the sign-in page in a dialog, keeping its token until shortly before it expires. */
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

export interface PaneSignIn {
  msal: PaneMsal;
  settings(): Promise<SignInSettings | null>;
  /** The sign-in page: the dialog's start and MSAL's redirect URI. */
  signInUrl: string;
  /** Word, and what it supports; null outside Word (preview mode). */
  office: {
    nestedAppAuth: boolean;
    auth: OfficeAuth;
    openDialog: OpenSignIn;
  } | null;
}

/** Whether this Office brokers MSAL for add-ins (the NestedAppAuth requirement set). */
export function supportsNestedAppAuth(office: {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}): boolean {
  try {
    return office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}

/** The pane's token source for where it runs, chosen on first use. */
export function paneTokens(deps: PaneSignIn): GetToken {
  let tokens: Promise<GetToken> | undefined;
  const choose = async (): Promise<GetToken> => {
    const { office } = deps;
    if (office && !office.nestedAppAuth) {
      return officeTokens(office.auth, windowTokens(office.openDialog, deps.signInUrl));
    }
    const settings = await deps.settings();
    if (!settings) throw new SignInError('UNAVAILABLE');
    if (office) {
      const client = await deps.msal.nested(msalConfiguration(settings));
      return msalTokens(client, { scopes: settings.scopes, ssoSilent: true });
    }
    const client = await deps.msal.standard(msalConfiguration(settings, deps.signInUrl));
    return msalTokens(client, { scopes: settings.scopes, ssoSilent: false });
  };
  return async (request) => {
    tokens ??= choose().catch((error: unknown) => {
      tokens = undefined;
      throw error instanceof SignInError ? error : new SignInError('UNAVAILABLE');
    });
    return (await tokens)(request);
  };
}
