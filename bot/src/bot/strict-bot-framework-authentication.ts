import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * ConfigurationBotFrameworkAuthentication with two fixes:
 * - a token whose signature does not verify (or that is not yet valid) is a 401: the connector lets
 *   jsonwebtoken's own errors escape, which would otherwise become a 500 (COOKBOOK §1);
 * - the activity must come from an allowed tenant, and so must the token when it names one (`tid`), so
 *   that a bot registration used from another tenant is refused before any handler runs.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private allowedTenants: ReadonlySet<string> = new Set();

  withAllowedTenants(tenantIds: readonly string[]): this {
    this.allowedTenants = new Set(tenantIds.map((t) => t.toLowerCase()));
    return this;
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (TOKEN_ERRORS.has((error as { name?: string })?.name ?? '')) {
        throw new AuthenticationError('The token is not valid.', 401);
      }
      throw error;
    }
    if (this.allowedTenants.size > 0) {
      const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
      const tenant = (activity.conversation?.tenantId ?? channelData?.tenant?.id ?? '').toLowerCase();
      const tokenTenant = result.claimsIdentity.getClaimValue('tid');
      if (
        !this.allowedTenants.has(tenant) ||
        (tokenTenant && !this.allowedTenants.has(tokenTenant.toLowerCase()))
      ) {
        throw new AuthenticationError('The tenant is not allowed to use this bot.', 401);
      }
    }
    return result;
  }
}
