import { NAME_REMINDER } from '../../bot/src/bot/name-reminder.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { channelPost, installed, message, type Scope } from '../helpers/teams-activities.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const LEARNER = 'Zoë Ångström';
const OTHER = 'Balthazar Okonkwo-Reyes';
const NAME_PARTS = /zo[eë]|ångström|angstrom|balthazar|okonkwo|reyes/i;

/**
 * A member's own channel message that names a child the school has a record of gets a reply in its
 * thread: use the case reference, delete the message. The reply and the logs never repeat the name.
 */
describe('the bot’s reminder about names in channel messages', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const clock = fixedClock('2026-03-09T09:30:00Z');
  let o: { serviceUrl: string };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    connector = await startFakeConnector();
    o = { serviceUrl: connector.serviceUrl };
    const res = await call(`${server.url}/api/assessments`, {
      method: 'POST',
      body: {
        status: 'draft',
        learner: { name: LEARNER, yearGroup: 'Year 8' },
        otherChildren: [{ name: OTHER, role: 'harmed' }],
      },
    });
    expect(res.status).toBe(201);
    for (const activity of installed({ ...o, scope: 'channel' })) await post(activity);
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });
  beforeEach(() => connector.activities.splice(0));

  async function post(activity: Record<string, unknown>) {
    const res = await call(`${server.url}/api/messages`, { method: 'POST', body: activity });
    expect(res.status).toBe(200);
  }

  it('replies in the thread of a post naming a child, in another Unicode form, without the name', async () => {
    const before = server.logs.length;
    const activity = channelPost('Saw Zoe\u0308 A\u030Angstro\u0308m near the lockers again', o);
    await post(activity);

    expect(connector.activities).toHaveLength(1);
    const reply = connector.activities[0]!;
    const conversation = (activity.conversation as { id: string }).id;
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent(conversation)}/activities/${encodeURIComponent(activity.id as string)}`,
    );
    expect(reply.body.replyToId).toBe(activity.id);
    expect(reply.body.text).toBe(NAME_REMINDER);
    expect(reply.body.text).toMatch(/case reference/);
    expect(reply.body.text).toMatch(/delete/);
    expect(JSON.stringify(reply.body)).not.toMatch(NAME_PARTS);
    const logged = server.logs.slice(before).join('\n');
    expect(logged).toContain('name reminder sent');
    expect(logged).not.toMatch(NAME_PARTS);
  });

  it('notices another child’s name written with invisible characters', async () => {
    await post(channelPost('Bal\u00adthazar Okonkwo\u2011Reyes was upset at lunch', o));
    expect(connector.activities.map((a) => a.body.text)).toEqual([NAME_REMINDER]);
  });

  it('stays silent on a channel post with no child’s name and no @mention', async () => {
    await post(channelPost('Staff meeting moved to 3.30 — Zoey’s cake in the staff room', o));
    await post(channelPost('Please check case HSB-2026-0001 before Thursday', o));
    expect(connector.activities).toHaveLength(0);
  });

  it('still answers a command that names a child, after the reminder', async () => {
    await post(message(`ask what counts as HSB, ${LEARNER} sent a picture`, { ...o, scope: 'channel' }));
    expect(connector.activities).toHaveLength(2);
    expect(connector.activities[0]!.body.text).toBe(NAME_REMINDER);
    // The command is still answered (an FAQ card, or the no-good-answer reply with helplines).
    const answer = connector.activities[1]!.body;
    expect(answer.text).not.toBe(NAME_REMINDER);
    expect(answer.attachments?.length ?? (answer.text as string).length).toBeGreaterThan(0);
    for (const a of connector.activities) expect(JSON.stringify(a.body)).not.toMatch(NAME_PARTS);
  });

  it.each<Scope>(['personal', 'groupChat'])('does not remind in a %s', async (scope) => {
    await post(message(`reviews for ${OTHER}`, { ...o, scope }));
    expect(connector.activities.map((a) => a.body.text)).not.toContain(NAME_REMINDER);
  });
});
