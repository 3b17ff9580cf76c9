import { myActionsResponse, outboxResponse, peopleResponse } from '../../core/index.js';
import { CANARY_LEARNER, CANARY_OTHER_CHILD } from '../helpers/canary-assessment.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

/** The action text mentions the other child by name: it must reach no notification and no log. */
const ACTION = `Walks with a key adult so that ${CANARY_OTHER_CHILD} is never alone with them`;

describe('actions given to people (real server, local mode)', () => {
  let server: TestServer;
  let url: string;
  const clock = fixedClock('2026-03-10T10:00:00Z');

  beforeAll(async () => {
    server = await startTestServer({
      clock,
      env: { LOCAL_STAFF: 'Alex Morgan (DSL), Sam Patel,Jo Williams' },
    });
    url = server.url;
  });
  afterAll(() => server.close());

  async function openCase(): Promise<{ id: string; caseRef: string; etag: string; record: any }> {
    const opened = await call(`${url}/api/cases`, {
      method: 'POST',
      body: {
        participants: [
          { child: { name: CANARY_LEARNER }, roles: ['displayedHsb'] },
          { child: { name: CANARY_OTHER_CHILD }, roles: ['harmed'] },
        ],
      },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.participants[0].assessmentId as string;
    const read = await call(`${url}/api/assessments/${id}`);
    return { id, caseRef: read.body.caseRef, etag: read.headers.get('etag')!, record: read.body };
  }

  async function save(id: string, record: any, etag: string) {
    const saved = await call(`${url}/api/assessments/${id}`, {
      method: 'PUT',
      body: record,
      headers: { 'If-Match': etag },
    });
    expect(saved.status).toBe(200);
    await server.app.notifications.settled();
    return { record: saved.body, etag: saved.headers.get('etag')! };
  }

  function withStrategies(record: any, strategies: unknown[]): any {
    return {
      ...record,
      risks: [
        { context: 'corridors', description: 'Contact at changeover', likelihood: 2, impact: 2, strategies },
      ],
    };
  }

  it('GET /api/people offers the local user and LOCAL_STAFF, matching any word of a name', async () => {
    const all = await call(`${url}/api/people`);
    expect(all.status).toBe(200);
    expect(peopleResponse.safeParse(all.body).success).toBe(true);
    expect(all.body.items).toEqual([
      { id: 'local-user', displayName: 'Local user (no sign-in)', source: 'local' },
      { id: 'local:alex-morgan-dsl', displayName: 'Alex Morgan (DSL)', source: 'local' },
      { id: 'local:sam-patel', displayName: 'Sam Patel', source: 'local' },
      { id: 'local:jo-williams', displayName: 'Jo Williams', source: 'local' },
    ]);
    const pat = await call(`${url}/api/people?q=pat&top=5`);
    expect(pat.body.items.map((p: { id: string }) => p.id)).toEqual(['local:sam-patel']);
    const two = await call(`${url}/api/people?top=2`);
    expect(two.body.items).toHaveLength(2);
  });

  it('GET /api/people refuses a bad top or an unknown parameter, without repeating it', async () => {
    for (const query of ['top=21', 'top=0', 'top=x', 'name=Sam']) {
      const reply = await call(`${url}/api/people?${query}`);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).not.toContain('Sam');
    }
  });

  it('a plan save that gives an action to someone puts one notification in the outbox, with no name', async () => {
    const plan = await openCase();
    const first = await save(
      plan.id,
      withStrategies(plan.record, [
        { action: ACTION, owner: 'Sam Patel', ownerId: 'local:sam-patel', due: '2026-03-20' },
        { action: 'Seated near the teacher', owner: 'Visiting coach' },
      ]),
      plan.etag,
    );
    const outbox = await call(`${url}/api/notifications/outbox`);
    expect(outbox.status).toBe(200);
    expect(outboxResponse.safeParse(outbox.body).success).toBe(true);
    const mine = outbox.body.items.filter((n: { caseRef: string }) => n.caseRef === plan.caseRef);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        to: { id: 'local:sam-patel', displayName: 'Sam Patel' },
        caseRef: plan.caseRef,
        activityType: 'actionAssigned',
        text: `You have a new action in ${plan.caseRef}, due 20 March 2026.`,
        createdAt: '2026-03-10T10:00:00.000Z',
        link: `${url}/tab/#/assessments/${plan.id}`,
      },
    ]);

    // Saving again, or changing the action's words, tells no one again; a new owner is told.
    const again = await save(plan.id, first.record, first.etag);
    const reworded = structuredClone(again.record);
    reworded.risks[0].strategies[0].action = `${ACTION}, at every changeover`;
    const third = await save(plan.id, reworded, again.etag);
    const handed = structuredClone(third.record);
    Object.assign(handed.risks[0].strategies[0], { owner: 'Jo Williams', ownerId: 'local:jo-williams' });
    await save(plan.id, handed, third.etag);
    const after = await call(`${url}/api/notifications/outbox`);
    const forCase = after.body.items.filter((n: { caseRef: string }) => n.caseRef === plan.caseRef);
    expect(forCase.map((n: { to: { id: string } }) => n.to.id)).toEqual([
      'local:jo-williams',
      'local:sam-patel',
    ]);

    const everything = JSON.stringify(after.body) + server.logs.join('\n');
    for (const secret of [CANARY_LEARNER, CANARY_OTHER_CHILD, 'Robin', 'Walks with a key adult']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('GET /api/actions/mine lists the caller’s actions, overdue first, a child shown by label only', async () => {
    const plan = await openCase();
    const harmedLabel = 'Child B';
    await save(
      plan.id,
      withStrategies(plan.record, [
        { action: 'Check in each morning', owner: 'Me', ownerId: 'local-user', due: '2026-04-01' },
        { action: ACTION, owner: 'Me', ownerId: 'local-user', due: '2026-03-01' },
        { action: 'Already done', owner: 'Me', ownerId: 'local-user', due: '2026-03-02', inPlace: true },
        { action: 'Not mine', owner: 'Sam Patel', ownerId: 'local:sam-patel', due: '2026-03-01' },
        { action: 'No date', owner: 'Me', ownerId: 'local-user' },
      ]),
      plan.etag,
    );
    const mine = await call(`${url}/api/actions/mine`);
    expect(mine.status).toBe(200);
    expect(myActionsResponse.safeParse(mine.body).success).toBe(true);
    expect(mine.body.today).toBe('2026-03-10');
    const ofPlan = mine.body.items.filter((a: { assessmentId: string }) => a.assessmentId === plan.id);
    expect(ofPlan.map((a: any) => [a.due, a.overdue, a.inPlace])).toEqual([
      ['2026-03-01', true, false],
      ['2026-03-02', false, true],
      ['2026-04-01', false, false],
      [undefined, false, false],
    ]);
    expect(ofPlan[0]).toMatchObject({
      caseRef: plan.caseRef,
      planKind: 'risk-assessment',
      itemKind: 'strategy',
      context: 'corridors',
      strategyId: expect.any(String),
    });
    expect(ofPlan[0].action).toBe(`Walks with a key adult so that ${harmedLabel} is never alone with them`);
    expect(JSON.stringify(mine.body)).not.toContain(CANARY_OTHER_CHILD);
  });

  it('refuses an owner id that is not an id, and keeps nothing', async () => {
    const plan = await openCase();
    const reply = await call(`${url}/api/assessments/${plan.id}`, {
      method: 'PUT',
      headers: { 'If-Match': plan.etag },
      body: withStrategies(plan.record, [{ action: 'x', owner: 'Sam', ownerId: 'Sam Patel' }]),
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).not.toContain('Sam Patel');
    const read = await call(`${url}/api/assessments/${plan.id}`);
    expect(read.headers.get('etag')).toBe(plan.etag);
  });
});
