import { AuthenticationError, RateLimitedError, UpstreamError } from '../../../core/index.js';
import type { Logger } from '../logger.js';
import { ExpiringCache } from './expiring-cache.js';
import { CONSENT_REQUIRED, type GraphTokenService } from './graph-token-service.js';

export interface SignedInUser {
  tenantId: string;
  objectId: string;
  /** The user's validated token, exchanged on their behalf for the Graph call. */
  assertion: string;
}

export interface TeamMembership {
  /** Which of this deployment's safeguarding teams (group ids, lower case) the user belongs to. */
  teamsOf(user: SignedInUser): Promise<readonly string[]>;
}

export interface GraphTeamMembershipOptions {
  teamIds: readonly string[];
  tokens: Pick<GraphTokenService, 'forUser'>;
  graphBaseUrl: string;
  logger: Logger;
  /** How long an answer is reused. Someone removed from the team loses access within this time. */
  cacheSeconds?: number;
  maxCachedUsers?: number;
  timeoutMs?: number;
  /** Longest Retry-After we wait out inside a request before giving the client a 429. */
  maxRetryAfterSeconds?: number;
}

/** Graph accepts at most 20 group ids per checkMemberGroups call. */
const GROUPS_PER_CALL = 20;
const ATTEMPTS = 3;

/**
 * Membership through Graph's `POST /me/checkMemberGroups`, called with the user's own delegated token
 * (least privilege: `User.Read` suffices for the signed-in user). Microsoft 365 groups cannot nest, so
 * this is exactly "is a member of the team". One call answers for up to 20 teams, so a trust with many
 * schools still costs one round trip per user per cache period.
 */
export class GraphTeamMembership implements TeamMembership {
  private readonly cache: ExpiringCache<readonly string[]>;
  private readonly teamIds: string[];
  private readonly endpoint: string;
  private readonly ttlMs: number;
  private readonly logger: Logger;

  constructor(private readonly options: GraphTeamMembershipOptions) {
    this.teamIds = [...new Set(options.teamIds.map((t) => t.toLowerCase()))];
    this.endpoint = `${options.graphBaseUrl.replace(/\/$/, '')}/v1.0/me/checkMemberGroups`;
    this.ttlMs = (options.cacheSeconds ?? 120) * 1000;
    this.cache = new ExpiringCache(options.maxCachedUsers ?? 5_000);
    this.logger = options.logger.child({ component: 'team-membership' });
  }

  teamsOf(user: SignedInUser): Promise<readonly string[]> {
    return this.cache.getOrLoad(`${user.tenantId}/${user.objectId}`, async () => ({
      value: await this.lookUp(user.assertion),
      expiresAt: Date.now() + this.ttlMs,
    }));
  }

  private async lookUp(assertion: string): Promise<readonly string[]> {
    const token = await this.options.tokens.forUser(assertion);
    const found = new Set<string>();
    for (let i = 0; i < this.teamIds.length; i += GROUPS_PER_CALL) {
      for (const id of await this.check(token, this.teamIds.slice(i, i + GROUPS_PER_CALL))) {
        found.add(id.toLowerCase());
      }
    }
    return this.teamIds.filter((id) => found.has(id));
  }

  private async check(token: string, groupIds: string[]): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ groupIds }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new UpstreamError(
          'MEMBERSHIP_CHECK_FAILED',
          'Team membership cannot be checked right now.',
          error,
        );
      }
      if (response.ok) {
        const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
        if (!Array.isArray(body?.value)) {
          throw new UpstreamError('MEMBERSHIP_CHECK_FAILED', 'Team membership cannot be checked right now.');
        }
        return body.value.filter((v): v is string => typeof v === 'string');
      }
      await response.arrayBuffer().catch(() => undefined);
      this.logger.warn({ status: response.status, attempt }, 'membership check refused');

      if (response.status === 403) {
        // The user's token lacks the delegated permission: an admin or the user must consent.
        throw new AuthenticationError(
          CONSENT_REQUIRED,
          'Microsoft 365 needs you to approve this app before it can check your safeguarding team.',
        );
      }
      const retryable = response.status === 429 || response.status === 503 || response.status === 504;
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      if (retryable && attempt < ATTEMPTS && wait <= (this.options.maxRetryAfterSeconds ?? 5)) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      if (response.status === 429) throw new RateLimitedError(Math.max(1, wait));
      throw new UpstreamError('MEMBERSHIP_CHECK_FAILED', 'Team membership cannot be checked right now.');
    }
  }
}

function retryAfterSeconds(header: string | null): number {
  if (header === null) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
