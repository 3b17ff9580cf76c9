import {
  AssessmentService,
  hasCaseRecords,
  schoolServices,
  type StoredAssessment,
} from '../../core/index.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { otherKey, startFakeBotAuth, unsignedToken } from '../helpers/fake-bot-auth.js';
import { BOT_APP_ID, startM365BotServer, type M365BotServer } from '../helpers/m365-bot-server.js';
import { NAME_REMINDER } from '../../bot/src/bot/name-reminder.js';
import {
  cardOf,
  channelPost,
  installed,
  message,
  TEAM_GROUP_ID,
  TEAM_ID,
  TENANT_ID,
  USER_AAD_ID,
  USER_ID,
  type ActivityOptions,
} from '../helpers/teams-activities.js';
import { call, fixedClock } from '../helpers/test-server.js';

const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const OTHER_TEAM_ID = '19:football-club@thread.tacv2';
const OTHER_TEAM_GROUP_ID = '88888888-8888-4888-8888-888888888888';
const OUTSIDER_AAD_ID = '77777777-7777-4777-8777-777777777777';

/**
 * Microsoft 365 mode: the Bot Connector's token is checked by CloudAdapter against signing keys this
 * test owns, then the tenant and team allow-lists apply.
 */
describe('POST /api/messages (Microsoft 365 mode)', () => {
  let auth: Awaited<ReturnType<typeof startFakeBotAuth>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  let server: M365BotServer;
  let seeded: StoredAssessment;
  const clock = fixedClock('2026-03-09T10:00:00Z');

  beforeAll(async () => {
    // The connector reports every rejected token on the console; the assertions below are what matter.
    jest.spyOn(console, 'error').mockImplementation(() => {});
    auth = await startFakeBotAuth();
    connector = await startFakeConnector({
      teams: {
        [TEAM_ID]: { aadGroupId: TEAM_GROUP_ID, members: [USER_ID] },
        [OTHER_TEAM_ID]: { aadGroupId: OTHER_TEAM_GROUP_ID, members: [USER_ID, '29:outsider'] },
      },
    });
    server = await startM365BotServer({ metadataUrl: auth.metadataUrl, clock });
    // Membership as Microsoft Graph knows it: the user is in the safeguarding team, the outsider is not.
    server.directory.addMember(TENANT_ID, USER_AAD_ID, TEAM_GROUP_ID);
    server.directory.addMember(TENANT_ID, USER_AAD_ID, OTHER_TEAM_GROUP_ID);
    server.directory.addMember(TENANT_ID, OUTSIDER_AAD_ID, OTHER_TEAM_GROUP_ID);
    // Before any channel message: the bot reads a school's names once a minute. Quick start through the
    // school's services, as the API does: the name goes into the register of children.
    const actor = { id: 'test', kind: 'user' } as const;
    seeded = await schoolServices(server.store, {
      schoolId: `${TENANT_ID}/${TEAM_GROUP_ID}`,
      actor,
      callerName: 'Test',
      clock,
    }).plans.create({ learner: { name: 'Oluwaseun Marchetti' } }, actor);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
    await auth.close();
    jest.restoreAllMocks();
  });
  beforeEach(() => connector.activities.splice(0));

  const options = (o: Partial<ActivityOptions> = {}): ActivityOptions => ({
    serviceUrl: connector.serviceUrl,
    scope: 'personal',
    ...o,
  });

  async function post(activity: Record<string, unknown>, authorization?: string) {
    return call(`${server.url}/api/messages`, {
      method: 'POST',
      body: activity,
      headers: authorization === undefined ? {} : { authorization },
    });
  }

  async function signed(activity: Record<string, unknown>) {
    return post(activity, `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID)}`);
  }

  it('accepts a valid channel token and replies through the connector with the bot’s own credentials', async () => {
    const res = await signed(message('help', options()));
    expect(res.status).toBe(200);
    expect(connector.activities).toHaveLength(1);
    expect(connector.activities[0]!.authorization).toBe('Bearer fake-outbound');
    expect(cardOf(connector.activities[0]!).body[0].text).toBe('What I can do');
  });

  describe('rejects a request that is not from the Bot Connector with 401, and runs no handler', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, (activity: Record<string, unknown>) => Promise<string | undefined>][] = [
      ['no Authorization header', async () => undefined],
      ['an empty bearer', async () => 'Bearer '],
      ['not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
      ['garbage', async () => 'Bearer not.a.jwt'],
      ['alg "none"', async () => `Bearer ${unsignedToken(connector.serviceUrl, BOT_APP_ID, 'any')}`],
      [
        'a key the channel does not publish',
        async () =>
          `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { kid: 'unknown-kid', key: otherKey() })}`,
      ],
      [
        'a forged signature (published key id, another key)',
        async () => `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { key: otherKey() })}`,
      ],
      [
        'an expired token',
        async () => `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { expires: now() - 600 })}`,
      ],
      [
        'a token not valid yet',
        async () =>
          `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { notBefore: now() + 900 })}`,
      ],
      [
        'a token for another bot',
        async () => `Bearer ${await auth.token(connector.serviceUrl, 'someone-else')}`,
      ],
      [
        'a token from another issuer',
        async () =>
          `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { issuer: 'https://login.example.com/' })}`,
      ],
      [
        'a token for another service URL',
        async () =>
          `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { serviceUrl: 'https://smba.example.com/' })}`,
      ],
      [
        'a token naming another tenant',
        async () =>
          `Bearer ${await auth.token(connector.serviceUrl, BOT_APP_ID, { claims: { tid: OTHER_TENANT } })}`,
      ],
    ];

    it.each(cases)('%s', async (_name, header) => {
      const before = server.logs.length;
      const activity = message('new assessment', options());
      const res = await post(activity, await header(activity));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('BOT_UNAUTHENTICATED');
      expect(JSON.stringify(res.body)).not.toMatch(/jwt|signature|expired|Invalid AppId|ServiceUrl/i);
      expect(connector.activities).toHaveLength(0);
      expect(server.logs.slice(before).some((l) => l.includes('"msg":"bot command"'))).toBe(false);
    });

    it('an activity from a tenant that is not allowed, even with a valid token', async () => {
      const res = await signed(message('reviews', options({ tenantId: OTHER_TENANT })));
      expect([res.status, res.body.error.code]).toEqual([401, 'BOT_UNAUTHENTICATED']);
      expect(connector.activities).toHaveLength(0);
    });
  });

  describe('assessment commands only for the safeguarding team', () => {
    const stored = async () => server.store.forSchool(`${TENANT_ID}/${TEAM_GROUP_ID}`).list();

    it('refuses them in a 1:1 chat until the bot is in the safeguarding team', async () => {
      await signed(message('new assessment', options()));
      expect(connector.activities[0]!.body.text).toContain('haven’t been added to your safeguarding team');
    });

    it('creates a draft for the team when asked in its channel (group id learned from the connector)', async () => {
      await signed(message('new assessment', options({ scope: 'channel' })));
      expect(cardOf(connector.activities[0]!).body[0].text).toMatch(
        /^Draft risk assessment started in case HSB-2026-\d{4}$/,
      );
      const link = cardOf(connector.activities[0]!).actions[0].url as string;
      // Besides the record made before the tests, the one the bot has just started.
      const rows = (await stored()).filter((r) => r.id !== seeded.record.id);
      expect(rows).toHaveLength(1);
      expect(link).toBe(
        `https://teams.microsoft.com/l/entity/55555555-5555-4555-8555-555555555555/dashboard?context=${encodeURIComponent(JSON.stringify({ subEntityId: rows[0]!.id }))}`,
      );
      expect(connector.reads).toContain(`/v3/teams/${encodeURIComponent(TEAM_ID)}`);
    });

    it('opens a case for the team in its channel, linking to the case page in Teams', async () => {
      await signed(message('new case', options({ scope: 'channel' })));
      const card = cardOf(connector.activities[0]!);
      const caseRef = card.body[1].facts[0].value as string;
      const { store } = server;
      if (!hasCaseRecords(store)) throw new Error('The store keeps cases.');
      const cases = await store.recordsFor(`${TENANT_ID}/${TEAM_GROUP_ID}`).cases.list();
      const kase = cases.find((c) => c.caseRef === caseRef);
      expect(kase?.participants.map((p) => p.label)).toEqual(['Child A']);
      expect(card.actions[0].url).toBe(
        `https://teams.microsoft.com/l/entity/55555555-5555-4555-8555-555555555555/dashboard?context=${encodeURIComponent(JSON.stringify({ subEntityId: `cases/${kase!.id}` }))}`,
      );
    });

    it('refuses them in a group chat, a new case too', async () => {
      await signed(message('new case', options({ scope: 'groupChat' })));
      expect(connector.activities[0]!.body.text).toContain('group chat');
    });

    it('refuses them in another team’s channel, where help still works', async () => {
      const other = options({ scope: 'channel', teamId: OTHER_TEAM_ID });
      await signed(message('reviews', other));
      expect(connector.activities[0]!.body.text).toContain(
        'only available in your school’s safeguarding team',
      );
      await signed(message('help', other));
      expect(cardOf(connector.activities[1]!).body[0].text).toBe('What I can do');
    });

    it('refuses them in a group chat', async () => {
      await signed(message('new assessment', options({ scope: 'groupChat' })));
      expect(connector.activities[0]!.body.text).toContain('group chat');
    });

    it('allows a member of the safeguarding team in a 1:1 chat once the bot is installed there, but no one else', async () => {
      for (const activity of installed(options({ scope: 'channel' }))) await signed(activity);
      connector.activities.splice(0);
      await signed(message('reviews', options()));
      expect(cardOf(connector.activities[0]!).body[0].text).toBe('Reviews due');
      await signed(message('reviews', options({ userId: '29:outsider', userAadObjectId: OUTSIDER_AAD_ID })));
      expect(connector.activities[1]!.body.text).toContain('couldn’t find you in it');
      // Asked of Microsoft Graph as the app, by Entra object id: the same decision the API makes.
      expect(server.directory.requests.map((r) => r.userKey)).toContain(`${TENANT_ID}/${OUTSIDER_AAD_ID}`);
    });

    it('refuses someone in the safeguarding team’s channel who is not a member of the team (a shared channel)', async () => {
      await signed(
        message(
          'reviews',
          options({ scope: 'channel', userId: '29:outsider', userAadObjectId: OUTSIDER_AAD_ID }),
        ),
      );
      expect(connector.activities[0]!.body.text).toContain('couldn’t find you in it');
    });

    it('posts the review digest only to the safeguarding team’s channel, with the bot’s credentials', async () => {
      for (const activity of [
        ...installed(options({ scope: 'channel' })),
        ...installed(
          options({ scope: 'channel', teamId: OTHER_TEAM_ID, teamAadGroupId: OTHER_TEAM_GROUP_ID }),
        ),
      ]) {
        await signed(activity);
      }
      await new AssessmentService({
        repository: server.store.forSchool(`${TENANT_ID}/${TEAM_GROUP_ID}`),
        clock,
      }).create(
        { learner: { name: 'Test Learner' }, review: { nextDue: '2026-03-12' } },
        { id: 'test', kind: 'user' },
      );
      connector.activities.splice(0);
      const run = await server.app.bot.reminders.runOnce();
      expect(run).toEqual({ posted: 1, empty: 0, failed: 0 });
      expect(connector.activities).toHaveLength(1);
      expect(connector.activities[0]!.path).toBe(
        `/v3/conversations/${encodeURIComponent('19:safeguarding-cases@thread.tacv2')}/activities`,
      );
      expect(connector.activities[0]!.authorization).toBe('Bearer fake-outbound');
      expect(cardOf(connector.activities[0]!).body[0].text).toBe('Reviews due this week');
    });
  });

  it('reminds a member who names a child in the team’s channel, in the thread; an outsider hears nothing', async () => {
    const byMember = channelPost('oluwaseun marchetti was upset after PE', {
      serviceUrl: connector.serviceUrl,
    });
    await signed(byMember);
    expect(connector.activities).toHaveLength(1);
    expect(connector.activities[0]!.body.text).toBe(NAME_REMINDER);
    expect(connector.activities[0]!.body.replyToId).toBe(byMember.id);
    expect(connector.activities[0]!.authorization).toBe('Bearer fake-outbound');

    await signed(
      channelPost('Oluwaseun Marchetti was upset after PE', {
        serviceUrl: connector.serviceUrl,
        userId: '29:outsider',
        userAadObjectId: OUTSIDER_AAD_ID,
      }),
    );
    expect(connector.activities).toHaveLength(1);
    expect(server.logs.join('\n')).not.toMatch(/oluwaseun|marchetti/i);
  });
});
