import type { Client } from '@microsoft/microsoft-graph-client';
import { UpstreamError, isDomainError } from '../../../core/index.js';
import {
  allPages,
  createGraphClient,
  toDomainError,
  type RetryPolicy,
} from '../../../storage/sharepoint/index.js';
import type { Logger } from '../logger.js';
import type { GraphTokenService } from './graph-token-service.js';
import type { Principal } from './team-membership.js';

export interface TeamOwnership {
  /** Whether the principal is an owner of the team (a Microsoft 365 group id, lower case). */
  isOwner(principal: Principal, teamId: string): Promise<boolean>;
}

export interface GraphTeamOwnersOptions {
  tokens: Pick<GraphTokenService, 'forApp'>;
  graphBaseUrl: string;
  product: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

/**
 * The product has no role of its own for the designated safeguarding lead: the DSL is an owner of
 * the school's safeguarding team, as Teams shows them. Graph's `/groups/{id}/owners` is asked as the
 * app (application permission GroupMember.Read.All, which the bot's membership check already needs),
 * so a user's token never needs a directory permission. Asked fresh each time: it gates only the rare,
 * irreversible erasure.
 */
export class GraphTeamOwners implements TeamOwnership {
  constructor(private readonly options: GraphTeamOwnersOptions) {}

  async isOwner(principal: Principal, teamId: string): Promise<boolean> {
    const wanted = principal.objectId.toLowerCase();
    let owners: { id?: unknown }[];
    try {
      owners = await allPages<{ id?: unknown }>(
        this.client(principal.tenantId),
        this.options.graphBaseUrl,
        `/groups/${encodeURIComponent(teamId)}/owners?$select=id`,
      );
    } catch (error) {
      const domain = toDomainError(error);
      this.options.logger.warn(
        { code: isDomainError(domain) ? domain.code : undefined },
        'team owners check refused',
      );
      throw new UpstreamError(
        'OWNER_CHECK_FAILED',
        'Who leads the safeguarding team cannot be checked right now.',
        domain,
      );
    }
    return owners.some((o) => typeof o.id === 'string' && o.id.toLowerCase() === wanted);
  }

  private client(tenantId: string): Client {
    return createGraphClient({
      baseUrl: this.options.graphBaseUrl,
      product: this.options.product,
      getAccessToken: () => this.options.tokens.forApp(tenantId),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
    });
  }
}
