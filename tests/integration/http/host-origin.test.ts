import { request } from 'node:http';
import { loadConfig } from '../../../bot/src/config.js';
import { m365Env, startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../../helpers/m365-app.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/**
 * DNS rebinding: a page on attacker.example whose name is made to resolve to 127.0.0.1 sends
 * requests that reach this server with `Host: attacker.example` and, for writes, its own Origin. They
 * must be refused before any route runs. Sent with node:http, which puts any Host header on the wire.
 */

const CANARY = 'Perpetua Rebindwell';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: { error?: { code?: string; message?: string; correlationId?: string } } & Record<string, unknown>;
}

function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port: Number(port),
        method,
        path,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: RawReply['body'] = {};
          try {
            parsed = JSON.parse(text) as RawReply['body'];
          } catch {
            // A body that is not JSON is checked through `text`.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

describe('host names and origins (local mode)', () => {
  let server: TestServer;
  let port: string;
  let own: string;

  beforeAll(async () => {
    server = await startTestServer();
    port = new URL(server.url).port;
    own = `127.0.0.1:${port}`;
    const created = await raw(
      server.url,
      'POST',
      '/api/assessments',
      { host: own },
      { learner: { name: CANARY } },
    );
    expect(created.status).toBe(201);
  });
  afterAll(() => server.close());

  async function count(): Promise<number> {
    const list = await raw(server.url, 'GET', '/api/assessments', { host: own });
    expect(list.status).toBe(200);
    return (list.body.items as unknown[]).length;
  }

  it('answers the loopback names with the bound port', async () => {
    for (const host of [own, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const reply = await raw(server.url, 'GET', '/api/assessments', { host });
      expect({ host, status: reply.status }).toEqual({ host, status: 200 });
      expect(reply.text).toContain('Rebindwell');
    }
  });

  // The port is known only once the server listens, so each case is a function of it.
  it.each<[string, (p: number) => string]>([
    ['a foreign name', () => 'attacker.example'],
    ['a foreign name with the bound port', (p) => `attacker.example:${p}`],
    ['localhost without the port', () => 'localhost'],
    ['localhost with another port', (p) => `localhost:${p === 65535 ? 1 : p + 1}`],
    ['localhost. (trailing dot)', (p) => `localhost.:${p}`],
    ['another loopback address', (p) => `127.0.0.2:${p}`],
    ['a subdomain of localhost', (p) => `evil.localhost:${p}`],
    ['user information before a foreign name', (p) => `127.0.0.1:${p}@attacker.example`],
  ])('refuses Host: %s with 421 HOST_NOT_ALLOWED and no data', async (_label, hostFor) => {
    const host = hostFor(Number(port));
    const reply = await raw(server.url, 'GET', '/api/assessments', { host });
    expect(reply.status).toBe(421);
    expect(reply.body).toEqual({
      error: {
        code: 'HOST_NOT_ALLOWED',
        message: expect.any(String),
        correlationId: expect.any(String),
      },
    });
    expect(reply.text).not.toContain('Rebindwell');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses every kind of request to a foreign host: a record, the pages, the bot', async () => {
    const list = (await raw(server.url, 'GET', '/api/assessments', { host: own })).body.items as {
      id: string;
    }[];
    for (const [method, path] of [
      ['GET', `/api/assessments/${list[0]!.id}`],
      ['GET', `/api/assessments/${list[0]!.id}/stage`],
      ['GET', `/api/assessments/${list[0]!.id}/document?audience=full`],
      ['GET', '/api/me'],
      ['GET', '/tab/'],
      ['GET', '/tab/auth-config.json'],
      ['POST', '/api/messages'],
    ] as const) {
      const reply = await raw(
        server.url,
        method,
        path,
        { host: 'attacker.example' },
        method === 'POST' ? {} : undefined,
      );
      expect({ path, status: reply.status }).toEqual({ path, status: 421 });
      expect(reply.text).not.toContain('Rebindwell');
    }
  });

  it('refuses a POST with a foreign Host and Origin, and creates nothing', async () => {
    const before = await count();
    const reply = await raw(
      server.url,
      'POST',
      '/api/assessments',
      { host: 'attacker.example', origin: 'http://attacker.example' },
      { learner: { name: 'Injected Learner' } },
    );
    expect(reply.status).toBe(421);
    expect(reply.body.error?.code).toBe('HOST_NOT_ALLOWED');
    expect(await count()).toBe(before);
  });

  it.each<[string, (p: number) => string]>([
    ['a foreign page', () => 'http://attacker.example'],
    ['a foreign page on the bound port', (p) => `http://attacker.example:${p}`],
    ['an opaque origin', () => 'null'],
    ['https on the bound port', (p) => `https://127.0.0.1:${p}`],
    ['localhost on another port', (p) => `http://localhost:${p === 1 ? 2 : 1}`],
  ])(
    'refuses a write from %s with 403 ORIGIN_NOT_ALLOWED, and changes nothing',
    async (_label, originFor) => {
      const origin = originFor(Number(port));
      const before = await count();
      const post = await raw(
        server.url,
        'POST',
        '/api/assessments',
        { host: own, origin },
        { learner: { name: 'X' } },
      );
      expect(post.status).toBe(403);
      expect(post.body.error?.code).toBe('ORIGIN_NOT_ALLOWED');
      const list = (await raw(server.url, 'GET', '/api/assessments', { host: own })).body.items as {
        id: string;
      }[];
      const put = await raw(
        server.url,
        'PUT',
        `/api/assessments/${list[0]!.id}`,
        { host: own, origin, 'if-match': '"x"' },
        { status: 'draft', learner: { name: 'Y' } },
      );
      expect(put.status).toBe(403);
      expect(put.body.error?.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(await count()).toBe(before);
    },
  );

  it('accepts writes from its own pages, and from clients that send no Origin', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const reply = await raw(
        server.url,
        'POST',
        '/api/assessments',
        { host: own, origin },
        { learner: { name: 'Own Page' } },
      );
      expect({ origin, status: reply.status }).toEqual({ origin, status: 201 });
    }
    const tool = await raw(
      server.url,
      'POST',
      '/api/assessments',
      { host: own },
      { learner: { name: 'No Origin' } },
    );
    expect(tool.status).toBe(201);
  });

  it('lets reads carry a foreign Origin (the browser keeps the answer from that page: no CORS headers)', async () => {
    const reply = await raw(server.url, 'GET', '/api/assessments', {
      host: own,
      origin: 'http://attacker.example',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not ask the Bot Connector for an Origin, but does check its Host', async () => {
    const reply = await raw(
      server.url,
      'POST',
      '/api/messages',
      { host: own, origin: 'https://attacker.example' },
      { type: 'message' },
    );
    expect(reply.body.error?.code).not.toBe('ORIGIN_NOT_ALLOWED');
    expect(reply.status).not.toBe(403);
    expect(reply.status).not.toBe(421);
  });

  it('answers /healthz whatever the host (platform probes), with nothing but the status', async () => {
    const reply = await raw(server.url, 'GET', '/healthz', { host: 'instance-7.internal' });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['mode', 'status', 'storage', 'version']);
  });
});

describe('host names and origins (Microsoft 365 mode)', () => {
  let m365: M365TestApp;
  let token: string;

  beforeAll(async () => {
    m365 = await startM365App();
    const oid = userId(1);
    m365.directory.addMember(TENANT, oid, TEAM_A);
    token = await m365.token(oid);
  });
  afterAll(() => m365.close());

  it('answers requests addressed to PUBLIC_BASE_URL’s host, with or without its default port', async () => {
    for (const host of ['hsb.example.org', 'hsb.example.org:443', 'HSB.example.org']) {
      const reply = await raw(m365.url, 'GET', '/api/assessments', {
        host,
        authorization: `Bearer ${token}`,
      });
      expect({ host, status: reply.status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses a foreign host even with a valid token', async () => {
    for (const host of ['attacker.example', 'hsb.example.org:8443', 'hsb.example.org.attacker.example']) {
      const reply = await raw(m365.url, 'GET', '/api/assessments', {
        host,
        authorization: `Bearer ${token}`,
      });
      expect({ host, status: reply.status }).toEqual({ host, status: 421 });
    }
  });

  it('refuses a write from a foreign origin and accepts one from its own', async () => {
    const headers = { host: 'hsb.example.org', authorization: `Bearer ${token}` };
    const foreign = await raw(
      m365.url,
      'POST',
      '/api/assessments',
      { ...headers, origin: 'https://attacker.example' },
      { learner: { name: 'X' } },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('ORIGIN_NOT_ALLOWED');
    const own = await raw(
      m365.url,
      'POST',
      '/api/assessments',
      { ...headers, origin: 'https://hsb.example.org' },
      { learner: { name: 'Own' } },
    );
    expect(own.status).toBe(201);
  });
});

describe('the host names in the configuration', () => {
  it('lists the loopback names only when the server listens on loopback', () => {
    expect(loadConfig({ APP_MODE: 'local', PORT: '3978' }).ownHosts).toEqual({
      public: { hostname: '127.0.0.1', port: '3978', origin: 'http://127.0.0.1:3978' },
      loopbackNames: ['127.0.0.1', 'localhost', '[::1]'],
    });
  });

  it('answers only PUBLIC_BASE_URL’s host when listening on every address (Microsoft 365 in Azure)', () => {
    const entra = { metadataUrlFor: () => 'https://login.example/x' } as never;
    const env = m365Env(entra, { url: 'https://graph.example' } as never, '/tmp', {
      env: { HOST: '0.0.0.0', PUBLIC_BASE_URL: 'https://HSB.Example.org/' },
    });
    expect(loadConfig(env).ownHosts).toEqual({
      public: { hostname: 'hsb.example.org', port: '443', origin: 'https://hsb.example.org' },
      loopbackNames: [],
    });
  });
});
