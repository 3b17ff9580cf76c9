import { BlobServiceClient } from '@azure/storage-blob';
import { AssessmentService } from '../../core/index.js';
import { createAssessmentStore } from '../../storage/index.js';
import { startAzurite } from '../helpers/azurite.js';
import { startFakeBotAuth } from '../helpers/fake-bot-auth.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { BOT_APP_ID, startM365BotServer } from '../helpers/m365-bot-server.js';
import { installed, TEAM_GROUP_ID, TEAM_ID, TENANT_ID, USER_ID } from '../helpers/teams-activities.js';
import { call, fixedClock } from '../helpers/test-server.js';

const CONTAINER = 'bot-state-test';
const CANARY = 'Ottoline Fairweather';

/**
 * Microsoft 365 mode keeps bot state in Azure Blob Storage (Azurite here, started by the test): the
 * installation and the day's digest survive a restart, so the digest is posted once a day, not once per
 * process; and the state holds ids, never child data.
 */
describe('bot state in Azure Blob Storage', () => {
  let azurite: Awaited<ReturnType<typeof startAzurite>>;
  let auth: Awaited<ReturnType<typeof startFakeBotAuth>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const store = createAssessmentStore({ kind: 'sqlite-memory' });
  const clock = fixedClock('2026-03-09T09:00:00Z');

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    [azurite, auth, connector] = await Promise.all([
      startAzurite(),
      startFakeBotAuth(),
      startFakeConnector({ teams: { [TEAM_ID]: { aadGroupId: TEAM_GROUP_ID, members: [USER_ID] } } }),
    ]);
    await new AssessmentService({
      repository: store.forSchool(`${TENANT_ID}/${TEAM_GROUP_ID}`),
      clock,
    }).create({ learner: { name: CANARY }, review: { nextDue: '2026-03-11' } }, { id: 'test', kind: 'user' });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await Promise.all([azurite?.stop(), auth?.close(), connector?.close()]);
    jest.restoreAllMocks();
  });

  const start = () =>
    startM365BotServer({
      metadataUrl: auth.metadataUrl,
      clock,
      store,
      storage: 'configured',
      env: { SECRET_BOT_STATE_CONNECTION_STRING: azurite.connectionString, BOT_STATE_CONTAINER: CONTAINER },
    });

  it('keeps the installation and the day’s digest across a restart', async () => {
    const first = await start();
    for (const activity of installed({ serviceUrl: connector.serviceUrl, scope: 'channel' })) {
      const token = await auth.token(connector.serviceUrl, BOT_APP_ID);
      const res = await call(`${first.url}/api/messages`, {
        method: 'POST',
        body: activity,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
    }
    expect(connector.activities).toHaveLength(1); // the welcome
    expect(await first.app.bot.reminders.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    await first.close();

    const second = await start();
    expect((await second.app.bot.registry.list()).map((i) => i.key)).toEqual([`team:${TEAM_ID}`]);
    expect(await second.app.bot.reminders.runOnce()).toEqual({ posted: 0, empty: 0, failed: 0 });
    clock.set('2026-03-10T09:00:00Z');
    expect(await second.app.bot.reminders.runOnce()).toEqual({ posted: 1, empty: 0, failed: 0 });
    await second.close();

    const digests = connector.activities.filter((a) =>
      JSON.stringify(a.body).includes('Reviews due this week'),
    );
    expect(digests).toHaveLength(2);
  }, 60_000);

  it('stores ids and addresses only, never child data', async () => {
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(
      CONTAINER,
    );
    const texts: string[] = [];
    for await (const blob of container.listBlobsFlat()) {
      texts.push((await container.getBlobClient(blob.name).downloadToBuffer()).toString('utf8'));
    }
    expect(texts).toHaveLength(1);
    const state = JSON.parse(texts[0]!);
    expect(Object.keys(state.installations[`team:${TEAM_ID}`]).sort()).toEqual([
      'botId',
      'channelId',
      'conversationId',
      'installedOn',
      'key',
      'lastDigestOn',
      'scope',
      'serviceUrl',
      'teamAadGroupId',
      'teamId',
      'tenantId',
    ]);
    expect(texts[0]).not.toContain('Ottoline');
    expect(texts[0]).not.toContain('HSB-2026');
  });
});
