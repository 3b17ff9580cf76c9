import { randomUUID } from 'node:crypto';
import { call, errorCode, type Reply } from '../../helpers/http.js';
import {
  OTHER_ALLOWED_TENANT,
  startM365App,
  TEAM_A,
  TEAM_B,
  TENANT,
  userId,
  type M365TestApp,
} from '../../helpers/m365-app.js';

/**
 * A trust with two schools (two safeguarding teams) in one deployment. Nobody sees a child they
 * should not: another team's record is "not found" exactly as a record that does not exist, lists
 * hold only the caller's school, and someone in no team is told so without learning anything else.
 */
describe('who may see which records (Microsoft 365 mode)', () => {
  const CHILD_A = 'Ottoline Canary-Ashdown';
  const CHILD_B = 'Barnaby Canary-Brookes';
  const A1 = userId(1); // DSL at school A
  const B1 = userId(2); // DSL at school B
  const NOBODY = userId(3); // signed in, in no safeguarding team
  const BOTH = userId(4); // trust-wide safeguarding lead, in both teams
  const ELSEWHERE = userId(5); // another allowed tenant, in a group that happens to share team A's id
  let t: M365TestApp;
  let a: { id: string; etag: string };
  let b: { id: string; etag: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startM365App();
    t.directory.addMember(TENANT, A1, TEAM_A);
    t.directory.addMember(TENANT, B1, TEAM_B);
    t.directory.addMember(TENANT, BOTH, TEAM_A);
    t.directory.addMember(TENANT, BOTH, TEAM_B);
    t.directory.addMember(OTHER_ALLOWED_TENANT, ELSEWHERE, TEAM_A);
    for (const oid of [A1, B1, NOBODY, BOTH]) tokens[oid] = await t.token(oid);
    tokens[ELSEWHERE] = await t.token(ELSEWHERE, {}, OTHER_ALLOWED_TENANT);
    a = await create(A1, CHILD_A);
    b = await create(B1, CHILD_B);
  });
  afterAll(() => t.close());

  async function create(oid: string, name: string) {
    const reply = await call(t.url, 'POST', '/api/assessments', {
      token: tokens[oid]!,
      body: { learner: { name, yearGroup: 'Year 8' }, review: { nextDue: '2020-01-01' } },
    });
    expect(reply.status).toBe(201);
    return { id: (reply.body as { id: string }).id, etag: reply.headers.get('etag')! };
  }

  const as = (
    oid: string,
    method: string,
    path: string,
    extra: { body?: unknown; headers?: Record<string, string> } = {},
  ) => call(t.url, method, path, { token: tokens[oid]!, ...extra });
  const shape = (r: Reply) => ({ status: r.status, code: errorCode(r) });
  const idsIn = (r: Reply) => ((r.body as { items: { id: string }[] }).items ?? []).map((i) => i.id);

  /** Every route that names one record, from the router, with a request that is otherwise valid. */
  function recordRoutes() {
    return Object.values(t.app.server.router.getRoutes())
      .map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }))
      .filter((r) => r.path.startsWith('/api/') && r.path.includes(':id'));
  }
  function validRequest(route: { method: string; path: string }, id: string, etag: string) {
    const body = route.path.endsWith('/reviews')
      ? { date: '2020-01-01', behaviourChanges: 'No further incidents.', nextDue: '2020-02-01' }
      : route.method === 'PUT'
        ? { status: 'draft', learner: { name: 'Replacement Name' } }
        : route.method === 'POST'
          ? {}
          : undefined;
    return {
      path: route.path.replace(':id', id),
      extra: { ...(body ? { body } : {}), headers: { 'if-match': etag } },
    };
  }

  it('lets each team read its own record', async () => {
    expect(shape(await as(A1, 'GET', `/api/assessments/${a.id}`))).toEqual({ status: 200, code: undefined });
    expect(shape(await as(B1, 'GET', `/api/assessments/${b.id}`))).toEqual({ status: 200, code: undefined });
  });

  it('answers another team’s real id exactly as an id that does not exist, on every record route', async () => {
    const routes = recordRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const route of routes) {
      const real = validRequest(route, a.id, a.etag);
      const missing = validRequest(route, randomUUID(), a.etag);
      const crossTeam = await as(B1, route.method, real.path, real.extra);
      const nonexistent = await as(B1, route.method, missing.path, missing.extra);
      expect({ route: route.path, ...shape(crossTeam) }).toEqual({
        route: route.path,
        ...shape(nonexistent),
      });
      expect(crossTeam.text).not.toContain(CHILD_A);
      expect(crossTeam.headers.get('etag')).toBeNull();
    }
  });

  it('gives 404 NOT_FOUND for another team’s record on read, replace and review', async () => {
    expect(shape(await as(B1, 'GET', `/api/assessments/${a.id}`))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const put = validRequest({ method: 'PUT', path: '/api/assessments/:id' }, a.id, a.etag);
    expect(shape(await as(B1, 'PUT', put.path, put.extra))).toEqual({ status: 404, code: 'NOT_FOUND' });
    const review = validRequest({ method: 'POST', path: '/api/assessments/:id/reviews' }, a.id, a.etag);
    expect(shape(await as(B1, 'POST', review.path, review.extra))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('left team A’s record untouched by team B’s attempts', async () => {
    const read = await as(A1, 'GET', `/api/assessments/${a.id}`);
    expect(read.headers.get('etag')).toBe(a.etag);
    expect(read.body).toMatchObject({ learner: { name: CHILD_A }, reviews: [] });
  });

  it('lists only the caller’s own school, in the list and in reviews due', async () => {
    const listA = await as(A1, 'GET', '/api/assessments');
    const listB = await as(B1, 'GET', '/api/assessments');
    expect(idsIn(listA)).toEqual([a.id]);
    expect(idsIn(listB)).toEqual([b.id]);
    expect(listB.text).not.toContain(CHILD_A);
    expect(idsIn(await as(B1, 'GET', '/api/reviews/due?withinDays=30'))).toEqual([b.id]);
  });

  it('keeps tenants apart even when group ids coincide', async () => {
    expect(idsIn(await as(ELSEWHERE, 'GET', '/api/assessments'))).toEqual([]);
    expect(shape(await as(ELSEWHERE, 'GET', `/api/assessments/${a.id}`))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('refuses someone in no safeguarding team with 403 NOT_A_MEMBER, the same for any id', async () => {
    const list = await as(NOBODY, 'GET', '/api/assessments');
    expect(shape(list)).toEqual({ status: 403, code: 'NOT_A_MEMBER' });
    expect((list.body as { error: { message: string } }).error.message).toMatch(/safeguarding team/);
    expect(shape(await as(NOBODY, 'GET', `/api/assessments/${a.id}`))).toEqual(shape(list));
    expect(shape(await as(NOBODY, 'GET', `/api/assessments/${randomUUID()}`))).toEqual(shape(list));
    expect(shape(await as(NOBODY, 'POST', '/api/assessments', { body: { learner: { name: 'X' } } }))).toEqual(
      shape(list),
    );
  });

  it('still tells someone in no team who they are, with no schools, so the tab can explain', async () => {
    const me = await as(NOBODY, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', schools: [] });
  });

  it('lets anyone signed in read the resource pack, which holds no child data, member or not', async () => {
    expect((await as(NOBODY, 'GET', '/api/faq?q=sexting&top=3')).status).toBe(200);
    expect((await as(BOTH, 'GET', '/api/clauses?kind=policy')).status).toBe(200);
    expect((await as(ELSEWHERE, 'GET', '/api/content/risk-template')).status).toBe(200);
  });

  it('asks someone in two teams to say which team a request is for', async () => {
    const me = await as(BOTH, 'GET', '/api/me');
    expect((me.body as { schools: { teamId: string }[] }).schools.map((s) => s.teamId)).toEqual([
      TEAM_A,
      TEAM_B,
    ]);
    expect(shape(await as(BOTH, 'GET', '/api/assessments'))).toEqual({ status: 400, code: 'TEAM_REQUIRED' });
    const inA = await as(BOTH, 'GET', '/api/assessments', { headers: { 'x-safeguarding-team': TEAM_A } });
    const inB = await as(BOTH, 'GET', '/api/assessments', {
      headers: { 'x-safeguarding-team': TEAM_B.toUpperCase() },
    });
    expect(idsIn(inA)).toEqual([a.id]);
    expect(idsIn(inB)).toEqual([b.id]);
    const crossed = await as(BOTH, 'GET', `/api/assessments/${a.id}`, {
      headers: { 'x-safeguarding-team': TEAM_B },
    });
    expect(shape(crossed)).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a team header naming a team the caller is not in, or that is not a group id', async () => {
    const other = await as(A1, 'GET', '/api/assessments', { headers: { 'x-safeguarding-team': TEAM_B } });
    expect(shape(other)).toEqual({ status: 403, code: 'NOT_A_MEMBER' });
    const junk = await as(A1, 'GET', '/api/assessments', { headers: { 'x-safeguarding-team': 'year-9' } });
    expect(shape(junk)).toEqual({ status: 400, code: 'INVALID_TEAM' });
  });

  it('records who acted by tenant and object id, never by name', async () => {
    const history = await t.store.forSchool(`${TENANT}/${TEAM_A}`).history(a.id);
    expect(history[0]).toMatchObject({ action: 'create', actorId: `${TENANT}/${A1}` });
    expect(JSON.stringify(history)).not.toMatch(/Test User/);
  });

  it('checks membership once per user for many requests (cached briefly)', async () => {
    const before = t.directory.requests.filter((r) => r.userKey === `${TENANT}/${A1}`).length;
    for (let i = 0; i < 10; i++) await as(A1, 'GET', '/api/assessments');
    const after = t.directory.requests.filter((r) => r.userKey === `${TENANT}/${A1}`).length;
    expect(after - before).toBe(0);
  });

  it('never writes a child’s name to the log', () => {
    const log = t.logLines.join('');
    expect(log).not.toContain('Canary');
  });
});
