import { randomUUID } from 'node:crypto';
import { badTokens, type BadToken } from '../../helpers/bad-tokens.js';
import { call, errorCode } from '../../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../../helpers/m365-app.js';

/**
 * Microsoft 365 mode: every /api route (found from the router itself, so routes other issues add are
 * covered too) refuses each bad token with 401 UNAUTHENTICATED, and accepts a good one.
 */
describe('sign-in on every API route (Microsoft 365 mode)', () => {
  const CANARY = 'Zebediah Quarrington-Canary';
  let t: M365TestApp;
  let id: string;
  let etag: string;
  let valid: string;
  let bad: BadToken[];

  beforeAll(async () => {
    t = await startM365App();
    t.directory.addMember(TENANT, userId(1), TEAM_A);
    valid = await t.token(userId(1));
    bad = await badTokens(t.entra, { tid: TENANT, oid: userId(1) });
    const created = await call(t.url, 'POST', '/api/assessments', {
      token: valid,
      body: { learner: { name: CANARY } },
    });
    expect(created.status).toBe(201);
    id = (created.body as { id: string }).id;
    etag = created.headers.get('etag')!;
  });
  afterAll(() => t.close());

  /** Every route under /api except the Bot Framework endpoint, which checks the channel's own token. */
  function apiRoutes(): { method: string; path: string }[] {
    return Object.values(t.app.server.router.getRoutes())
      .map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }))
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/messages');
  }

  function requestFor(route: { method: string; path: string }) {
    const path = route.path.replace(':id', id);
    const body =
      route.method === 'POST' || route.method === 'PUT' ? { learner: { name: 'Someone Else' } } : undefined;
    return { path, body, headers: { 'if-match': etag } };
  }

  it('finds the child-data routes in the router (so the sweep below cannot pass by testing nothing)', () => {
    const found = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /api/assessments',
        'POST /api/assessments',
        'GET /api/assessments/:id',
        'PUT /api/assessments/:id',
        'POST /api/assessments/:id/reviews',
        'GET /api/reviews/due',
        'GET /api/me',
      ]),
    );
  });

  it('has at least ten kinds of bad token to throw', () => {
    expect(bad.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses every bad token on every route with 401 UNAUTHENTICATED, never echoing data', async () => {
    const outcomes: string[] = [];
    for (const route of apiRoutes()) {
      const { path, body, headers } = requestFor(route);
      for (const token of bad) {
        const reply = await call(t.url, route.method, path, {
          authorization: token.authorization,
          body,
          headers,
        });
        outcomes.push(`${route.method} ${route.path} [${token.name}] → ${reply.status} ${errorCode(reply)}`);
        expect(reply.text).not.toContain(CANARY);
        expect(reply.headers.get('cache-control')).toBe('no-store');
      }
    }
    const refused = outcomes.filter((o) => o.endsWith('→ 401 UNAUTHENTICATED'));
    expect(outcomes.filter((o) => !o.endsWith('→ 401 UNAUTHENTICATED'))).toEqual([]);
    expect(refused.length).toBe(apiRoutes().length * bad.length);
  });

  it('changed nothing while refusing: the record is still at its first version', async () => {
    const read = await call(t.url, 'GET', `/api/assessments/${id}`, { token: valid });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(etag);
    expect(read.body).toMatchObject({ learner: { name: CANARY }, version: 1 });
  });

  it('accepts a valid token on every route (no 401 or 403)', async () => {
    const refused: string[] = [];
    for (const route of apiRoutes()) {
      const { path, body, headers } = requestFor(route);
      const reply = await call(t.url, route.method, path, { token: valid, body, headers });
      if (reply.status === 401 || reply.status === 403)
        refused.push(`${route.method} ${route.path} → ${reply.status}`);
    }
    expect(refused).toEqual([]);
  });

  it('accepts a v1 token (sts.windows.net issuer, Application ID URI audience) too', async () => {
    const v1 = await t.token(userId(1), { version: 'v1' });
    const reply = await call(t.url, 'GET', '/api/assessments', { token: v1 });
    expect(reply.status).toBe(200);
  });

  it('tells the client who is signed in, by display name only, and which schools they may open', async () => {
    const reply = await call(t.url, 'GET', '/api/me', {
      token: await t.token(userId(1), { name: 'Alex Morgan' }),
    });
    expect(reply.body).toEqual({
      displayName: 'Alex Morgan',
      kind: 'user',
      mode: 'm365',
      schools: [{ schoolId: `${TENANT}/${TEAM_A}`, teamId: TEAM_A }],
    });
  });

  it('logs why a token was refused as a code, never the token or the name in it', async () => {
    const token = await t.token(userId(1), { aud: 'api://someone-else', name: CANARY });
    await call(t.url, 'GET', `/api/assessments/${randomUUID()}`, { token });
    const log = t.logLines.join('');
    expect(log).toContain('"reason":"audience"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(CANARY);
  });
});
