import { call, errorCode } from '../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../helpers/m365-app.js';
import { CANARY_LEARNER, CANARY_OTHER_CHILD } from '../helpers/canary-assessment.js';

/** Free text that names a child: no notification, log line or URL may carry any of it. */
const ACTION = `Meets ${CANARY_LEARNER} at the gate so that ${CANARY_OTHER_CHILD} can arrive alone`;

describe('actions given to people (Microsoft 365 mode, Graph fake)', () => {
  const DSL = userId(21);
  const OWNER = userId(22);
  const COLLEAGUE = userId(23);
  const NOT_INSTALLED = userId(24);
  const STRANGER = userId(25);
  let t: M365TestApp;
  const tokens: Record<string, string> = {};
  let plan: { id: string; caseRef: string; etag: string; record: any };

  beforeAll(async () => {
    t = await startM365App();
    const people = t.directory.people;
    for (const [id, displayName, jobTitle] of [
      [DSL, 'Dana Lead', 'Designated Safeguarding Lead'],
      [OWNER, 'Sam Patel', 'Head of Year 9'],
      [COLLEAGUE, 'Samira Okafor', 'Teaching assistant'],
      [NOT_INSTALLED, 'Sam Newcomer', undefined],
    ] as const) {
      people.addUser(
        { id, displayName, ...(jobTitle ? { jobTitle } : {}) },
        { installed: id !== NOT_INSTALLED },
      );
    }
    for (const id of [DSL, OWNER, NOT_INSTALLED]) people.addTeamMember(TEAM_A, id);
    for (const id of [DSL, OWNER]) t.directory.addMember(TENANT, id, TEAM_A);
    tokens.dsl = await t.token(DSL);
    tokens.owner = await t.token(OWNER);
    const created = await call(t.url, 'POST', '/api/assessments', {
      token: tokens.dsl,
      body: { learner: { name: CANARY_LEARNER } },
    });
    expect(created.status).toBe(201);
    const body = created.body as any;
    plan = { id: body.id, caseRef: body.caseRef, etag: created.headers.get('etag')!, record: body };
  });
  afterAll(() => t.close());

  async function giveAction(ownerId: string, owner: string, due = '2026-03-20') {
    const body = {
      ...plan.record,
      risks: [
        {
          context: 'break-lunch',
          description: 'Unsupervised time at the gate',
          likelihood: 2,
          impact: 2,
          strategies: [{ action: ACTION, owner, ownerId, due }],
        },
      ],
    };
    const saved = await call(t.url, 'PUT', `/api/assessments/${plan.id}`, {
      token: tokens.dsl,
      headers: { 'If-Match': plan.etag },
      body,
    });
    expect(saved.status).toBe(200);
    plan = { ...plan, etag: saved.headers.get('etag')!, record: saved.body };
    await t.app.notifications.settled();
    return saved;
  }

  it('finds the safeguarding team first, then the school’s staff, each person once', async () => {
    const reply = await call(t.url, 'GET', '/api/people?q=sam&top=5', { token: tokens.dsl });
    expect(reply.status).toBe(200);
    expect((reply.body as any).items).toEqual([
      { id: NOT_INSTALLED, displayName: 'Sam Newcomer', source: 'team' },
      { id: OWNER, displayName: 'Sam Patel', jobTitle: 'Head of Year 9', source: 'team' },
      { id: COLLEAGUE, displayName: 'Samira Okafor', jobTitle: 'Teaching assistant', source: 'directory' },
    ]);
    expect(t.directory.people.searches.at(-1)).toEqual({
      search: '"displayName:sam"',
      consistencyLevel: 'eventual',
    });
    const team = await call(t.url, 'GET', '/api/people', { token: tokens.dsl });
    expect((team.body as any).items.map((p: { id: string }) => p.id)).toEqual([DSL, NOT_INSTALLED, OWNER]);
    expect(t.logLines.join('\n')).not.toMatch(/q=sam|displayName:sam/);
  });

  it('still offers the team when Graph refuses the directory search, and logs the code only', async () => {
    t.directory.people.failSearchWith = 403;
    try {
      const reply = await call(t.url, 'GET', '/api/people?q=samira', { token: tokens.dsl });
      expect(reply.status).toBe(200);
      expect((reply.body as any).items).toEqual([]);
      const team = await call(t.url, 'GET', '/api/people?q=sam', { token: tokens.dsl });
      expect((team.body as any).items.map((p: { id: string }) => p.id)).toEqual([NOT_INSTALLED, OWNER]);
      expect(t.logLines.join('\n')).toContain('people directory refused');
      expect(t.logLines.join('\n')).not.toMatch(/samira/i);
    } finally {
      t.directory.people.failSearchWith = undefined;
    }
  });

  it('refuses the people directory to someone outside the safeguarding team', async () => {
    const outsider = await call(t.url, 'GET', '/api/people?q=sam', { token: await t.token(STRANGER) });
    expect([outsider.status, errorCode(outsider)]).toEqual([403, 'NOT_A_MEMBER']);
  });

  it('an owner receives a notification in the Graph fake with no child’s name in it', async () => {
    await giveAction(OWNER, 'Sam Patel');
    const received = t.directory.people.notifications.filter((n) => n.userId === OWNER);
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({
      userId: OWNER,
      tokenKind: 'app',
      body: {
        topic: {
          source: 'text',
          value: plan.caseRef,
          webUrl: expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/entity\//),
        },
        activityType: 'actionAssigned',
        previewText: { content: `You have a new action in ${plan.caseRef}, due 20 March 2026.` },
        templateParameters: [{ name: 'caseRef', value: plan.caseRef }],
      },
    });
    expect(decodeURIComponent(received[0]!.body.topic!.webUrl!)).toContain(plan.id);
    const everything = JSON.stringify(t.directory.people.notifications) + t.logLines.join('\n');
    for (const secret of [CANARY_LEARNER, CANARY_OTHER_CHILD, 'Casey', 'Wren', 'at the gate']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('lists the action in the owner’s own "My actions", and not in anyone else’s', async () => {
    const mine = await call(t.url, 'GET', '/api/actions/mine', { token: tokens.owner });
    expect(mine.status).toBe(200);
    expect((mine.body as any).items).toEqual([
      expect.objectContaining({
        caseRef: plan.caseRef,
        assessmentId: plan.id,
        itemKind: 'strategy',
        due: '2026-03-20',
        action: expect.stringContaining('Meets Child A at the gate'),
      }),
    ]);
    const theirs = await call(t.url, 'GET', '/api/actions/mine', { token: tokens.dsl });
    expect((theirs.body as any).items).toEqual([]);
  });

  it('waits out Graph’s 429 and its Retry-After, then delivers', async () => {
    t.directory.people.throttleNotifications = { times: 1, retryAfter: '0' };
    const before = t.directory.people.notifications.length;
    await giveAction(COLLEAGUE, 'Samira Okafor');
    expect(t.directory.people.notifications.slice(before).map((n) => n.userId)).toEqual([COLLEAGUE]);
    expect(t.directory.people.throttleNotifications.times).toBe(0);
  });

  it('a notification Graph refuses never fails the save, and is logged by its code', async () => {
    const before = t.directory.people.notifications.length;
    await giveAction(NOT_INSTALLED, 'Sam Newcomer');
    await giveAction(STRANGER, 'Someone who left');
    expect(t.directory.people.notifications.length).toBe(before);
    const logged = t.logLines.join('\n');
    expect(logged).toContain('NOTIFY_APP_NOT_INSTALLED');
    expect(logged).toContain('NOTIFY_UNKNOWN_USER');
    const read = await call(t.url, 'GET', `/api/assessments/${plan.id}`, { token: tokens.dsl });
    expect((read.body as any).risks[0].strategies[0]).toMatchObject({ ownerId: STRANGER });
  });

  it('has no outbox in Microsoft 365 mode', async () => {
    const reply = await call(t.url, 'GET', '/api/notifications/outbox', { token: tokens.dsl });
    expect([reply.status, errorCode(reply)]).toEqual([404, 'NOT_FOUND']);
  });
});
