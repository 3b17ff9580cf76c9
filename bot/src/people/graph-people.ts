import type { Client } from '@microsoft/microsoft-graph-client';
import {
  isDomainError,
  mergePeople,
  RateLimitedError,
  UpstreamError,
  type PeopleDirectory,
  type Person,
} from '../../../core/index.js';
import {
  allPages,
  createGraphClient,
  toDomainError,
  type RetryPolicy,
} from '../../../storage/sharepoint/index.js';
import { ExpiringCache } from '../auth/expiring-cache.js';
import type { GraphTokenService } from '../auth/graph-token-service.js';
import type { Logger } from '../logger.js';

export interface GraphPeopleOptions {
  tokens: Pick<GraphTokenService, 'forUser' | 'forApp'>;
  graphBaseUrl: string;
  product: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  /** How long a team's member list is reused; the picker asks on every few keystrokes. */
  teamCacheMs?: number;
  now?: () => number;
}

/** Whom the directory is asked for: the caller (their token, tenant) and their safeguarding team. */
export interface PeopleCaller {
  tenantId: string;
  teamId: string;
  userAssertion: string;
}

interface GraphUser {
  id?: unknown;
  displayName?: unknown;
  jobTitle?: unknown;
  '@odata.type'?: unknown;
}

const SELECT = 'id,displayName,jobTitle';

/**
 * The people directory on Microsoft Graph, on the project's one Graph client (timeouts, Retry-After,
 * throttling). The safeguarding team's members (`/groups/{id}/members`, every page) are read as the
 * app, with the application permissions the bot's membership check already holds: the caller has
 * just been proved a member of that team, and Teams shows every member its team's roster anyway, so
 * no new grant is needed. The school's staff are searched on the caller's behalf (`/users?$search`,
 * delegated User.ReadBasic.All), so the search never shows more of the directory than the caller may
 * see. The search text is never logged.
 */
export class GraphPeopleDirectory {
  private readonly teams: ExpiringCache<Person[]>;

  constructor(private readonly options: GraphPeopleOptions) {
    this.teams = new ExpiringCache<Person[]>(100, options.now);
  }

  forCaller(caller: PeopleCaller): PeopleDirectory {
    return { find: (q, top) => this.find(caller, q, top) };
  }

  private async find(caller: PeopleCaller, q: string | undefined, top: number): Promise<Person[]> {
    const [team, directory] = await Promise.all([
      this.teamMembers(caller),
      q === undefined ? Promise.resolve([]) : this.searchOrNone(caller, q, top),
    ]);
    return mergePeople(team, directory, q, top);
  }

  /**
   * The directory's answer, or none when Graph refuses it (a permission not yet granted, throttling):
   * the team's members still come back, so a meeting can go on choosing among them, and the refusal
   * is logged by its code. Consent the user can give is still asked for.
   */
  private async searchOrNone(caller: PeopleCaller, q: string, top: number): Promise<Person[]> {
    try {
      return await this.search(caller, q, top);
    } catch (error) {
      if (isDomainError(error) && error.code === 'CONSENT_REQUIRED') throw error;
      return [];
    }
  }

  /** The team's members, read once per `teamCacheMs` (a minute by default) and shared by every caller. */
  private teamMembers(caller: PeopleCaller): Promise<Person[]> {
    const now = this.options.now ?? Date.now;
    return this.teams.getOrLoad(`${caller.tenantId}/${caller.teamId}`, async () => ({
      value: await this.readTeamMembers(caller),
      expiresAt: now() + (this.options.teamCacheMs ?? 60_000),
    }));
  }

  private async readTeamMembers(caller: PeopleCaller): Promise<Person[]> {
    const client = this.client(() => this.options.tokens.forApp(caller.tenantId));
    const members = await this.call('team', () =>
      allPages<GraphUser>(
        client,
        this.options.graphBaseUrl,
        `/groups/${encodeURIComponent(caller.teamId)}/members?$select=${SELECT}`,
      ),
    );
    return members
      .filter((m) => m['@odata.type'] === undefined || m['@odata.type'] === '#microsoft.graph.user')
      .map((m) => person(m, 'team'))
      .filter((p): p is Person => p !== undefined)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }

  private async search(caller: PeopleCaller, q: string, top: number): Promise<Person[]> {
    const client = this.client(() => this.options.tokens.forUser(caller.userAssertion));
    // $search takes a quoted "property:words" clause; quotes and backslashes in the text would end it.
    const words = q.replace(/["\\]/g, ' ').trim();
    if (words === '') return [];
    const body = await this.call(
      'directory',
      () =>
        client
          .api('/users')
          .header('ConsistencyLevel', 'eventual')
          .search(encodeURIComponent(`"displayName:${words}"`))
          .select(SELECT)
          .top(top)
          .get() as Promise<{ value?: GraphUser[] }>,
    );
    return (body.value ?? []).map((u) => person(u, 'directory')).filter((p): p is Person => p !== undefined);
  }

  private client(getAccessToken: () => Promise<string>): Client {
    return createGraphClient({
      baseUrl: this.options.graphBaseUrl,
      product: this.options.product,
      getAccessToken,
      ...(this.options.retry ? { retry: this.options.retry } : {}),
    });
  }

  /** Graph's failure in the words of this feature; only its code is logged, never the search. */
  private async call<T>(part: 'team' | 'directory', run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const domain = toDomainError(error);
      const code = isDomainError(domain) ? domain.code : undefined;
      this.options.logger.warn({ code, part }, 'people directory refused');
      if (domain instanceof RateLimitedError) throw domain;
      if (isDomainError(domain) && domain.code === 'CONSENT_REQUIRED') throw domain;
      throw new UpstreamError(
        'PEOPLE_UNAVAILABLE',
        'The staff directory cannot be searched right now. Type the owner’s name instead.',
        domain,
      );
    }
  }
}

function person(user: GraphUser, source: Person['source']): Person | undefined {
  if (typeof user.id !== 'string' || typeof user.displayName !== 'string' || user.displayName.trim() === '') {
    return undefined;
  }
  return {
    id: user.id.toLowerCase(),
    displayName: user.displayName,
    ...(typeof user.jobTitle === 'string' && user.jobTitle ? { jobTitle: user.jobTitle } : {}),
    source,
  };
}
