/**
 * GET /api/assessments/:id/document — a real .docx per audience, through the real server, in local
 * mode (SQLite) and in Microsoft 365 mode (SharePoint through the Graph fake, file kept in the library).
 */
import { Writable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import type { Authenticator } from '../../bot/src/http/authenticator.js';
import { createLogger } from '../../bot/src/logger.js';
import { createGraphClient, provisionSharePoint } from '../../storage/sharepoint/index.js';
import { GraphFake } from '../fakes/graph/index.js';
import {
  canaryAssessmentBody,
  CANARY_LEARNER,
  CANARY_OTHER_CHILD,
  CANARY_STAFF_NOTE,
} from '../helpers/canary-assessment.js';
import { fastRetry } from '../helpers/sharepoint-fake-store.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The text of every part of a .docx (body, header, footer), so nothing hides in a header. */
function docxText(bytes: ArrayBuffer): { body: string; all: string } {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = (name: string) => (files[name] ? strFromU8(files[name]!) : '');
  const all = Object.keys(files)
    .filter((n) => n.endsWith('.xml'))
    .map(xml)
    .join('\n');
  return { body: xml('word/document.xml'), all };
}

async function download(base: string, id: string, audience: string) {
  const res = await fetch(`${base}/api/assessments/${id}/document?audience=${audience}`);
  return { res, bytes: await res.arrayBuffer() };
}

describe('assessment documents (local mode)', () => {
  let server: TestServer;
  let id: string;
  let caseRef: string;

  beforeAll(async () => {
    server = await startTestServer();
    const created = await call(`${server.url}/api/assessments`, {
      method: 'POST',
      body: canaryAssessmentBody(),
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    caseRef = created.body.caseRef;
  });
  afterAll(() => server.close());

  it('serves a Word document named by case reference only', async () => {
    const { res, bytes } = await download(server.url, id, 'staff');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${caseRef}.docx"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(bytes).subarray(0, 2).toString()).toBe('PK');
    const { body, all } = docxText(bytes);
    expect(body).toContain('Heading1');
    expect(body).toContain('<w:tbl>');
    expect(all).toContain('STRICTLY CONFIDENTIAL');
    expect(all).toContain('KCSIE 2025');
    expect(all).toContain(caseRef);
    expect(body).toContain(CANARY_OTHER_CHILD);
    expect(body).toContain(CANARY_STAFF_NOTE);
  });

  it('never names the other child, nor carries staff notes, in the parents’ document', async () => {
    const { res, bytes } = await download(server.url, id, 'parents');
    expect(res.status).toBe(200);
    const { all } = docxText(bytes);
    expect(all).toContain(CANARY_LEARNER);
    for (const part of ['Robin', 'ROBIN', 'Wren']) expect(all).not.toContain(part);
    expect(all).not.toContain(CANARY_STAFF_NOTE);
  });

  it('records every export, with its audience, in the access audit', async () => {
    await download(server.url, id, 'full');
    const history = await server.app.store.forSchool('local').history(id);
    const exports = history.filter((h) => h.action === 'export').map((h) => h.detail);
    expect(exports).toEqual(expect.arrayContaining(['staff', 'parents', 'full']));
  });

  it('refuses a missing or unknown audience and an unknown id with coded errors', async () => {
    expect((await call(`${server.url}/api/assessments/${id}/document`)).body.error.code).toBe(
      'INVALID_QUERY',
    );
    expect((await call(`${server.url}/api/assessments/${id}/document?audience=press`)).status).toBe(400);
    expect(
      (await call(`${server.url}/api/assessments/${id}/document?audience=staff&x=1`)).body.error.code,
    ).toBe('UNKNOWN_QUERY_PARAMETER');
    const missing = await call(
      `${server.url}/api/assessments/00000000-0000-4000-8000-000000000000/document?audience=staff`,
    );
    expect(missing.status).toBe(404);
  });

  it('keeps child names out of the logs', async () => {
    await download(server.url, id, 'parents');
    const logs = server.logs.join('\n');
    expect(logs).not.toContain('Canary');
    expect(logs).not.toContain('Robin');
  });
});

describe('assessment documents (Microsoft 365 mode, SharePoint through the Graph fake)', () => {
  const TENANT = '33333333-3333-4333-8333-333333333333';
  const TEAM = '55555555-5555-4555-8555-555555555555';
  let fake: GraphFake;
  let siteId: string;
  let app: App;
  let url: string;
  const tokens: string[] = [];

  const m365Env = (graphBaseUrl: string) => ({
    APP_MODE: 'm365',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'https://hsb.example.org',
    TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
    BOT_ID: '22222222-2222-4222-8222-222222222222',
    BOT_TENANT_ID: TENANT,
    SECRET_BOT_PASSWORD: 'bot-secret',
    AAD_APP_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
    AAD_APP_TENANT_ID: TENANT,
    AAD_APP_ID_URI: 'api://hsb.example.org/44444444-4444-4444-8444-444444444444',
    SECRET_AAD_APP_CLIENT_SECRET: 'aad-secret',
    ALLOWED_TENANT_IDS: TENANT,
    SAFEGUARDING_TEAM_ID: TEAM,
    SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    GRAPH_BASE_URL: graphBaseUrl,
  });

  beforeAll(async () => {
    fake = await GraphFake.start();
    siteId = fake.addGroupSite(TEAM);
    const admin = createGraphClient({
      baseUrl: fake.baseUrl,
      getAccessToken: async () => 'admin',
      product: 't/1',
      retry: fastRetry,
    });
    await provisionSharePoint(admin, { siteId, baseUrl: fake.baseUrl, dryRun: false });
    const config = loadConfig(m365Env(fake.baseUrl));
    // Stand-ins for the identity work (issue #5): a signed-in DSL and an on-behalf-of exchange.
    const authenticator: Authenticator = {
      authenticate: async () => ({
        actor: { id: `${TENANT}/dsl-object-id`, kind: 'user' },
        schoolId: `${TENANT}/${TEAM}`,
        displayName: 'DSL',
        userAssertion: 'user-token',
      }),
    };
    const graphTokens = {
      forUser: async (assertion: string) => {
        tokens.push(assertion);
        return `obo-for-${assertion}`;
      },
      forApp: async () => 'app-only',
    };
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    app = buildApp(config, createLogger('silent', sink), { m365: { authenticator, graphTokens } });
    ({ url } = await app.listen());
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it('stores assessments in SharePoint and keeps each exported document in the team’s library', async () => {
    expect((await call(`${url}/healthz`)).body).toMatchObject({ mode: 'm365', storage: 'sharepoint' });
    const created = await call(`${url}/api/assessments`, { method: 'POST', body: canaryAssessmentBody() });
    expect(created.status).toBe(201);
    const { id, caseRef } = created.body as { id: string; caseRef: string };
    expect(caseRef).toMatch(/^HSB-\d{4}-0001$/);

    const { res, bytes } = await download(url, id, 'parents');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${caseRef}.docx"`);
    expect(docxText(bytes).all).not.toContain('Robin');

    const library = fake.list(siteId, 'HSB documents');
    const files = [...library.items.values()];
    expect(files.map((f) => f.file!.path)).toEqual([`${caseRef}/${caseRef}-parents.docx`]);
    expect(files[0]!.fields).toMatchObject({ CaseRef: caseRef, AssessmentId: id, Audience: 'parents' });
    expect(Buffer.compare(files[0]!.file!.content, Buffer.from(bytes))).toBe(0);

    const audit = [...fake.list(siteId, 'HSB audit log').items.values()].map((i) => [
      i.fields.Action,
      i.fields.Detail ?? null,
    ]);
    expect(audit).toEqual([
      ['create', null],
      ['export', 'parents'],
    ]);
    // Every Graph call was made with the signed-in user's delegated token.
    expect(new Set(fake.seenTokens.filter((t) => t !== 'admin'))).toEqual(new Set(['obo-for-user-token']));
    expect(new Set(tokens)).toEqual(new Set(['user-token']));
  });

  it('needs the identity work to start in Microsoft 365 mode', () => {
    expect(() => buildApp(loadConfig(m365Env(fake.baseUrl)), createLogger('silent'))).toThrow(/issue #5/);
  });
});
