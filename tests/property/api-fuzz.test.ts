import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createAssessmentStore } from '../../storage/index.js';
import { badTokens } from '../helpers/bad-tokens.js';
import {
  memoryLogger,
  startM365App,
  staticDir,
  TEAM_A,
  TEAM_B,
  TENANT,
  userId,
  type M365TestApp,
} from '../helpers/m365-app.js';

/**
 * Random requests — methods, paths, query strings, headers and bodies, valid and broken — thrown at
 * the running server in both modes. Whatever arrives, the answer is never a 5xx, the server never
 * crashes or logs an unexpected failure, and every error has our coded shape.
 */
const RUNS_PER_MODE = Number(process.env.FUZZ_RUNS ?? 5_000);

interface RawReply {
  status: number;
  body: string;
  contentType: string;
  cacheControl: string;
}

interface Target {
  host: string;
  port: number;
  agent: Agent;
}

function send(
  target: Target,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.host, port: target.port, method, path, headers, agent: target.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: String(res.headers['content-type'] ?? ''),
            cacheControl: String(res.headers['cache-control'] ?? ''),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function targetOf(url: string): Target {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port), agent: new Agent({ keepAlive: true, maxSockets: 8 }) };
}

interface World {
  ids: string[];
  etags: string[];
  authorizations: string[];
}

const uuid = fc.uuid();
const junk = fc.string({ maxLength: 40 });
const urlChars = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,24}$/);

function requestArbitrary(world: World) {
  const segment = fc.oneof(
    fc.constantFrom(
      'api',
      'assessments',
      'reviews',
      'due',
      'me',
      'messages',
      'healthz',
      'tab',
      'word',
      'document',
    ),
    fc.constantFrom(...world.ids),
    uuid,
    fc.constantFrom('..', '.', '%2e%2e', '%', '%ZZ', '%00', '%C0%AF', ':id', '*', '', 'API', 'Assessments'),
    urlChars,
  );
  const knownPath = fc.constantFrom(
    '/api/assessments',
    '/api/reviews/due',
    '/api/me',
    '/api/faq?q=online',
    '/api/clauses',
    '/api/content/risk-template',
    '/healthz',
    ...world.ids.flatMap((id) => [
      `/api/assessments/${id}`,
      `/api/assessments/${id}/reviews`,
      `/api/assessments/${id}/document`,
    ]),
  );
  const randomPath = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`);
  const apiPath = fc.array(segment, { maxLength: 4 }).map((parts) => `/api/${parts.join('/')}`);
  const query = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom('status', 'dueWithinDays', 'withinDays', 'audience', 'q', 'learner'),
            urlChars,
          ),
          fc.oneof(
            fc.constantFrom('draft', 'active,closed', '14', '-1', '999', '1e3', 'staff', ''),
            urlChars,
          ),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
    fc.constantFrom('?', '?&&', '?status', '?%', '?status=%E0%A4%A'),
  );
  // Dot segments that a router resolves: `/tab/../api/assessments` must not be an API answer in disguise.
  const traversal = fc
    .tuple(
      fc.constantFrom('/tab', '/word', '/api', ''),
      fc.constantFrom('/..', '/%2e%2e', '/.', '/x/../..'),
      knownPath,
    )
    .map(([prefix, dots, known]) => prefix + dots + known);
  const path = fc
    .tuple(
      fc.oneof({ weight: 6, arbitrary: knownPath }, { weight: 2, arbitrary: apiPath }, randomPath, traversal),
      query,
    )
    .map(([p, q]) => p + q);

  const method = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT') },
    fc.constantFrom('PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH'),
  );

  const assessmentLike = fc.record(
    {
      status: fc.oneof(fc.constantFrom('draft', 'active', 'closed'), junk),
      learner: fc.record(
        { name: fc.oneof(junk, fc.constant('Fuzz Learner')), yearGroup: junk },
        { requiredKeys: [] },
      ),
      risks: fc.array(
        fc.record(
          {
            context: fc.constantFrom('classroom', 'toilets', 'online', 'nowhere'),
            likelihood: fc.integer({ min: -2, max: 7 }),
            impact: fc.integer(),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      review: fc.record(
        { nextDue: fc.oneof(fc.constantFrom('2026-02-30', '2026-05-01'), junk) },
        { requiredKeys: [] },
      ),
      date: fc.constantFrom('2020-01-01', '2099-01-01', 'yesterday'),
      behaviourChanges: junk,
      nextDue: fc.constantFrom('2020-02-01', '2019-01-01', 'soon'),
      changeReason: junk,
      id: fc.oneof(fc.constantFrom(...world.ids), junk),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  );
  // Bodies close enough to valid that many requests get past validation into the service and store.
  const nearlyValidAssessment = fc.record(
    {
      learner: fc.record(
        { name: fc.string({ minLength: 1, maxLength: 30 }), yearGroup: fc.constantFrom('Year 7', 'Year 10') },
        { requiredKeys: ['name'] },
      ),
      status: fc.constantFrom('draft', 'draft', 'active'),
      review: fc.record({ nextDue: fc.constantFrom('2026-01-10', '2026-09-01') }),
    },
    { requiredKeys: ['learner'] },
  );
  const nearlyValidReplacement = fc
    .tuple(nearlyValidAssessment, fc.constantFrom('draft', 'active', 'closed'))
    .map(([a, status]) => ({ ...a, status, changeReason: 'Fuzz change' }));
  const nearlyValidReview = fc.record(
    {
      date: fc.constantFrom('2020-01-01', '2099-01-01'),
      behaviourChanges: fc.constant('None seen.'),
      nextDue: fc.constantFrom('2020-03-01', '2019-03-01'),
    },
    { requiredKeys: ['date', 'behaviourChanges'] },
  );
  const nearlyValid = fc.oneof(
    { weight: 3, arbitrary: nearlyValidAssessment },
    nearlyValidReplacement,
    nearlyValidReview,
  );
  const body = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: nearlyValid.map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: assessmentLike.map((v) => JSON.stringify(v)) },
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{"learner":', '{}', '[]', 'null', '"x"', '{"__proto__":{"admin":true}}', '\u0000\u0001'),
    fc.constant(JSON.stringify({ learner: { name: 'x'.repeat(300 * 1024) } })),
  );

  const headers = fc.record(
    {
      authorization: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...world.authorizations) },
        junk.map((s) => `Bearer ${s}`),
        junk,
      ),
      'content-type': fc.oneof(
        { weight: 4, arbitrary: fc.constant('application/json') },
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/merge-patch+json',
        ),
        junk,
      ),
      'if-match': fc.oneof(fc.constantFrom(...world.etags, '*', '"v999"', 'W/"v1"'), junk),
      'x-safeguarding-team': fc.oneof(fc.constantFrom(TEAM_A, TEAM_B, TEAM_A.toUpperCase()), junk),
      accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'),
      'accept-encoding': fc.constantFrom('gzip', 'identity', 'br'),
    },
    { requiredKeys: ['authorization', 'content-type'] },
  );

  // Mostly framed with Content-Length so bodies reach the handlers; sometimes left to Node's client,
  // which sends a GET or DELETE body unframed — broken HTTP that the server's parser must survive.
  const framing = fc.constantFrom('length', 'length', 'length', 'default');

  // Half the time a route that exists with its own method, so requests reach the handlers.
  const routed = fc
    .tuple(
      fc.constantFrom(
        ...world.ids.flatMap((id) => [
          ['GET', `/api/assessments/${id}`],
          ['PUT', `/api/assessments/${id}`],
          ['POST', `/api/assessments/${id}/reviews`],
          ['GET', `/api/assessments/${id}/document`],
        ]),
        ['GET', '/api/assessments'],
        ['POST', '/api/assessments'],
        ['POST', '/api/assessments'],
        ['GET', '/api/reviews/due'],
        ['GET', '/api/me'],
        ['GET', '/api/faq'],
        ['GET', '/api/clauses'],
        ['GET', '/api/content/hackett'],
        ['POST', '/api/classify'],
      ),
      query,
    )
    .map(([[m, p], q]) => ({ method: m!, path: p! + q }));
  const anything = fc.record({ method, path });

  return fc
    .tuple(fc.oneof(routed, anything), fc.record({ headers, body, framing }))
    .map(([target, rest]) => ({ ...target, ...rest }));
}

/** Header values Node's client would refuse to send are not requests a server can receive. */
function sendable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)));
}

async function fuzz(
  url: string,
  world: World,
  logLines: string[],
): Promise<{ statuses: Map<number, number> }> {
  const target = targetOf(url);
  const statuses = new Map<number, number>();
  try {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(world), async ({ method, path, headers, body, framing }) => {
        const sent = sendable(headers);
        // A HEAD answer has no body, so the client could not read the answer to a garbage follow-on.
        const payload = method === 'HEAD' ? undefined : body;
        if (payload !== undefined && framing === 'length')
          sent['content-length'] = String(Buffer.byteLength(payload));
        const reply = await send(target, method, path, sent, payload);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(500);
        if (path.includes('/..') && method === 'GET')
          // Data is only ever JSON; no browser or proxy may keep it, whatever the address looked like.
          if (reply.status < 300 && reply.contentType.startsWith('application/json')) {
            expect(reply.cacheControl).toBe('no-store');
          }
        if (reply.status >= 400 && method !== 'HEAD' && path.startsWith('/api/')) {
          expect(JSON.parse(reply.body)).toEqual({
            error: expect.objectContaining({
              code: expect.stringMatching(/^[A-Z_]+$/),
              message: expect.any(String),
            }),
          });
        }
      }),
      // FUZZ_SEED replays a failure fast-check reported (its `seed`).
      {
        numRuns: RUNS_PER_MODE,
        endOnFailure: true,
        ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
      },
    );
  } finally {
    target.agent.destroy();
  }
  const unexpected = logLines.filter((line) => line.includes('"level":50') || line.includes('"level":60'));
  expect(unexpected).toEqual([]);
  return { statuses };
}

describe(`the API under ${RUNS_PER_MODE * 2} random requests`, () => {
  it(`local mode: ${RUNS_PER_MODE} requests, no 5xx, no crash`, async () => {
    const statics = staticDir();
    // Warnings and worse only: fewer lines to write, and errors (level 50+) are what is checked.
    const { logger, lines } = memoryLogger('warn');
    const app: App = buildApp(loadConfig({ APP_MODE: 'local', PORT: '0', STATIC_DIR: statics }), logger, {
      store: createAssessmentStore({ kind: 'sqlite-memory' }),
    });
    try {
      const { url } = await app.listen();
      const world: World = { ids: [], etags: [], authorizations: ['Bearer anything'] };
      for (const name of ['Fuzz One', 'Fuzz Two']) {
        const res = await fetch(`${url}/api/assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ learner: { name } }),
        });
        world.ids.push(((await res.json()) as { id: string }).id);
        world.etags.push(res.headers.get('etag')!);
      }
      const { statuses } = await fuzz(url, world, lines);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS_PER_MODE / 50);
      expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
      expect(app.server.server.listening).toBe(true);
    } finally {
      await app.close();
      rmSync(statics, { recursive: true, force: true });
    }
  }, 120_000);

  it(`Microsoft 365 mode: ${RUNS_PER_MODE} requests with good, bad and foreign tokens, no 5xx, no crash`, async () => {
    const t: M365TestApp = await startM365App({ logLevel: 'warn' });
    try {
      t.directory.addMember(TENANT, userId(1), TEAM_A);
      t.directory.addMember(TENANT, userId(2), TEAM_A);
      t.directory.addMember(TENANT, userId(2), TEAM_B);
      t.entra.consentRequired.add(userId(4));
      const member = await t.token(userId(1));
      const world: World = {
        ids: [],
        etags: [],
        authorizations: [
          ...Array.from({ length: 6 }, () => `Bearer ${member}`),
          `Bearer ${await t.token(userId(2))}`,
          `Bearer ${await t.token(userId(3))}`,
          `Bearer ${await t.token(userId(4))}`,
          `Bearer ${await t.token(userId(1), { version: 'v1' })}`,
          ...(await badTokens(t.entra, { tid: TENANT, oid: userId(1) })).flatMap((b) =>
            b.authorization ? [b.authorization] : [],
          ),
        ],
      };
      for (const name of ['Fuzz One', 'Fuzz Two']) {
        const res = await fetch(`${t.url}/api/assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${member}` },
          body: JSON.stringify({ learner: { name } }),
        });
        world.ids.push(((await res.json()) as { id: string }).id);
        world.etags.push(res.headers.get('etag')!);
      }
      const { statuses } = await fuzz(t.url, world, t.logLines);
      expect(statuses.get(401) ?? 0).toBeGreaterThan(RUNS_PER_MODE / 20);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS_PER_MODE / 100);
      expect(t.app.server.server.listening).toBe(true);
    } finally {
      await t.close();
    }
  }, 120_000);
});
