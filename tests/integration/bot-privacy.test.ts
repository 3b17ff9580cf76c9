import { CARD_VERBS } from '../../bot/src/bot/hsb-bot.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { cardAction, installed, message, type Scope } from '../helpers/teams-activities.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const CANARY_FIRST = 'Zephyrine';
const CANARY = `${CANARY_FIRST} Quillfeather`;
const CANARY_OTHER = 'Barnaby Wolstencroft';

/**
 * Child names stored through the API (the quick start and a case with both children) never leave the
 * store by way of the bot: not in any message, card or invoke answer of any command (a new case among
 * them), not in the daily digest, and not in the logs. Staff may even type a
 * name into a question; the bot does not echo it.
 */
describe('the bot never discloses a child’s name', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const invokeAnswers: unknown[] = [];
  const clock = fixedClock('2026-03-09T09:30:00Z');

  beforeAll(async () => {
    server = await startTestServer({ clock });
    connector = await startFakeConnector();
    for (const [nextDue, status] of [
      ['2026-03-05', 'draft'],
      ['2026-03-12', 'draft'],
    ]) {
      const res = await call(`${server.url}/api/assessments`, {
        method: 'POST',
        body: {
          status,
          learner: { name: CANARY, yearGroup: 'Year 8', keyAdult: CANARY_OTHER },
          otherChildren: [{ name: CANARY_OTHER, role: 'harmed' }],
          incidents: [{ description: `${CANARY} and ${CANARY_OTHER} in the corridor` }],
          staffNotes: `Spoke to ${CANARY_FIRST}'s mother.`,
          review: { nextDue },
        },
      });
      expect(res.status).toBe(201);
    }
    // A case opened with both children by name: the harmed child's support plan comes due too.
    const opened = await call(`${server.url}/api/cases`, {
      method: 'POST',
      body: {
        participants: [
          { child: { name: CANARY, yearGroup: 'Year 8' }, roles: ['displayedHsb'] },
          { child: { name: CANARY_OTHER }, roles: ['harmed'] },
        ],
        summary: `${CANARY} and ${CANARY_OTHER} in the corridor`,
      },
    });
    expect(opened.status).toBe(201);
    for (const p of opened.body.participants as { assessmentId: string }[]) {
      const plan = await call(`${server.url}/api/assessments/${p.assessmentId}`);
      const saved = await call(`${server.url}/api/assessments/${p.assessmentId}`, {
        method: 'PUT',
        headers: { 'if-match': plan.headers.get('etag')! },
        body: { ...plan.body, staffNotes: `${CANARY_FIRST} told us.`, review: { nextDue: '2026-03-10' } },
      });
      expect(saved.status).toBe(200);
    }

    const post = async (activity: Record<string, unknown>) => {
      const res = await call(`${server.url}/api/messages`, { method: 'POST', body: activity });
      expect(res.status).toBe(200);
      if (activity.type === 'invoke') invokeAnswers.push(res.body);
    };
    for (const scope of ['channel', 'personal', 'groupChat'] as Scope[]) {
      const o = { serviceUrl: connector.serviceUrl, scope };
      for (const activity of installed(o)) await post(activity);
      for (const text of [
        'help',
        'hi',
        'new assessment',
        'new case',
        'open a case',
        'reviews',
        'due',
        'classify',
        `ask what do I do now that ${CANARY} has touched ${CANARY_OTHER}?`,
        `${CANARY} keeps sending pictures, what now?`,
        CANARY_FIRST,
        'reveiws',
      ]) {
        await post(message(text, o));
      }
      for (const verb of CARD_VERBS) {
        await post(
          cardAction(
            verb,
            {
              faqId: 'faq.what-counts-as-hsb',
              age1: '14',
              age2: '15',
              seen: 'images',
              setting: 'online',
              consent: 'unclear',
              power: 'some',
              frequency: 'once',
              note: CANARY,
            },
            o,
          ),
        );
      }
    }
    expect(await server.app.bot.reminders.runOnce()).toMatchObject({ posted: 1 });
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  const leaks = (text: string) =>
    [CANARY_FIRST, 'Quillfeather', 'Barnaby', 'Wolstencroft'].filter((n) =>
      text.toLowerCase().includes(n.toLowerCase()),
    );

  it('sent many replies, cards and a digest, and none of them names a child', () => {
    expect(connector.activities.length).toBeGreaterThan(30);
    const digest = connector.activities.filter((a) =>
      JSON.stringify(a.body).includes('Reviews due this week'),
    );
    expect(digest).toHaveLength(1);
    expect(JSON.stringify(digest[0]!.body)).toMatch(/HSB-2026-000[12]/);
    // Each plan by its case reference and kind; the harmed child's plan by the case's pseudonym only.
    expect(JSON.stringify(digest[0]!.body)).toContain('support plan (Child B)');
    expect(JSON.stringify(digest[0]!.body)).toContain('risk assessment');
    for (const activity of connector.activities) expect(leaks(JSON.stringify(activity))).toEqual([]);
  });

  it('answered every card button, and no answer names a child', () => {
    expect(invokeAnswers.length).toBe(CARD_VERBS.length * 3);
    for (const answer of invokeAnswers) expect(leaks(JSON.stringify(answer))).toEqual([]);
  });

  it('logged every turn, and no log line names a child', () => {
    expect(server.logs.filter((l) => l.includes('"msg":"bot command"')).length).toBe(36);
    expect(server.logs.some((l) => l.includes('"msg":"case opened"'))).toBe(true);
    for (const line of server.logs) expect(leaks(line)).toEqual([]);
  });
});
