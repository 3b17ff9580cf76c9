import { randomUUID } from 'node:crypto';
import { GraphTeamMembership } from '../../../bot/src/auth/team-membership.js';
import { RateLimitedError, UpstreamError } from '../../../core/index.js';
import { FakeEntra } from '../../fakes/entra/fake-entra.js';
import { FakeGraphDirectory } from '../../fakes/entra/fake-graph-directory.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  memoryLogger,
  TEAM_A,
  TEAM_B,
  TENANT,
  userId,
} from '../../helpers/m365-app.js';

describe('GraphTeamMembership (checkMemberGroups with the user’s delegated token)', () => {
  let entra: FakeEntra;
  let directory: FakeGraphDirectory;
  const user = { tenantId: TENANT, objectId: userId(1), assertion: 'sso-token-of-user-1' };

  beforeEach(async () => {
    entra = await FakeEntra.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appIdUri: APP_ID_URI });
    directory = await FakeGraphDirectory.start(entra);
    entra.graphTokens.set('graph-token-user-1', {
      kind: 'user',
      tenantId: TENANT,
      objectId: userId(1),
      expiresAt: Date.now() + 3_600_000,
    });
  });
  afterEach(async () => {
    await directory.close();
    await entra.close();
  });

  function membership(teamIds: string[], options: { cacheSeconds?: number; token?: string } = {}) {
    const exchanged: string[] = [];
    const tokens = {
      forUser: async (assertion: string) => {
        exchanged.push(assertion);
        return options.token ?? 'graph-token-user-1';
      },
    };
    const m = new GraphTeamMembership({
      teamIds,
      tokens,
      graphBaseUrl: directory.url,
      logger: memoryLogger().logger,
      ...(options.cacheSeconds !== undefined ? { cacheSeconds: options.cacheSeconds } : {}),
    });
    return { m, exchanged };
  }

  it('answers which configured teams the user is in, exchanging the user’s own token', async () => {
    directory.addMember(TENANT, userId(1), TEAM_B);
    directory.addMember(TENANT, userId(1), randomUUID());
    const { m, exchanged } = membership([TEAM_A, TEAM_B]);
    expect(await m.teamsOf(user)).toEqual([TEAM_B]);
    expect(exchanged).toEqual(['sso-token-of-user-1']);
  });

  it('asks about at most 20 teams per call, as Graph requires, and keeps the configured order', async () => {
    const teams = Array.from({ length: 45 }, () => randomUUID());
    directory.addMember(TENANT, userId(1), teams[44]!);
    directory.addMember(TENANT, userId(1), teams[3]!);
    const { m } = membership(teams);
    expect(await m.teamsOf(user)).toEqual([teams[3], teams[44]]);
    expect(directory.requests.map((r) => r.groupIds.length)).toEqual([20, 20, 5]);
  });

  it('reuses an answer briefly, then asks again so a removal takes effect', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    const cached = membership([TEAM_A]);
    await cached.m.teamsOf(user);
    await cached.m.teamsOf(user);
    expect(directory.requests).toHaveLength(1);

    const uncached = membership([TEAM_A], { cacheSeconds: 0 });
    expect(await uncached.m.teamsOf(user)).toEqual([TEAM_A]);
    directory.removeMember(TENANT, userId(1), TEAM_A);
    expect(await uncached.m.teamsOf(user)).toEqual([]);
  });

  it('waits out a short Retry-After on 429 and then answers', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    directory.throttle = { times: 2, retryAfter: '0' };
    const { m } = membership([TEAM_A]);
    expect(await m.teamsOf(user)).toEqual([TEAM_A]);
  });

  it('gives up with 429 (and a Retry-After) when Graph keeps throttling', async () => {
    directory.throttle = { times: 10, retryAfter: '0' };
    const { m } = membership([TEAM_A]);
    await expect(m.teamsOf(user)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('does not wait out a long Retry-After inside a request', async () => {
    directory.throttle = { times: 1, retryAfter: '120' };
    const { m } = membership([TEAM_A]);
    const started = Date.now();
    await expect(m.teamsOf(user)).rejects.toMatchObject({ retryAfterSeconds: 120 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports Graph being down as an upstream failure, and does not cache it', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    directory.failWith = 503;
    const { m } = membership([TEAM_A]);
    await expect(m.teamsOf(user)).rejects.toBeInstanceOf(UpstreamError);
    directory.failWith = undefined;
    expect(await m.teamsOf(user)).toEqual([TEAM_A]);
  });

  it('asks for consent when Graph refuses the delegated token (403)', async () => {
    directory.failWith = 403;
    const { m } = membership([TEAM_A]);
    await expect(m.teamsOf(user)).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });

  it('reports a Graph token Graph does not accept as an upstream failure (ours to fix, not the user’s)', async () => {
    const { m } = membership([TEAM_A], { token: 'never-issued' });
    await expect(m.teamsOf(user)).rejects.toMatchObject({ code: 'MEMBERSHIP_CHECK_FAILED' });
  });
});
