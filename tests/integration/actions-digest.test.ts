import { startFakeConnector } from '../helpers/fake-connector.js';
import { installed } from '../helpers/teams-activities.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const CANARY = 'Zephyrine Quillfeather';
const OWNER = 'Barnaby Staffmember';

/** The safeguarding channel's daily digest counts overdue actions from the real plans, naming nothing. */
describe('the digest’s overdue actions (real server and bot, local mode)', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const clock = fixedClock('2026-03-09T09:30:00Z'); // Monday, after the digest hour

  beforeAll(async () => {
    server = await startTestServer({ clock });
    connector = await startFakeConnector();
    const created = await call(`${server.url}/api/assessments`, {
      method: 'POST',
      body: {
        learner: { name: CANARY },
        risks: [
          {
            context: 'toilets-changing',
            description: 'Unsupervised at break',
            likelihood: 2,
            impact: 2,
            strategies: [
              {
                action: `${CANARY} uses the staff toilet`,
                owner: OWNER,
                ownerId: 'local:sam-patel',
                due: '2026-03-02',
              },
              { action: 'Escorted at break', owner: OWNER, due: '2026-03-06' },
              { action: 'Done already', owner: OWNER, due: '2026-03-01', inPlace: true },
              { action: 'Later', owner: OWNER, due: '2026-03-20' },
            ],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    for (const activity of installed({ serviceUrl: connector.serviceUrl, scope: 'channel' })) {
      expect((await call(`${server.url}/api/messages`, { method: 'POST', body: activity })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it('posts "2 actions overdue" with a link to the tab, and no name, owner or action', async () => {
    expect(await server.app.bot.reminders.runOnce()).toMatchObject({ posted: 1 });
    const cards = connector.activities
      .map((a) => JSON.stringify(a.body))
      .filter((b) => b.includes('overdue'));
    const overdue = cards.find((b) => b.includes('actions overdue'));
    expect(overdue).toBeDefined();
    expect(overdue).toContain('2 actions overdue');
    expect(overdue).toContain(`${server.url}/tab/`);
    for (const card of connector.activities.map((a) => JSON.stringify(a.body))) {
      expect(card).not.toMatch(/Zephyrine|Quillfeather|Barnaby|staff toilet|Escorted/);
    }
  });
});
