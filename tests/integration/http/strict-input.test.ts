import { call, errorCode, type Reply } from '../../helpers/http.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * Every route, found from the router itself so that a route added later is covered too: an unknown
 * query parameter is refused, and no error repeats a key, a parameter name or a value the caller sent.
 */

/** Stands in for a child's name put where a field or parameter name goes. */
const CANARY = 'Wilhelmina Canarysdottir';
const CANARY_PARAM = encodeURIComponent(CANARY);

/**
 * The front ends' pages are the only addresses that accept any query: Teams and Office open them with
 * their own parameters, and a page holds no data.
 */
const PAGES = new Set(['/', '/favicon.ico', '/tab', '/tab/*', '/word', '/word/*']);

/** Parameters a route needs before an unknown one can be the only problem. */
const REQUIRED: Record<string, string> = { '/api/assessments/:id/document': 'audience=staff' };

interface Route {
  method: string;
  path: string;
}

describe('strict input on every route (real server, local mode)', () => {
  let server: TestServer;
  let id: string;
  let etag: string;
  let routes: Route[];

  beforeAll(async () => {
    server = await startTestServer();
    const created = await call(server.url, 'POST', '/api/assessments', {
      body: { learner: { name: 'Odile Strictfield' } },
    });
    expect(created.status).toBe(201);
    id = (created.body as { id: string }).id;
    etag = created.headers.get('etag')!;
    const info = server.app.server.getDebugInfo() as { routes: { method: string; path: unknown }[] };
    routes = info.routes.map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }));
  });
  afterAll(() => server.close());

  function address(route: Route, extra: string): string {
    const query = [REQUIRED[route.path], extra].filter(Boolean).join('&');
    return `${route.path.replace(':id', id)}?${query}`;
  }

  function send(route: Route, path: string, body?: unknown): Promise<Reply> {
    return call(server.url, route.method, path, {
      headers: route.method === 'PUT' ? { 'if-match': etag } : {},
      ...(body !== undefined ? { body } : {}),
    });
  }

  function expectNoEcho(reply: Reply): void {
    expect(reply.text).not.toContain('Canarysdottir');
    expect(reply.text).not.toContain('Wilhelmina');
    expect(reply.text).not.toContain('Canarysdottir'.toLowerCase());
  }

  it('finds the API, the bot, the health check and the pages among the routes', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/api/me',
        '/api/messages',
        '/api/assessments',
        '/api/assessments/:id',
        '/api/assessments/:id/stage',
        '/api/assessments/:id/document',
        '/api/clauses',
        '/api/content/hackett',
        '/tab/*',
      ]),
    );
    expect(routes.filter((r) => !PAGES.has(r.path)).length).toBeGreaterThan(15);
  });

  it('refuses an unknown query parameter on every route but the pages, without naming it', async () => {
    const refused: string[] = [];
    for (const route of routes.filter((r) => !PAGES.has(r.path))) {
      for (const extra of [`${CANARY_PARAM}=1`, `name=${CANARY_PARAM}`]) {
        const reply = await send(route, address(route, extra), route.method === 'GET' ? undefined : {});
        expect({ route: `${route.method} ${route.path}`, status: reply.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 400,
        });
        expect(errorCode(reply)).toBe('UNKNOWN_QUERY_PARAMETER');
        expect((reply.body as { error: { details: unknown } }).error.details).toEqual([
          { path: '', problem: 'Unknown query parameter.' },
        ]);
        expectNoEcho(reply);
      }
      refused.push(`${route.method} ${route.path}`);
    }
    expect(refused).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /api/me',
        'GET /api/assessments/:id',
        'GET /api/assessments/:id/stage',
        'GET /api/assessments/:id/document',
        'POST /api/messages',
        'GET /tab/auth-config.json',
      ]),
    );
  });

  it('names a repeated parameter only when it is one of the route’s own', async () => {
    const own = await call(server.url, 'GET', '/api/faq?q=a&q=b');
    expect(errorCode(own)).toBe('INVALID_QUERY');
    expect((own.body as { error: { details: { path: string }[] } }).error.details).toEqual([
      { path: 'q', problem: 'Give it once.' },
    ]);
    const foreign = await call(server.url, 'GET', `/api/faq?${CANARY_PARAM}=a&${CANARY_PARAM}=b`);
    expect(errorCode(foreign)).toBe('UNKNOWN_QUERY_PARAMETER');
    expectNoEcho(foreign);
  });

  it('never repeats an invalid query value', async () => {
    for (const path of [
      `/api/assessments?status=${CANARY_PARAM}`,
      `/api/assessments?dueWithinDays=${CANARY_PARAM}`,
      `/api/reviews/due?withinDays=${CANARY_PARAM}`,
      `/api/assessments/${id}/document?audience=${CANARY_PARAM}`,
      `/api/clauses?kind=${CANARY_PARAM}`,
      `/api/faq?top=${CANARY_PARAM}`,
    ]) {
      const reply = await call(server.url, 'GET', path);
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
      expect(errorCode(reply)).toBe('INVALID_QUERY');
      expectNoEcho(reply);
    }
  });

  it('refuses a body with a canary key on every route that takes JSON, naming only the place', async () => {
    const writes = routes.filter(
      (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path !== '/api/messages',
    );
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const route of writes) {
      for (const body of [
        { [CANARY]: 'y', learner: { name: 'x' } },
        { learner: { name: 'x', [CANARY]: 'y' } },
        { status: 'draft', learner: { name: 'x' }, risks: [{ [CANARY]: 1 }] },
      ]) {
        // A transfer id is a 12-hex item id; any well-formed one reaches the body check.
        const path = route.path.replace(':id', id).replace(':tid', '0123456789ab');
        const reply = await send(route, path, body);
        expect({ route: `${route.method} ${route.path}`, status: reply.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 400,
        });
        expectNoEcho(reply);
      }
    }
    const nested = await call(server.url, 'POST', '/api/assessments', {
      body: { learner: { name: 'x', [CANARY]: 'y' } },
    });
    expect(errorCode(nested)).toBe('UNKNOWN_FIELD');
    expect((nested.body as { error: { details: unknown } }).error.details).toEqual([
      { path: 'learner', problem: 'Unknown field.' },
    ]);
  });

  it('never repeats an invalid value in the body', async () => {
    const reply = await call(server.url, 'POST', '/api/assessments', {
      body: {
        learner: { name: `${CANARY}\u0000`, dateOfBirth: CANARY, yearGroup: CANARY.repeat(3) },
        otherChildren: [{ name: '\u200B', role: CANARY }],
        risks: [{ context: CANARY, description: CANARY, likelihood: CANARY, impact: 9 }],
      },
    });
    expect(reply.status).toBe(400);
    expectNoEcho(reply);
  });

  it('answers a name with a control character with INVALID_NAME at learner.name, without the name', async () => {
    const reply = await call(server.url, 'POST', '/api/assessments', {
      body: { learner: { name: `${CANARY}\u0007` } },
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('INVALID_NAME');
    expect(
      (reply.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path),
    ).toEqual(['learner.name']);
    expectNoEcho(reply);
  });

  it('stores a decomposed name in NFC', async () => {
    const created = await call(server.url, 'POST', '/api/assessments', {
      body: { learner: { name: 'Zoe\u0308 A\u030Angstro\u0308m' } },
    });
    expect(created.status).toBe(201);
    const read = await call(server.url, 'GET', `/api/assessments/${(created.body as { id: string }).id}`);
    expect((read.body as { learner: { name: string } }).learner.name).toBe('Zo\u00EB \u00C5ngstr\u00F6m');
  });

  it('keeps the canaries out of the log', () => {
    expect(server.logs.join('\n')).not.toContain('Canarysdottir');
  });
});
