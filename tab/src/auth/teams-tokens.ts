import type { GetToken } from '../../../core/api/browser-client';
import { SignInError } from '../../../core/api/browser-sign-in';

/** What the Teams fallback needs from teams-js (teams-host.ts passes the real calls). */
export interface TeamsAuthentication {
  /** Teams single sign-on (authentication.getAuthToken). Rejects with Teams' reason, often a bare string. */
  getAuthToken(): Promise<string>;
  /** Opens `url` in Teams' authentication window (authentication.authenticate); resolves with what it reports. */
  authenticate(url: string): Promise<string>;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Tokens where Teams cannot broker MSAL (nested app authentication not recommended by the host):
 * Teams single sign-on, and, when consent or a fresh sign-in is needed, MSAL in Teams'
 * authentication window (/tab/auth-start), which reports the token back through Teams.
 */
export function teamsTokens(teams: TeamsAuthentication, authStartUrl: string): GetToken {
  let pending: Promise<string> | undefined;
  const interactive = (prompt: boolean, claims?: string) => {
    const url = new URL(authStartUrl);
    if (prompt) url.searchParams.set('prompt', 'consent');
    if (claims) url.searchParams.set('claims', claims);
    pending ??= teams
      .authenticate(url.href)
      .catch((error: unknown) => {
        const why = reason(error);
        throw new SignInError(
          /cancel/i.test(why) ? 'CANCELLED' : /window|popup/i.test(why) ? 'UNAVAILABLE' : 'FAILED',
        );
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async (request) => {
    if (request?.reason === 'consent' || request?.claims) {
      return interactive(!request.claims, request.claims);
    }
    try {
      return await teams.getAuthToken();
    } catch (error) {
      // Teams reports failures as strings such as "resourceRequiresConsent" or "interaction_required".
      throw new SignInError(
        /consent|resourceDisabled|interaction/i.test(reason(error)) ? 'CONSENT_REQUIRED' : 'FAILED',
      );
    }
  };
}
