import type { TurnContext } from 'botbuilder';
import type { Request } from 'restify';
import { Authorisation } from '../../../bot/src/auth/authorisation.js';
import { EntraAuthenticator } from '../../../bot/src/auth/entra-authenticator.js';
import type { Principal, TeamMembership } from '../../../bot/src/auth/team-membership.js';
import type { InstallationRegistry } from '../../../bot/src/bot/installation-registry.js';
import { TeamsSchoolAccess } from '../../../bot/src/bot/school-access.js';
import { UpstreamError } from '../../../core/index.js';
import { memoryLogger } from '../../helpers/m365-app.js';
import {
  message,
  TEAM_GROUP_ID,
  TEAM_ID,
  TENANT_ID,
  USER_AAD_ID,
  type ActivityOptions,
} from '../../helpers/teams-activities.js';

/** Graph's membership answers, kept in memory, counting the questions asked (a fake of Graph). */
class DirectoryFake implements TeamMembership {
  readonly members = new Set<string>();
  asked = 0;
  failing = false;
  async teamsOf(principal: Principal, teamIds: readonly string[]): Promise<readonly string[]> {
    this.asked++;
    if (this.failing)
      throw new UpstreamError('MEMBERSHIP_CHECK_FAILED', 'Team membership cannot be checked.');
    return teamIds.filter((t) => this.members.has(`${principal.tenantId}/${principal.objectId}/${t}`));
  }
  add(objectId: string, teamId = TEAM_GROUP_ID): void {
    this.members.add(`${TENANT_ID}/${objectId}/${teamId}`);
  }
  remove(objectId: string, teamId = TEAM_GROUP_ID): void {
    this.members.delete(`${TENANT_ID}/${objectId}/${teamId}`);
  }
}

function setUp(policy: { maxEntries?: number } = {}) {
  let now = Date.parse('2026-03-09T10:00:00Z');
  const clock = { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
  const directory = new DirectoryFake();
  const authorisation = new Authorisation({
    teamIds: [TEAM_GROUP_ID],
    membership: directory,
    now: clock.now,
    policy,
  });

  const api = new EntraAuthenticator({
    validator: {
      validate: async (token: string) => ({
        tenantId: TENANT_ID,
        objectId: token.replace('token-of-', ''),
        name: undefined,
        scopes: ['access_as_user'],
      }),
    },
    authorisation,
    logger: memoryLogger().logger,
  });
  const apiAllows = async (objectId: string) => {
    const req = { headers: { authorization: `Bearer token-of-${objectId}` } } as unknown as Request;
    return (await api.schools(req)).map((s) => s.schoolId);
  };

  const installation = {
    key: `team:${TEAM_ID}`,
    scope: 'channel' as const,
    conversationId: TEAM_ID,
    serviceUrl: 'https://smba.example/',
    channelId: 'msteams',
    botId: '28:bot',
    tenantId: TENANT_ID,
    teamId: TEAM_ID,
    teamAadGroupId: TEAM_GROUP_ID,
    installedOn: '2026-03-01',
  };
  const registry = {
    list: async () => [installation],
    findTeam: async () => installation,
  } as unknown as InstallationRegistry;
  const bot = new TeamsSchoolAccess({ authorisation, registry, now: clock.now });
  const botAllows = async (objectId: string, scope: ActivityOptions['scope'] = 'personal') => {
    const activity = message('reviews', {
      serviceUrl: 'https://smba.example/',
      scope,
      userAadObjectId: objectId,
      teamAadGroupId: TEAM_GROUP_ID,
    });
    const decision = await bot.decide({ activity } as unknown as TurnContext);
    return decision.allowed ? [decision.schoolId] : [];
  };
  return { clock, directory, authorisation, apiAllows, botAllows };
}

const SCHOOL = `${TENANT_ID}/${TEAM_GROUP_ID}`;
const OTHER_USER = '44444444-4444-4444-8444-444444444444';

describe('Authorisation: one decision for the API and the bot', () => {
  it('a removed member keeps access for at most 60 seconds, on the API and in the bot alike', async () => {
    const { clock, directory, apiAllows, botAllows } = setUp();
    directory.add(USER_AAD_ID);
    expect(await apiAllows(USER_AAD_ID)).toEqual([SCHOOL]);
    expect(await botAllows(USER_AAD_ID)).toEqual([SCHOOL]);
    expect(await botAllows(USER_AAD_ID, 'channel')).toEqual([SCHOOL]);
    expect(directory.asked).toBe(1);

    directory.remove(USER_AAD_ID);
    clock.advance(59);
    expect(await apiAllows(USER_AAD_ID)).toEqual([SCHOOL]);
    expect(await botAllows(USER_AAD_ID)).toEqual([SCHOOL]);

    clock.advance(1);
    expect(await apiAllows(USER_AAD_ID)).toEqual([]);
    expect(await botAllows(USER_AAD_ID)).toEqual([]);
    expect(await botAllows(USER_AAD_ID, 'channel')).toEqual([]);
  });

  it('a refusal is remembered for 10 seconds only, so someone just added gets in quickly', async () => {
    const { clock, directory, apiAllows, botAllows } = setUp();
    expect(await botAllows(OTHER_USER)).toEqual([]);
    directory.add(OTHER_USER);
    clock.advance(9);
    expect(await apiAllows(OTHER_USER)).toEqual([]);
    expect(directory.asked).toBe(1);
    clock.advance(1);
    expect(await apiAllows(OTHER_USER)).toEqual([SCHOOL]);
    expect(await botAllows(OTHER_USER)).toEqual([SCHOOL]);
    expect(directory.asked).toBe(2);
  });

  it('remembers a bounded number of identities, forgetting the least recently used first', async () => {
    const { directory, authorisation } = setUp({ maxEntries: 3 });
    const ids = ['1', '2', '3', '4', '5'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    for (const id of ids) directory.add(id);
    for (const id of ids.slice(0, 3)) await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: id });
    // Use the first again, so the second is now the least recently used.
    await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: ids[0]! });
    for (const id of ids.slice(3)) await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: id });
    expect(authorisation.cachedIdentities).toBe(3);
    expect(directory.asked).toBe(5);

    await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: ids[0]! });
    expect(directory.asked).toBe(5);
    await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: ids[1]! });
    expect(directory.asked).toBe(6);
    expect(authorisation.cachedIdentities).toBe(3);
  });

  it('shares one question among simultaneous requests, and never remembers a failure', async () => {
    const { directory, authorisation } = setUp();
    directory.add(USER_AAD_ID);
    const who = { tenantId: TENANT_ID, objectId: USER_AAD_ID };
    await Promise.all([
      authorisation.schoolsOf(who),
      authorisation.schoolsOf(who),
      authorisation.schoolsOf(who),
    ]);
    expect(directory.asked).toBe(1);

    const other = { tenantId: TENANT_ID, objectId: OTHER_USER };
    directory.add(OTHER_USER);
    directory.failing = true;
    await expect(authorisation.schoolsOf(other)).rejects.toBeInstanceOf(UpstreamError);
    directory.failing = false;
    expect((await authorisation.schoolsOf(other)).map((s) => s.schoolId)).toEqual([SCHOOL]);
  });

  it('names one identity however Teams and Entra case its ids', async () => {
    const { directory, authorisation } = setUp();
    directory.add(USER_AAD_ID);
    await authorisation.schoolsOf({ tenantId: TENANT_ID.toUpperCase(), objectId: USER_AAD_ID.toUpperCase() });
    await authorisation.schoolsOf({ tenantId: TENANT_ID, objectId: USER_AAD_ID });
    expect(directory.asked).toBe(1);
    expect(authorisation.cachedIdentities).toBe(1);
  });

  it('in the bot, refuses a channel that is not a safeguarding team without asking about membership', async () => {
    const { directory, authorisation } = setUp();
    expect(authorisation.isSafeguardingTeam(TEAM_GROUP_ID.toUpperCase())).toBe(true);
    expect(authorisation.isSafeguardingTeam('88888888-8888-4888-8888-888888888888')).toBe(false);
    expect(
      await authorisation.schoolFor(
        { tenantId: TENANT_ID, objectId: USER_AAD_ID },
        '88888888-8888-4888-8888-888888888888',
      ),
    ).toBeUndefined();
    expect(directory.asked).toBe(0);
  });
});
