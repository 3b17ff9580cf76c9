/**
 * GET /api/assessments/:id/document — a real .docx per audience, through the real server, in local
 * mode (SQLite) and in Microsoft 365 mode (SharePoint through the Graph fake, file kept in the library).
 */
import { strFromU8, unzipSync } from 'fflate';
import { rmSync } from 'node:fs';
import { buildApp, sharePointStore, type App } from '../../bot/src/app.js';
import { MsalGraphTokenService } from '../../bot/src/auth/index.js';
import { loadConfig } from '../../bot/src/config.js';
import { createGraphClient, provisionSharePoint } from '../../storage/sharepoint/index.js';
import { GraphFake } from '../fakes/graph/index.js';
import {
  canaryAssessmentBody,
  CANARY_LEARNER,
  CANARY_OTHER_CHILD,
  CANARY_STAFF_NOTE,
} from '../helpers/canary-assessment.js';
import { FakeEntra } from '../fakes/entra/fake-entra.js';
import { FakeGraphDirectory } from '../fakes/entra/fake-graph-directory.js';
import { LoopbackMsalNetwork } from '../fakes/entra/loopback-msal-network.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  m365Env,
  memoryLogger,
  staticDir,
  TEAM_A,
  TENANT,
  userId,
} from '../helpers/m365-app.js';
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
    expect(all).toContain('KCSIE 2026');
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
  let fake: GraphFake;
  let siteId: string;
  let app: App;
  let url: string;
  let token: string;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // Entra, the Graph directory (team membership) and the identity wiring are the real ones from
    // bot/src/auth against their loopback fakes; SharePoint is the Graph fake.
    const entra = await FakeEntra.start({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      appIdUri: APP_ID_URI,
    });
    const directory = await FakeGraphDirectory.start(entra);
    const network = new LoopbackMsalNetwork(entra.url);
    const statics = staticDir();
    fake = await GraphFake.start();
    siteId = fake.addGroupSite(TEAM_A);
    const admin = createGraphClient({
      baseUrl: fake.baseUrl,
      getAccessToken: async () => 'admin',
      product: 't/1',
      retry: fastRetry,
    });
    await provisionSharePoint(admin, { siteId, baseUrl: fake.baseUrl, dryRun: false });

    const config = loadConfig(m365Env(entra, directory, statics, { teams: [TEAM_A], logLevel: 'silent' }));
    if (config.mode !== 'm365') throw new Error('expected Microsoft 365 mode');
    const { logger } = memoryLogger('silent');
    const tokens = new MsalGraphTokenService({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tenantId: TENANT,
      logger,
      networkClient: network,
    });
    const store = sharePointStore({ ...config, GRAPH_BASE_URL: fake.baseUrl }, tokens, logger, 'test');
    app = buildApp(config, logger, { store, msalNetworkClient: network });
    ({ url } = await app.listen());
    directory.addMember(TENANT, userId(1), TEAM_A);
    token = await entra.userToken({ tid: TENANT, oid: userId(1) });
    closers.push(
      () => app.close(),
      () => fake.close(),
      () => directory.close(),
      () => entra.close(),
      async () => rmSync(statics, { recursive: true, force: true }),
    );
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('stores assessments in SharePoint and keeps each exported document in the team’s library', async () => {
    const auth = { authorization: `Bearer ${token}` };
    expect((await call(`${url}/healthz`)).body).toMatchObject({ mode: 'm365', storage: 'sharepoint' });
    const created = await call(`${url}/api/assessments`, {
      method: 'POST',
      body: canaryAssessmentBody(),
      headers: auth,
    });
    expect(created.status).toBe(201);
    const { id, caseRef } = created.body as { id: string; caseRef: string };
    expect(caseRef).toMatch(/^HSB-\d{4}-0001$/);

    const res = await fetch(`${url}/api/assessments/${id}/document?audience=parents`, { headers: auth });
    const bytes = await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${caseRef}.docx"`);
    expect(docxText(bytes).all).not.toContain('Robin');

    const library = fake.list(siteId, 'HSB documents');
    const files = [...library.items.values()];
    expect(files.map((f) => f.file!.path)).toEqual([`${caseRef}/${caseRef}-parents.docx`]);
    expect(files[0]!.fields).toMatchObject({ CaseRef: caseRef, AssessmentId: id, Audience: 'parents' });
    expect(Buffer.compare(files[0]!.file!.content, Buffer.from(bytes))).toBe(0);

    const entries = [...fake.list(siteId, 'HSB audit log').items.values()];
    // Quick start also writes the child records and the case around the plan; every entry is the user's.
    expect(new Set(entries.map((i) => i.fields.ActorId))).toEqual(new Set([`${TENANT}/${userId(1)}`]));
    const planAudit = entries
      .filter((i) => i.fields.AssessmentId === id)
      .map((i) => [i.fields.Action, i.fields.Detail ?? null]);
    expect(planAudit).toEqual([
      ['create', null],
      ['export', 'parents'],
    ]);
    // Every SharePoint call carried a token Entra issued on the user's behalf, never the user's own SSO token.
    const sharePointTokens = new Set(fake.seenTokens.filter((t) => t !== 'admin'));
    expect(sharePointTokens.size).toBe(1);
    expect(sharePointTokens.has(token)).toBe(false);
  });
});
