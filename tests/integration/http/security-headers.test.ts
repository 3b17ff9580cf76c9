import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { buildApp, type App } from '../../../bot/src/app.js';
import { loadConfig } from '../../../bot/src/config.js';
import { OFFICE_FRAME_ANCESTORS, TEAMS_FRAME_ANCESTORS } from '../../../bot/src/http/security-headers.js';
import { createAssessmentStore } from '../../../storage/index.js';
import { call, errorCode, type Reply } from '../../helpers/http.js';
import {
  memoryLogger,
  startM365App,
  staticDir,
  TEAM_A,
  TENANT,
  userId,
  type M365TestApp,
} from '../../helpers/m365-app.js';

const CANARY = 'Philippa Canary-Headerton';

function frameAncestors(reply: Reply): string[] {
  const csp = reply.headers.get('content-security-policy') ?? '';
  const directive = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

/** A request for every route the router knows, plus the errors restify and our handlers produce. */
async function sweep(
  url: string,
  app: App,
  auth: { token?: string },
  id: string,
): Promise<{ what: string; reply: Reply }[]> {
  const out: { what: string; reply: Reply }[] = [];
  const add = async (what: string, method: string, path: string, extra: Parameters<typeof call>[3] = {}) =>
    out.push({ what, reply: await call(url, method, path, { ...auth, ...extra }) });

  for (const route of Object.values(app.server.router.getRoutes())) {
    const path = String(route.path).replace(':id', id).replace('*', 'x');
    if (!path.startsWith('/api/') && path !== '/healthz') continue;
    const method = route.method.toUpperCase();
    await add(
      `${method} ${route.path}`,
      method,
      path,
      method === 'POST' || method === 'PUT' ? { body: {} } : {},
    );
  }
  await add('create', 'POST', '/api/assessments', { body: { learner: { name: 'Sweep Learner' } } });
  await add('unknown API address', 'GET', '/api/no-such-thing');
  await add('unknown address', 'GET', '/no-such-thing');
  await add('wrong method', 'DELETE', '/api/assessments');
  await add('body too large', 'POST', '/api/assessments', {
    body: { learner: { name: 'x'.repeat(300 * 1024) } },
  });
  await add('not JSON', 'POST', '/api/assessments', {
    body: 'learner=x',
    headers: { 'content-type': 'text/plain' },
  });
  await add('malformed JSON', 'POST', '/api/assessments', {
    body: '{"learner":',
    headers: { 'content-type': 'application/json' },
  });
  await add('If-Match missing', 'PUT', `/api/assessments/${id}`, {
    body: { status: 'draft', learner: { name: 'y' } },
  });
  await add('If-Match stale', 'PUT', `/api/assessments/${id}`, {
    body: { status: 'draft', learner: { name: 'y' } },
    headers: { 'if-match': '"v999"' },
  });
  await add('record not found', 'GET', '/api/assessments/00000000-0000-4000-8000-000000000000');
  await add('bad query', 'GET', `/api/assessments?learner=${encodeURIComponent(CANARY)}`);
  await add('no sign-in', 'GET', '/api/assessments', { authorization: 'Bearer junk' });
  return out;
}

describe('response headers and what URLs may carry', () => {
  describe('local mode', () => {
    let app: App;
    let url: string;
    let statics: string;
    let logLines: string[];
    let id: string;
    let created: Reply;

    beforeAll(async () => {
      statics = staticDir();
      const { logger, lines } = memoryLogger();
      logLines = lines;
      const config = loadConfig({ APP_MODE: 'local', PORT: '0', STATIC_DIR: statics });
      app = buildApp(config, logger, { store: createAssessmentStore({ kind: 'sqlite-memory' }) });
      ({ url } = await app.listen());
      created = await call(url, 'POST', '/api/assessments', { body: { learner: { name: CANARY } } });
      id = (created.body as { id: string }).id;
    });
    afterAll(async () => {
      await app.close();
      rmSync(statics, { recursive: true, force: true });
    });

    it('sends Cache-Control: no-store on every API answer, errors included', async () => {
      const replies = await sweep(url, app, {}, id);
      const statuses = new Set(replies.map((r) => r.reply.status));
      expect([...statuses].sort()).toEqual(
        expect.arrayContaining([200, 201, 400, 404, 405, 412, 413, 415, 428]),
      );
      const missing = replies
        .filter((r) => r.reply.headers.get('cache-control') !== 'no-store')
        .map((r) => r.what);
      expect(missing).toEqual([]);
    });

    it('answers requests Node’s HTTP parser rejects in the same coded, uncached shape', async () => {
      const raw = (bytes: string) =>
        new Promise<string>((resolve, reject) => {
          const { port } = new URL(url);
          const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
          let answer = '';
          socket.on('data', (c: Buffer) => (answer += c.toString()));
          socket.on('end', () => resolve(answer));
          socket.on('error', reject);
        });
      const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toMatch(/\r\nCache-Control: no-store\r\n/);
      expect(JSON.parse(garbage.split('\r\n\r\n')[1]!)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      const huge = await raw(
        `GET /api/assessments HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(huge).toMatch(/^HTTP\/1\.1 431 /);
      expect(huge).toMatch(/"code":"HEADERS_TOO_LARGE"/);
    });

    it('refuses dot segments, which the router would resolve behind the headers’ back', async () => {
      for (const path of [
        '/tab/../api/assessments',
        '/tab/%2e%2e/api/assessments',
        `/api/../word/${id}`,
        '/tab/..%2f..%2fpackage.json',
        '/api/./assessments',
      ]) {
        // fetch would resolve the dot segments itself; node:http sends the path as written.
        const reply = await new Promise<{ status: number; text: string; cacheControl: string | undefined }>(
          (resolve, reject) => {
            const { hostname, port } = new URL(url);
            request({ host: hostname, port: Number(port), path }, (res) => {
              let text = '';
              res.on('data', (c: Buffer) => (text += c.toString()));
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, text, cacheControl: res.headers['cache-control'] }),
              );
            })
              .on('error', reject)
              .end();
          },
        );
        const code = (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code;
        expect({ path, status: reply.status, code }).toEqual({
          path,
          status: 404,
          code: 'NOT_FOUND',
        });
        expect(reply.text).not.toContain('Canary');
        expect(reply.text).not.toContain('..');
      }
    });

    it('forbids framing and running anything from API answers', async () => {
      const reply = await call(url, 'GET', '/api/assessments');
      expect(frameAncestors(reply)).toEqual(["'none'"]);
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('lets Teams and Microsoft 365 hosts frame the tab, and only them', async () => {
      for (const path of ['/tab/', '/tab/assessments/123', '/tab']) {
        const reply = await call(url, 'GET', path);
        expect(frameAncestors(reply)).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
        expect(reply.headers.get('x-frame-options')).toBeNull();
      }
      expect(TEAMS_FRAME_ANCESTORS).toEqual(
        expect.arrayContaining([
          'https://teams.microsoft.com',
          'https://*.teams.microsoft.com',
          'https://*.cloud.microsoft',
          'https://*.office.com',
        ]),
      );
    });

    it('lets Office hosts frame the Word task pane, and loads Office.js from Microsoft only', async () => {
      const reply = await call(url, 'GET', '/word/');
      expect(reply.status).toBe(200);
      expect(frameAncestors(reply)).toEqual(["'self'", ...OFFICE_FRAME_ANCESTORS]);
      expect(OFFICE_FRAME_ANCESTORS).toEqual(
        expect.arrayContaining(['https://*.officeapps.live.com', 'https://*.sharepoint.com']),
      );
      expect(reply.headers.get('content-security-policy')).toMatch(
        /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/,
      );
    });

    it('puts only ids in addresses: Location and every header are free of child data', async () => {
      expect(created.headers.get('location')).toBe(`/api/assessments/${id}`);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const read = await call(url, 'GET', `/api/assessments/${id}`);
      for (const reply of [created, read]) {
        for (const [, value] of reply.headers) expect(value).not.toContain('Canary');
      }
    });

    it('does not take a child’s name as a query parameter, and does not echo it back', async () => {
      const reply = await call(url, 'GET', `/api/assessments?learner=${encodeURIComponent(CANARY)}`);
      expect(reply.status).toBe(400);
      expect(errorCode(reply)).toBe('UNKNOWN_QUERY_PARAMETER');
      expect(reply.text).not.toContain('Canary');
    });

    it('keeps addresses and child data out of the log', () => {
      const log = logLines.join('');
      expect(log).toContain('"route":"/api/assessments/:id"');
      expect(log).not.toContain(id);
      expect(log).not.toContain('Canary');
    });
  });

  describe('Microsoft 365 mode', () => {
    let t: M365TestApp;
    let id: string;
    let token: string;
    beforeAll(async () => {
      t = await startM365App();
      t.directory.addMember(TENANT, userId(1), TEAM_A);
      token = await t.token(userId(1));
      const created = await call(t.url, 'POST', '/api/assessments', {
        token,
        body: { learner: { name: CANARY } },
      });
      id = (created.body as { id: string }).id;
    });
    afterAll(() => t.close());

    it('sends Cache-Control: no-store on every API answer, 401 and 403 included', async () => {
      const replies = [
        ...(await sweep(t.url, t.app, { token }, id)),
        {
          what: 'not a member',
          reply: await call(t.url, 'GET', '/api/assessments', { token: await t.token(userId(9)) }),
        },
      ];
      const statuses = new Set(replies.map((r) => r.reply.status));
      expect([...statuses]).toEqual(expect.arrayContaining([200, 201, 401, 403, 404, 412, 413, 428]));
      expect(
        replies.filter((r) => r.reply.headers.get('cache-control') !== 'no-store').map((r) => r.what),
      ).toEqual([]);
    });

    it('does not carry the sign-in token in any answer', async () => {
      const reply = await call(t.url, 'GET', `/api/assessments/${id}`, { token });
      expect(reply.text).not.toContain(token);
      for (const [, value] of reply.headers) expect(value).not.toContain(token.slice(0, 40));
    });
  });
});
