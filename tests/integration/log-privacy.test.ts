import { activeAssessmentBody } from '../helpers/assessment-data.js';
import { messageActivity, startFakeConnector } from '../helpers/fake-connector.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * DESIGN §6: logs carry ids and codes, never request bodies or free text. A canary name goes through
 * every route and every error path the foundation has; it must never reach the log.
 */
const CANARY = 'Zephyrine Quillfeather';
const OTHER = 'Bartholomew Canarywing';

describe('the server log never contains a child’s name', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('through successful writes and reads, every error path, queries, paths and bot messages', async () => {
    const api = `${server.url}/api/assessments`;
    const body = activeAssessmentBody(CANARY);
    (body.otherChildren as { name: string }[])[0]!.name = OTHER;
    body.staffNotes = `${CANARY} told her tutor first.`;

    const created = await call(api, { method: 'POST', body });
    expect(created.status).toBe(201);
    const url = `${api}/${created.body.id}`;
    await call(url);
    await call(url, {
      method: 'PUT',
      body: {
        ...created.body,
        learner: { ...created.body.learner, keyAdult: CANARY },
        changeReason: `Spoke to ${CANARY}'s mum`,
      },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    await call(`${url}/reviews`, {
      method: 'POST',
      body: {
        date: '2026-01-01',
        behaviourChanges: `${CANARY} is settled`,
        strategyImpacts: [],
        nextDue: '2027-01-01',
      },
    });
    await call(api);
    await call(`${server.url}/api/reviews/due?withinDays=365`);

    // Error paths that have the name in them.
    await call(api, {
      method: 'POST',
      rawBody: `{"learner":{"name":"${CANARY}"`,
      headers: { 'content-type': 'application/json' },
    });
    await call(api, { method: 'POST', body: { learner: { name: CANARY }, [CANARY]: true } });
    await call(api, { method: 'POST', body: { learner: { name: CANARY, dateOfBirth: CANARY } } });
    await call(api, {
      method: 'POST',
      rawBody: JSON.stringify({ learner: { name: CANARY, send: 'x'.repeat(300_000) } }),
      headers: { 'content-type': 'application/json' },
    });
    await call(api, { method: 'POST', rawBody: CANARY, headers: { 'content-type': 'text/plain' } });
    await call(url, {
      method: 'PUT',
      body: { ...created.body, learner: { name: CANARY } },
      headers: { 'if-match': '"stale"' },
    });
    await call(`${api}/${encodeURIComponent(CANARY)}`);
    await call(`${api}?status=${encodeURIComponent(CANARY)}`);
    await call(`${server.url}/${encodeURIComponent(CANARY)}`);

    // The bot endpoint, with the name in the message text.
    const connector = await startFakeConnector();
    try {
      await call(`${server.url}/api/messages`, {
        method: 'POST',
        body: messageActivity(connector.serviceUrl, `is ${CANARY} ok?`),
      });
      await call(`${server.url}/api/messages`, { method: 'POST', body: { type: 'message', text: CANARY } });
    } finally {
      await connector.close();
    }

    const log = server.logs.join('\n');
    expect(server.logs.length).toBeGreaterThan(15);
    for (const needle of [
      CANARY,
      OTHER,
      'Zephyrine',
      'Quillfeather',
      'Canarywing',
      'told her tutor',
      'is settled',
    ]) {
      expect(log).not.toContain(needle);
    }
    // The log still says what happened, by id and code.
    expect(log).toContain('"route":"/api/assessments/:id"');
    expect(log).toMatch(/"code":"MALFORMED_JSON"/);
    expect(log).toMatch(/"code":"UNKNOWN_FIELD"/);
    expect(log).toMatch(/"code":"PAYLOAD_TOO_LARGE"/);
  });
});
