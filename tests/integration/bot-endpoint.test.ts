import { CARD_VERBS } from '../../bot/src/bot/hsb-bot.js';
import { checkCard } from '../helpers/adaptive-card-check.js';
import { messageActivity, startFakeConnector } from '../helpers/fake-connector.js';
import {
  cardAction,
  cardOf,
  installed,
  message,
  uninstalled,
  type Scope,
} from '../helpers/teams-activities.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The bot through the real /api/messages endpoint in local mode (anonymous, as with the Agents
 * Playground), with a fake Bot Connector capturing what the bot sends back.
 */
describe('POST /api/messages (local mode)', () => {
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  const clock = fixedClock('2026-03-09T09:30:00Z');

  beforeAll(async () => {
    server = await startTestServer({ clock });
    connector = await startFakeConnector();
    for (const nextDue of ['2026-03-06', '2026-03-13', '2026-05-30']) {
      const res = await call(`${server.url}/api/assessments`, {
        method: 'POST',
        body: { learner: { name: 'Test Learner' }, review: { nextDue } },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });
  beforeEach(() => connector.activities.splice(0));

  async function send(activity: Record<string, unknown>) {
    const res = await call(`${server.url}/api/messages`, { method: 'POST', body: activity });
    expect(res.status).toBe(200);
    return res;
  }

  /** Sends a message and returns the one reply the bot posted, checking it answers that conversation. */
  async function ask(text: string, scope: Scope) {
    const activity = message(text, { serviceUrl: connector.serviceUrl, scope });
    await send(activity);
    expect(connector.activities).toHaveLength(1);
    const reply = connector.activities[0]!;
    const [, conversation, replyTo] =
      /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(reply.path) ?? [];
    expect(decodeURIComponent(conversation ?? '')).toBe((activity.conversation as { id: string }).id);
    expect(replyTo).toBe(activity.id);
    connector.activities.splice(0);
    return reply;
  }

  describe.each<Scope>(['channel', 'personal', 'groupChat'])('in %s scope', (scope) => {
    it.each(['help', 'HELP!', 'hi', 'Hello there', ''])('answers "%s" with the help card', async (text) => {
      const card = cardOf(await ask(text, scope));
      expect(card.body[0].text).toBe('What I can do');
      expect(JSON.stringify(card)).toContain('new assessment');
      expect(JSON.stringify(card)).toContain('new case');
      expect(card.actions.find((a: any) => a.type === 'Action.OpenUrl').url).toBe(`${server.url}/tab/`);
    });

    it.each(['ask what counts as harmful sexual behaviour?', 'What counts as harmful sexual behaviour?'])(
      'answers "%s" from the FAQ, with sources and related questions',
      async (text) => {
        const card = cardOf(await ask(text, scope));
        expect(card.body[0].text).toBe('From the HSB FAQ');
        expect(card.body[1].text).toMatch(/harmful sexual behaviour/i);
        expect(JSON.stringify(card)).toMatch(/https:\/\/(?:www|assets\.publishing\.service)\.gov\.uk\//);
        expect(card.actions.map((a: any) => a.title)).toEqual(['Full answer']);
        const related = card.body.filter((b: any) => b.selectAction?.verb === 'faq.show');
        expect(related).toHaveLength(2);
      },
    );

    it('starts a draft assessment and links to it in the tab, showing only its case reference', async () => {
      const card = cardOf(await ask('New assessment!', scope));
      const caseRef = card.body[1].facts[0].value as string;
      expect(caseRef).toMatch(/^HSB-2026-\d{4}$/);
      const link = card.actions[0].url as string;
      const id = /\/tab\/#\/assessments\/([0-9a-f-]{36})$/.exec(link)?.[1];
      expect(link.startsWith(`${server.url}/tab/#/assessments/`)).toBe(true);
      const stored = await call(`${server.url}/api/assessments/${id}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ caseRef, status: 'draft', learner: { name: 'Not yet recorded' } });
    });

    it('opens a case through the case service and links to the case page, showing only its reference', async () => {
      const card = cardOf(await ask('Open a new case', scope));
      const caseRef = card.body[1].facts[0].value as string;
      expect(caseRef).toMatch(/^HSB-2026-\d{4}$/);
      expect(card.body[0].text).toBe(`Case ${caseRef} opened`);
      expect(card.body[1].facts[2]).toEqual({ title: 'Child A', value: 'Draft risk assessment' });
      const link = card.actions[0].url as string;
      const id = new RegExp(`^${server.url}/tab/#/cases/([0-9a-f-]{36})$`).exec(link)?.[1];
      const kase = await call(`${server.url}/api/cases/${id}`);
      expect(kase.status).toBe(200);
      expect(kase.body).toMatchObject({ caseRef, status: 'open' });
      expect(kase.body.participants).toEqual([
        expect.objectContaining({ roles: ['displayedHsb'], label: 'Child A' }),
      ]);
      const plan = await call(`${server.url}/api/assessments/${kase.body.participants[0].assessmentId}`);
      expect(plan.body).toMatchObject({ caseRef, kind: 'risk-assessment', status: 'draft' });
      const history = await call(`${server.url}/api/cases/${id}/chronology`);
      expect(history.body.items.map((e: { by: string }) => e.by)).toContain('HSB assistant (Teams bot)');
    });

    it.each(['reviews', 'Due?'])(
      '"%s" lists the reviews due within 14 days with dates, risk and links',
      async (text) => {
        const card = cardOf(await ask(text, scope));
        const rows = card.body.filter((b: any) => b.type === 'ColumnSet' && b.separator);
        expect(rows).toHaveLength(2);
        expect(JSON.stringify(rows[0])).toContain('Overdue by 3 days');
        expect(JSON.stringify(rows[1])).toContain('Due in 4 days');
        expect(JSON.stringify(rows)).toMatch(
          /\[HSB-2026-\d{4}\]\(http:\/\/127\.0\.0\.1:\d+\/tab\/#\/assessments\/[0-9a-f-]{36}\)/,
        );
        expect(JSON.stringify(rows[0])).toContain('"text":"risk assessment"');
        expect(JSON.stringify(card)).not.toContain('Test Learner');
      },
    );

    it('"classify" answers with the guided card', async () => {
      const card = cardOf(await ask('classify', scope));
      expect(card.body.filter((b: any) => b.type === 'Input.ChoiceSet').map((b: any) => b.id)).toEqual([
        'seen',
        'consent',
        'power',
        'frequency',
        'setting',
        'aggravating',
      ]);
      expect(JSON.stringify(card)).toContain('"type":"Input.Number","id":"age1"');
    });

    it.each([
      ['reveiws', 'Did you mean **reviews**?'],
      ['assessment', 'Did you mean **new assessment**?'],
      ['xyzzy', 'Type **help**'],
    ])('answers "%s" kindly with the closest command', async (text, expected) => {
      const reply = await ask(text, scope);
      expect(reply.body.text).toContain(expected);
      expect(reply.body.attachments ?? []).toEqual([]);
    });

    it('answers every card button within the invoke, with a valid card and no message posted', async () => {
      const data: Record<string, Record<string, unknown>> = {
        'classify.place': {
          age1: '14',
          age2: '15',
          seen: 'touching-clothed',
          consent: 'not-given',
          power: 'equal',
          frequency: 'once',
        },
        'faq.full': { faqId: 'faq.what-counts-as-hsb' },
        'faq.show': { faqId: 'faq.four-response-options' },
      };
      for (const verb of CARD_VERBS) {
        const res = await send(
          cardAction(verb, data[verb] ?? {}, { serviceUrl: connector.serviceUrl, scope }),
        );
        expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expect([verb, checkCard(res.body.value).problems]).toEqual([verb, []]);
      }
      expect(connector.activities).toHaveLength(0);
    });
  });

  it('places a behaviour from the guided card’s answers and says the DSL decides', async () => {
    const res = await send(
      cardAction(
        'classify.place',
        {
          age1: '11',
          age2: '12',
          seen: 'touching-intimate,force',
          consent: 'not-given',
          power: 'misused',
          frequency: 'once',
        },
        { serviceUrl: connector.serviceUrl, scope: 'channel' },
      ),
    );
    const text = JSON.stringify(res.body.value);
    expect(res.body.value.body[1].text).toBe('Violent');
    expect(text).toContain('The DSL decides what happens next');
    expect(text).toContain('What the guidance says to consider');
    expect(text).toContain('Report to the police');
  });

  it('asks again, keeping the answers given, when the guided card comes back incomplete', async () => {
    const res = await send(
      cardAction(
        'classify.place',
        { age1: '7', seen: 'talk' },
        { serviceUrl: connector.serviceUrl, scope: 'personal' },
      ),
    );
    const card = res.body.value;
    expect(JSON.stringify(card)).toContain('answer every question');
    const age1 = card.body
      .flatMap((b: any) => (b.type === 'ColumnSet' ? b.columns.flatMap((c: any) => c.items) : [b]))
      .find((b: any) => b.id === 'age1');
    expect([age1.type, age1.value]).toEqual(['Input.Number', 7]);
    expect(card.body.find((b: any) => b.id === 'seen').value).toBe('talk');
  });

  it('shows the full answer, and another FAQ entry, when their buttons are pressed', async () => {
    const options = { serviceUrl: connector.serviceUrl, scope: 'personal' as const };
    const full = await send(cardAction('faq.full', { faqId: 'faq.touching-in-lunch-queue' }, options));
    // The answer's closing paragraph, which only the full answer shows.
    expect(JSON.stringify(full.body.value)).toContain(
      'sexual touching without consent can be sexual assault',
    );
    expect(full.body.value.actions).toEqual([]);
    const stale = await send(cardAction('faq.show', { faqId: 'faq.no-such-entry' }, options));
    expect(JSON.stringify(stale.body.value)).toContain('FAQ answer');
  });

  it('answers an unknown or malformed button kindly', async () => {
    const options = { serviceUrl: connector.serviceUrl, scope: 'personal' as const };
    for (const activity of [
      cardAction('no.such.verb', {}, options),
      { ...cardAction('faq.full', {}, options), value: { action: { type: 'Action.Submit' } } },
      { ...cardAction('faq.full', {}, options), value: 'garbage' },
    ]) {
      const res = await send(activity);
      expect(res.body.statusCode).toBe(200);
      expect(JSON.stringify(res.body.value)).toContain('Type **help** to start again');
    }
  });

  it('welcomes a team once when installed (both install events arrive), and forgets it when removed', async () => {
    const options = { serviceUrl: connector.serviceUrl, scope: 'channel' as const };
    for (const activity of installed(options)) await send(activity);
    for (const activity of installed(options)) await send(activity);
    expect(connector.activities).toHaveLength(1);
    expect(cardOf(connector.activities[0]!).body[0].text).toBe(
      'Thanks for adding the HSB Safeguarding Assistant',
    );
    const installs = await server.app.bot.registry.list();
    expect(installs.map((i) => [i.key, i.conversationId, i.teamAadGroupId])).toContainEqual([
      'team:19:safeguarding-general@thread.tacv2',
      '19:safeguarding-cases@thread.tacv2',
      '22222222-2222-4222-8222-222222222222',
    ]);
    expect(JSON.stringify(installs)).not.toMatch(/Alex|Wilber|name/);
    await send(uninstalled(options));
    expect((await server.app.bot.registry.list()).some((i) => i.scope === 'channel')).toBe(false);
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
