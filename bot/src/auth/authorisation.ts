import { ExpiringCache } from './expiring-cache.js';
import { schoolIdOf } from './school-id.js';
import type { Principal, TeamMembership } from './team-membership.js';
import type { TeamOwnership } from './team-owners.js';

/** A school whose records someone may act on: a tenant's safeguarding team. */
export interface SchoolGrant {
  schoolId: string;
  /** The safeguarding team's Microsoft 365 group id, lower case. */
  teamId: string;
}

/**
 * How long an answer is reused. A member removed from the team keeps access for at most
 * `positiveSeconds`; someone just added waits at most `negativeSeconds`. Both are short on purpose.
 */
export interface AuthorisationPolicy {
  positiveSeconds: number;
  negativeSeconds: number;
  /** Distinct identities remembered; least recently used go first, so memory stays flat. */
  maxEntries: number;
}

export const defaultAuthorisationPolicy: AuthorisationPolicy = {
  positiveSeconds: 60,
  negativeSeconds: 10,
  maxEntries: 5_000,
};

export interface AuthorisationOptions {
  /** The deployment's safeguarding teams (Microsoft 365 group ids). */
  teamIds: readonly string[];
  membership: TeamMembership;
  /** Who leads each team; without it nobody is the DSL (erasure is refused to all). */
  owners?: TeamOwnership;
  policy?: Partial<AuthorisationPolicy>;
  now?: () => number;
}

/**
 * The one decision, for the API and the bot alike: may this identity (tenant + object id) act for a
 * school, and which. A school is a tenant's safeguarding team; membership is asked of Microsoft 365
 * and reused only briefly, so removing someone from the team removes their access within a minute.
 */
export class Authorisation {
  private readonly teamIds: string[];
  private readonly cache: ExpiringCache<readonly string[]>;
  private readonly policy: AuthorisationPolicy;
  private readonly now: () => number;

  constructor(private readonly options: AuthorisationOptions) {
    this.teamIds = [...new Set(options.teamIds.map((t) => t.toLowerCase()))];
    this.policy = { ...defaultAuthorisationPolicy, ...options.policy };
    this.now = options.now ?? Date.now;
    this.cache = new ExpiringCache(this.policy.maxEntries, this.now);
  }

  /** Whether a group id is one of the deployment's safeguarding teams (no membership asked). */
  isSafeguardingTeam(groupId: string): boolean {
    return this.teamIds.includes(groupId.toLowerCase());
  }

  /** Every school the principal may act for, in the configured order (possibly none). */
  async schoolsOf(principal: Principal): Promise<readonly SchoolGrant[]> {
    const tenantId = principal.tenantId.toLowerCase();
    const objectId = principal.objectId.toLowerCase();
    const teams = await this.cache.getOrLoad(`${tenantId}/${objectId}`, async () => {
      const found = await this.options.membership.teamsOf({ ...principal, tenantId, objectId }, this.teamIds);
      const seconds = found.length > 0 ? this.policy.positiveSeconds : this.policy.negativeSeconds;
      return { value: found, expiresAt: this.now() + seconds * 1000 };
    });
    return teams.map((teamId) => ({ schoolId: schoolIdOf(tenantId, teamId), teamId }));
  }

  /** The school of one safeguarding team, if the principal may act for it. */
  async schoolFor(principal: Principal, teamId: string): Promise<SchoolGrant | undefined> {
    if (!this.isSafeguardingTeam(teamId)) return undefined;
    return (await this.schoolsOf(principal)).find((s) => s.teamId === teamId.toLowerCase());
  }

  /**
   * Whether the principal is the designated safeguarding lead of a school: in this product, an owner
   * of the school's safeguarding team who is also a member of it.
   */
  async isDsl(principal: Principal, teamId: string): Promise<boolean> {
    if (!this.options.owners || !(await this.schoolFor(principal, teamId))) return false;
    return this.options.owners.isOwner(
      { tenantId: principal.tenantId.toLowerCase(), objectId: principal.objectId.toLowerCase() },
      teamId.toLowerCase(),
    );
  }

  /** Distinct identities currently remembered. */
  get cachedIdentities(): number {
    return this.cache.size;
  }
}
