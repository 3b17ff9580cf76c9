import { GraphClientError, type Client } from '@microsoft/microsoft-graph-client';
import {
  AccessDeniedError,
  AuthenticationError,
  RateLimitedError,
  UpstreamError,
  isDomainError,
} from '../../../core/index.js';
import { createGraphClient, toDomainError, type RetryPolicy } from '../../../storage/sharepoint/index.js';
import type { Logger } from '../logger.js';
import { CONSENT_REQUIRED, type GraphTokenService } from './graph-token-service.js';

/**
 * Someone whose team membership is asked about: a tenant and an Entra object id. An API caller brings
 * their validated token (`assertion`), so Graph is asked on their behalf; the bot has no user token, so
 * it asks as the app.
 */
export interface Principal {
  tenantId: string;
  objectId: string;
  assertion?: string;
}

export interface TeamMembership {
  /** Which of `teamIds` (group ids, lower case) the principal belongs to, in the order given. */
  teamsOf(principal: Principal, teamIds: readonly string[]): Promise<readonly string[]>;
}

export interface GraphTeamMembershipOptions {
  tokens: Pick<GraphTokenService, 'forUser' | 'forApp'>;
  graphBaseUrl: string;
  product: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

/** Graph accepts at most 20 group ids per checkMemberGroups call. */
const GROUPS_PER_CALL = 20;

/**
 * Membership through Graph's `checkMemberGroups`, on the project's one Graph client (its timeouts,
 * Retry-After and throttling). With the user's own token it asks `/me/...` (least privilege: `User.Read`
 * suffices); the bot asks `/users/{id}/...` as the app. Microsoft 365 groups cannot nest, so this is
 * exactly "is a member of the team", and one call answers for up to 20 teams.
 */
export class GraphTeamMembership implements TeamMembership {
  private readonly logger: Logger;

  constructor(private readonly options: GraphTeamMembershipOptions) {
    this.logger = options.logger.child({ component: 'team-membership' });
  }

  async teamsOf(principal: Principal, teamIds: readonly string[]): Promise<readonly string[]> {
    const wanted = [...new Set(teamIds.map((t) => t.toLowerCase()))];
    if (wanted.length === 0) return [];
    const client = this.clientFor(principal);
    const path = principal.assertion
      ? '/me/checkMemberGroups'
      : `/users/${encodeURIComponent(principal.objectId)}/checkMemberGroups`;
    const found = new Set<string>();
    for (let i = 0; i < wanted.length; i += GROUPS_PER_CALL) {
      for (const id of await this.check(client, path, wanted.slice(i, i + GROUPS_PER_CALL), principal)) {
        found.add(id.toLowerCase());
      }
    }
    return wanted.filter((id) => found.has(id));
  }

  private clientFor(principal: Principal): Client {
    const { tokens } = this.options;
    const assertion = principal.assertion;
    return createGraphClient({
      baseUrl: this.options.graphBaseUrl,
      product: this.options.product,
      getAccessToken: () => (assertion ? tokens.forUser(assertion) : tokens.forApp(principal.tenantId)),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
    });
  }

  private async check(
    client: Client,
    path: string,
    groupIds: string[],
    principal: Principal,
  ): Promise<string[]> {
    let body: unknown;
    try {
      body = await client.api(path).post({ groupIds });
    } catch (error) {
      // A token that could not be had (Entra down, consent needed) or a Graph that never answered
      // keeps its own error; only Graph's refusals are put in the words of access.
      if (error instanceof GraphClientError && isDomainError(error.customError)) throw error.customError;
      throw this.failure(toDomainError(error), principal);
    }
    const value = (body as { value?: unknown } | undefined)?.value;
    if (!Array.isArray(value)) throw unavailable();
    return value.filter((v): v is string => typeof v === 'string');
  }

  /** Graph's answer in the words of access: consent, throttling, or "cannot check right now". */
  private failure(error: unknown, principal: Principal): Error {
    const code = isDomainError(error) ? error.code : undefined;
    this.logger.warn({ code, delegated: principal.assertion !== undefined }, 'membership check refused');
    if (error instanceof RateLimitedError) return error;
    if (error instanceof AuthenticationError && error.code === CONSENT_REQUIRED) return error;
    if (error instanceof AccessDeniedError && principal.assertion) {
      // The user's token lacks the delegated permission: an admin or the user must consent.
      return new AuthenticationError(
        CONSENT_REQUIRED,
        'Microsoft 365 needs you to approve this app before it can check your safeguarding team.',
      );
    }
    return unavailable(error);
  }
}

function unavailable(cause?: unknown): UpstreamError {
  return new UpstreamError('MEMBERSHIP_CHECK_FAILED', 'Team membership cannot be checked right now.', cause);
}
