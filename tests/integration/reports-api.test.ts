import { strFromU8, unzipSync } from 'fflate';
import { GUIDANCE_EDITION, trendsResponse } from '../../core/index.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const NAMES = ['Zoë Ångström', 'Jordan Example', 'Priya Testcase', 'Sam Sample'];
const NARRATIVE = 'Comments made in the lunch queue.';

function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbersIn(v, found));
  return found;
}

async function docxText(res: Response): Promise<string> {
  const parts = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.keys(parts)
    .filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
    .map((n) => strFromU8(parts[n]!))
    .join('\n');
}

describe('trend reports API (real server, local mode, seeded cases)', () => {
  let server: TestServer;
  const clock = fixedClock('2026-01-05T10:00:00Z');
  let url: string;
  const caseRefs: string[] = [];
  const childIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock });
    url = server.url;
    // Twelve cases in January 2026: nine in classrooms and three in corridors, so the governors'
    // answer has counts of 1 to 4 to withhold; two the autumn before, for the comparison.
    const dates = [
      ...Array.from({ length: 12 }, (_, i) => `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`),
      '2025-11-03T10:00:00Z',
      '2025-11-04T10:00:00Z',
    ];
    for (const [i, at] of dates.entries()) {
      clock.set(at);
      const existing = childIds[i % 6];
      const res = await call(`${url}/api/cases`, {
        method: 'POST',
        body: {
          participants: [
            {
              child: existing
                ? { id: existing }
                : {
                    name: NAMES[i % NAMES.length]!,
                    yearGroup: i % 2 ? 'Year 9' : 'Y8',
                    sex: i % 2 ? 'female' : 'male',
                  },
              roles: ['displayedHsb'],
            },
          ],
          incidents: [
            {
              date: at.slice(0, 10),
              time: i % 3 ? '12:30' : '09:10',
              context: i < 9 ? 'classroom' : 'corridors',
              online: i === 0,
              kinds: ['talk'],
              hackettLevel: 'inappropriate',
              description: NARRATIVE,
              location: 'By the lockers',
            },
          ],
        },
      });
      expect(res.status).toBe(201);
      caseRefs.push(res.body.caseRef as string);
      if (!existing) childIds.push(res.body.participants[0].childId as string);
    }
    clock.set('2026-04-01T10:00:00Z');
  });
  afterAll(() => server.close());

  const trends = (qs: string) => call(`${url}/api/reports/trends?${qs}`);

  it('answers the safeguarding team with every count, in the contract’s shape', async () => {
    const res = await trends('from=2026-01-01&to=2026-03-31&audience=dsl');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(trendsResponse.safeParse(res.body).success).toBe(true);
    expect(res.body.headline).toEqual({ cases: 12, incidents: 12, children: 6 });
    const context = res.body.tables.find((t: { id: string }) => t.id === 'incidents-by-context');
    expect(context.rows.find((r: { key: string }) => r.key === 'corridors').count).toBe(3);
    expect(context.rows.find((r: { key: string }) => r.key === 'classroom').label).toBe(
      'Classroom and lessons',
    );
    expect(res.body.summary[0]).toBe('Cases opened: 12, up 10 from 2 in the previous period.');
  });

  it('defaults to the safeguarding team’s view', async () => {
    const res = await trends('from=2026-01-01&to=2026-03-31');
    expect(res.body.audience).toBe('dsl');
  });

  it('answers governors with no count from 1 to 4, no name, no case reference, no narrative, no id', async () => {
    const res = await trends('from=2026-01-01&to=2026-03-31&audience=governors');
    expect(res.status).toBe(200);
    expect(trendsResponse.safeParse(res.body).success).toBe(true);
    expect(numbersIn(res.body).filter((n) => n >= 1 && n <= 4)).toEqual([]);
    const text = JSON.stringify(res.body);
    for (const name of [...NAMES, 'Zoe', 'Angstrom']) expect(text).not.toContain(name);
    for (const ref of caseRefs) expect(text).not.toContain(ref);
    for (const id of childIds) expect(text).not.toContain(id);
    expect(text).not.toMatch(/HSB-\d{4}|lunch queue|lockers/);
    expect(text).toContain('{"suppressed":true}');
    expect(res.body.timings).toBeUndefined();
  });

  it('gives the governors’ report as Word: counts, "fewer than 5", the commentary, nothing identifying', async () => {
    const res = await fetch(`${url}/api/reports/governors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        from: '2026-01-01',
        to: '2026-03-31',
        commentary: 'Most reports came from classrooms; staff training is planned for the spring.',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="governors-report-2026-01-to-2026-03.docx"',
    );
    const xml = await docxText(res);
    expect(xml).toContain('fewer than 5, or withheld');
    expect(xml).toContain('staff training is planned');
    expect(xml).toContain(GUIDANCE_EDITION);
    for (const name of [...NAMES, 'Zoe', 'Angstrom']) expect(xml).not.toContain(name);
    for (const ref of caseRefs) expect(xml).not.toContain(ref);
    for (const id of childIds) expect(xml).not.toContain(id);
    expect(xml).not.toMatch(/HSB-\d{4}|lunch queue|lockers/);
    const cells = [...xml.matchAll(/<w:t xml:space="preserve">(\d+)<\/w:t>/g)].map((m) => Number(m[1]));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it('keeps DESIGN’s GET working, without a commentary', async () => {
    const res = await fetch(`${url}/api/reports/governors?from=2026-01-01&to=2026-03-31`);
    expect(res.status).toBe(200);
    expect(await docxText(res)).toContain('added no commentary');
  });

  it('refuses a commentary that names a child or quotes a case reference, without repeating it', async () => {
    const named = await call(`${url}/api/reports/governors`, {
      method: 'POST',
      body: { from: '2026-01-01', to: '2026-03-31', commentary: 'ZOË has settled well.' },
    });
    expect(named.status).toBe(400);
    expect(named.body.error.code).toBe('COMMENTARY_NAMES_A_CHILD');
    expect(JSON.stringify(named.body)).not.toMatch(/ZOË|settled/);
    const ref = await call(`${url}/api/reports/governors`, {
      method: 'POST',
      body: { from: '2026-01-01', to: '2026-03-31', commentary: `See ${caseRefs[0]!}.` },
    });
    expect(ref.status).toBe(400);
    expect(ref.body.error.code).toBe('COMMENTARY_NAMES_A_CASE');
  });

  it.each([
    ['from=2026-02-30&to=2026-03-31', 'INVALID_QUERY'],
    ['from=2026-03-01&to=2026-02-01', 'INVALID_QUERY'],
    ['from=2020-01-01&to=2026-03-01', 'INVALID_QUERY'],
    ['from=2026-01-01', 'INVALID_QUERY'],
    ['from=2026-01-01&to=2026-03-31&audience=parents', 'INVALID_QUERY'],
    ['from=2026-01-01&to=2026-03-31&child=Zoe', 'UNKNOWN_QUERY_PARAMETER'],
  ])('refuses %s with a coded 400', async (qs, code) => {
    const res = await trends(qs);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body)).not.toContain('Zoe');
  });

  it('refuses a malformed body for the governors’ report', async () => {
    const res = await call(`${url}/api/reports/governors`, {
      method: 'POST',
      body: { from: '2026-01-01', to: 'soon', names: true },
    });
    expect(res.status).toBe(400);
  });
});
