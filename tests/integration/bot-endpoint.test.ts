import { startFakeConnector, messageActivity } from '../helpers/fake-connector.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('POST /api/messages (local mode, anonymous like the Agents Playground)', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    server = await startTestServer();
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });
  beforeEach(() => connector.activities.splice(0));

  it.each(['help', 'HELP!', 'hi', 'Hello there'])('answers "%s" with what the bot does', async (text) => {
    const res = await call(`${server.url}/api/messages`, {
      method: 'POST',
      body: messageActivity(connector.serviceUrl, text),
    });
    expect(res.status).toBe(200);
    expect(connector.activities).toHaveLength(1);
    const reply = connector.activities[0]!;
    expect(reply.path).toMatch(/^\/v3\/conversations\/conv-1\/activities\/act-/);
    expect(reply.body.text).toContain('new assessment');
    expect(reply.body.text).toContain(`${server.url}/tab/`);
  });

  it('strips its own mention in a channel', async () => {
    const activity = messageActivity(connector.serviceUrl, '<at>HSB Assistant</at> help', {
      conversation: { id: 'conv-1', conversationType: 'channel', tenantId: 'tenant-1' },
      entities: [
        {
          type: 'mention',
          text: '<at>HSB Assistant</at>',
          mentioned: { id: 'bot-1', name: 'HSB Assistant' },
        },
      ],
    });
    await call(`${server.url}/api/messages`, { method: 'POST', body: activity });
    expect(connector.activities[0]!.body.text).toContain('new assessment');
  });

  it('answers anything else kindly, without an error', async () => {
    await call(`${server.url}/api/messages`, {
      method: 'POST',
      body: messageActivity(connector.serviceUrl, 'xyzzy'),
    });
    expect(connector.activities[0]!.body.text).toMatch(/help/i);
  });

  it('refuses a body that is not an activity with a coded 400, and no reply is sent', async () => {
    const res = await call(`${server.url}/api/messages`, { method: 'POST', body: { hello: 'world' } });
    expect([res.status, res.body.error.code]).toEqual([400, 'INVALID_ACTIVITY']);
    expect(connector.activities).toHaveLength(0);
  });

  it('keeps library messages away from the caller when the channel cannot be reached', async () => {
    const res = await call(`${server.url}/api/messages`, {
      method: 'POST',
      body: messageActivity('http://127.0.0.1:9/', 'help'),
    });
    expect(JSON.stringify(res.body ?? '')).not.toMatch(/ECONNREFUSED|RestError|at /);
    expect(server.logs.some((l) => l.includes('"msg":"bot turn failed"'))).toBe(true);
  }, 60_000);
});
