import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { hasCaseRecords } from '../../core/index.js';

const CANARY = 'Zebedee Quarrington';
const HARMED = 'Philippa Nightingale';

let app: App;
let url: string;
let dataDir: string;
let logs = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hsb-stage-'));
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += String(chunk);
      done();
    },
  });
  app = buildApp(
    loadConfig({ APP_MODE: 'local', PORT: '0', DATA_DIR: dataDir }),
    createLogger('debug', sink),
  );
  ({ url } = await app.listen());
});

afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function createCase(): Promise<string> {
  const res = await fetch(`${url}/api/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      learner: { name: CANARY, yearGroup: 'Year 9' },
      otherChildren: [{ name: HARMED, role: 'harmed' }],
      incidents: [{ description: `${CANARY} followed ${HARMED}` }],
      risks: [
        {
          context: 'toilets-changing',
          description: `${CANARY} waits outside`,
          likelihood: 2,
          impact: 3,
          strategies: [
            {
              action: `Zebedee uses the staff toilet; Philippa keeps hers`,
              owner: 'Site team',
              inPlace: true,
            },
          ],
        },
      ],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('GET /api/assessments/:id/stage', () => {
  it('returns the redacted plan: no child’s name, no narrative', async () => {
    const id = await createCase();
    const res = await fetch(`${url}/api/assessments/${id}/stage`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    for (const leak of [
      'Zebedee',
      'Quarrington',
      'Philippa',
      'Nightingale',
      'followed',
      'waits outside',
      'Year 9',
    ]) {
      expect(text).not.toContain(leak);
    }
    expect(JSON.parse(text)).toMatchObject({
      caseId: expect.any(String),
      caseRef: expect.stringMatching(/^HSB-\d{4}-\d+$/),
      children: [
        { label: 'Child A', roles: ['displayedHsb'], plan: { kind: 'risk-assessment', status: 'draft' } },
        { label: 'Child B', roles: ['harmed'] },
      ],
      plan: {
        id,
        kind: 'risk-assessment',
        label: 'Child A',
        overallRisk: 'high',
        contexts: [
          {
            context: 'toilets-changing',
            levelBefore: 'high',
            strategies: [
              {
                action: 'Child A uses the staff toilet; Child B keeps hers',
                owner: 'Site team',
                inPlace: true,
              },
            ],
          },
        ],
      },
    });
    expect(logs).not.toContain('Zebedee');
    expect(logs).not.toContain('Philippa');
  });

  it('records each version shown in the audit trail, and answers polls of an unchanged plan with 304', async () => {
    const id = await createCase();
    const first = await fetch(`${url}/api/assessments/${id}/stage`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"stage-/);
    const reads = async () =>
      (await app.store.forSchool('local').history(id)).filter(
        (e) => e.action === 'read' && e.detail === 'stage',
      );
    expect(await reads()).toEqual([expect.objectContaining({ actorId: 'local-user' })]);

    const poll = await fetch(`${url}/api/assessments/${id}/stage`, { headers: { 'if-none-match': etag } });
    expect(poll.status).toBe(304);
    expect(await poll.text()).toBe('');
    expect(await reads()).toHaveLength(1);

    const current = await fetch(`${url}/api/assessments/${id}`);
    const record = (await current.json()) as { learner: Record<string, string> };
    const put = await fetch(`${url}/api/assessments/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({ ...record, learner: { ...record.learner, keyAdult: 'Ms Khan' } }),
    });
    expect(put.status).toBe(200);
    const changed = await fetch(`${url}/api/assessments/${id}/stage`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await reads()).toHaveLength(2);
  });

  it('answers 404 with the coded error for an unknown or malformed id', async () => {
    for (const path of ['assessments', 'cases']) {
      for (const id of ['0f676d75-dbb4-4af1-bb92-05c4121d98b0', 'not-an-id']) {
        const res = await fetch(`${url}/api/${path}/${id}/stage`);
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      }
    }
  });
});

describe('GET /api/cases/:id/stage', () => {
  it('shows the case’s children by pseudonym, role and plan, and no name', async () => {
    const res = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        summary: 'Reported at break',
        participants: [
          { child: { name: CANARY, yearGroup: 'Year 9' }, roles: ['displayedHsb'] },
          { child: { name: HARMED, yearGroup: 'Year 8' }, roles: ['harmed'] },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const kase = (await res.json()) as { id: string; participants: { assessmentId: string }[] };

    const stage = await fetch(`${url}/api/cases/${kase.id}/stage`);
    expect(stage.status).toBe(200);
    const text = await stage.text();
    for (const leak of ['Zebedee', 'Quarrington', 'Philippa', 'Nightingale', 'Year 9', 'Reported']) {
      expect(text).not.toContain(leak);
    }
    expect(JSON.parse(text)).toEqual({
      caseId: kase.id,
      caseRef: expect.stringMatching(/^HSB-/),
      children: [
        { label: 'Child A', roles: ['displayedHsb'], plan: { kind: 'risk-assessment', status: 'draft' } },
        { label: 'Child B', roles: ['harmed'], plan: { kind: 'support-plan', status: 'draft' } },
      ],
      plan: null,
    });

    // Shown once, recorded once; a poll of the unchanged case is neither sent again nor recorded.
    if (!hasCaseRecords(app.store)) throw new Error('SQLite holds cases.');
    const records = app.store.recordsFor('local');
    const shown = async () =>
      (await records.cases.history(kase.id)).filter((e) => e.action === 'read' && e.detail === 'stage');
    expect(await shown()).toHaveLength(1);
    const poll = await fetch(`${url}/api/cases/${kase.id}/stage`, {
      headers: { 'if-none-match': stage.headers.get('etag')! },
    });
    expect(poll.status).toBe(304);
    expect(await shown()).toHaveLength(1);

    const support = await fetch(`${url}/api/assessments/${kase.participants[1]!.assessmentId}/stage`);
    expect(((await support.json()) as { plan: unknown }).plan).toMatchObject({
      kind: 'support-plan',
      label: 'Child B',
      adjustments: null,
      contactWithOtherChild: null,
    });
  });
});

describe('GET /tab/auth-config.json', () => {
  it('says local mode has no sign-in, and gives no client id', async () => {
    const res = await fetch(`${url}/tab/auth-config.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode: 'local' });
  });
});
