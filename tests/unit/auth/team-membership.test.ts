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

describe('GraphTeamMembership (checkMemberGroups through the one Graph client)', () => {
  let entra: FakeEntra;
  let directory: FakeGraphDirectory;
  const user = { tenantId: TENANT, objectId: userId(1), assertion: 'sso-token-of-user-1' };
  const botUser = { tenantId: TENANT, objectId: userId(1) };

  beforeEach(async () => {
    entra = await FakeEntra.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appIdUri: APP_ID_URI });
    directory = await FakeGraphDirectory.start(entra);
    const expiresAt = Date.now() + 3_600_000;
    entra.graphTokens.set('graph-token-user-1', {
      kind: 'user',
      tenantId: TENANT,
      objectId: userId(1),
      expiresAt,
    });
    entra.graphTokens.set('graph-token-app', { kind: 'app', tenantId: TENANT, expiresAt });
  });
  afterEach(async () => {
    await directory.close();
    await entra.close();
  });

  function membership(options: { token?: string } = {}) {
    const exchanged: string[] = [];
    const appTenants: string[] = [];
    const tokens = {
      forUser: async (assertion: string) => {
        exchanged.push(assertion);
        return options.token ?? 'graph-token-user-1';
      },
      forApp: async (tenantId?: string) => {
        appTenants.push(tenantId ?? '');
        return 'graph-token-app';
      },
    };
    const m = new GraphTeamMembership({
      tokens,
      graphBaseUrl: directory.url,
      product: 'hsb-assistant/test',
      logger: memoryLogger().logger,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    return { m, exchanged, appTenants };
  }

  it('answers which of the teams the user is in, exchanging the user’s own token', async () => {
    directory.addMember(TENANT, userId(1), TEAM_B);
    directory.addMember(TENANT, userId(1), randomUUID());
    const { m, exchanged, appTenants } = membership();
    expect(await m.teamsOf(user, [TEAM_A, TEAM_B])).toEqual([TEAM_B]);
    expect(exchanged).toEqual(['sso-token-of-user-1']);
    expect(appTenants).toEqual([]);
  });

  it('asks as the app about a named user when there is no user token (the bot)', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    const { m, exchanged, appTenants } = membership();
    expect(await m.teamsOf(botUser, [TEAM_A, TEAM_B])).toEqual([TEAM_A]);
    expect(await m.teamsOf({ tenantId: TENANT, objectId: userId(2) }, [TEAM_A])).toEqual([]);
    expect(exchanged).toEqual([]);
    expect(appTenants).toEqual([TENANT, TENANT]);
  });

  it('asks about at most 20 teams per call, as Graph requires, and keeps the given order', async () => {
    const teams = Array.from({ length: 45 }, () => randomUUID());
    directory.addMember(TENANT, userId(1), teams[44]!);
    directory.addMember(TENANT, userId(1), teams[3]!);
    const { m } = membership();
    expect(await m.teamsOf(user, teams)).toEqual([teams[3], teams[44]]);
    expect(directory.requests.map((r) => r.groupIds.length)).toEqual([20, 20, 5]);
  });

  it('asks Graph every time: reuse is the authorisation’s decision, not this client’s', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    const { m } = membership();
    expect(await m.teamsOf(user, [TEAM_A])).toEqual([TEAM_A]);
    directory.removeMember(TENANT, userId(1), TEAM_A);
    expect(await m.teamsOf(user, [TEAM_A])).toEqual([]);
    expect(directory.requests).toHaveLength(2);
  });

  it('waits out a short Retry-After on 429 (the shared client’s retry) and then answers', async () => {
    directory.addMember(TENANT, userId(1), TEAM_A);
    directory.throttle = { times: 2, retryAfter: '0' };
    const { m } = membership();
    expect(await m.teamsOf(botUser, [TEAM_A])).toEqual([TEAM_A]);
    expect(directory.throttle.times).toBe(0);
  });

  it('gives up with 429 when Graph keeps throttling', async () => {
    directory.throttle = { times: 10, retryAfter: '0' };
    const { m } = membership();
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('does not wait out a long Retry-After inside a request, and passes the server’s number on', async () => {
    directory.throttle = { times: 1, retryAfter: '120' };
    const { m } = membership();
    const started = Date.now();
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toMatchObject({ retryAfterSeconds: 120 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports Graph being down as an upstream failure', async () => {
    directory.failWith = 503;
    const { m } = membership();
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toBeInstanceOf(UpstreamError);
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toMatchObject({ code: 'MEMBERSHIP_CHECK_FAILED' });
  });

  it('asks for consent when Graph refuses the delegated token (403)', async () => {
    directory.failWith = 403;
    const { m } = membership();
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });

  it('reports a refusal of the app’s own token as ours to fix, not the user’s', async () => {
    directory.failWith = 403;
    const { m } = membership();
    await expect(m.teamsOf(botUser, [TEAM_A])).rejects.toMatchObject({ code: 'MEMBERSHIP_CHECK_FAILED' });
  });

  it('reports a Graph token Graph does not accept as an upstream failure', async () => {
    const { m } = membership({ token: 'never-issued' });
    await expect(m.teamsOf(user, [TEAM_A])).rejects.toMatchObject({ code: 'MEMBERSHIP_CHECK_FAILED' });
  });
});
