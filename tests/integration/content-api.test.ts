import { realContent } from '../helpers/content.js';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

type Served = { id: string; checkedOn: unknown; verify: unknown };

/**
 * An item served says whether it was checked (`checkedOn`, or null) and what is left to check (`verify`,
 * or null), exactly as content/ has them: an unchecked claim must never look like settled guidance.
 */
function expectCheckStatus(
  served: Served,
  item: { id: string; checkedOn?: string | undefined; verify?: string | undefined } | undefined,
): void {
  expect(item).toBeDefined();
  expect(served).toMatchObject({
    id: item!.id,
    checkedOn: item!.checkedOn ?? null,
    verify: item!.verify ?? null,
  });
  expect(served.checkedOn !== null || typeof served.verify === 'string').toBe(true);
}

/** The content routes through the real server (local mode, port 0), content loaded from content/. */
describe('content API', () => {
  let server: TestServer;
  const lib = realContent();

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const get = (path: string) => call(`${server.url}${path}`);

  describe('GET /api/clauses', () => {
    it('serves every clause, sourced, with the fields Word and the tab rely on', async () => {
      const res = await get('/api/clauses');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(lib.policy.length + lib.referral.length);
      for (const item of res.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'body',
            'checkedOn',
            'guidanceEdition',
            'id',
            'kind',
            'order',
            'section',
            'sectionTitle',
            'sources',
            'title',
            'variables',
            'verify',
            'version',
          ].sort(),
        );
        expect(item.sources.length).toBeGreaterThan(0);
        expect(item.guidanceEdition).toMatch(/\d{4}/);
        expectCheckStatus(
          item,
          lib.policy.find((c) => c.id === item.id) ?? lib.referral.find((c) => c.id === item.id),
        );
      }
    });

    it('filters by kind, in document order', async () => {
      const policy = await get('/api/clauses?kind=policy');
      expect(policy.body.items.length).toBeGreaterThanOrEqual(30);
      expect(policy.body.items.map((c: { id: string }) => c.id)).toEqual(lib.policy.map((c) => c.id));
      const referral = await get('/api/clauses?kind=referral');
      expect(referral.body.items.length).toBeGreaterThanOrEqual(12);
      expect(referral.body.items.every((c: { kind: string }) => c.kind === 'referral')).toBe(true);
    });

    it('filters by section', async () => {
      const res = await get('/api/clauses?kind=policy&section=records');
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((c: { section: string }) => c.section === 'records')).toBe(true);
    });

    it('searches with q, ranked, with a score', async () => {
      const res = await get(`/api/clauses?kind=referral&q=${encodeURIComponent('parents consent')}`);
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({ id: 'referral.consent', kind: 'referral' });
      expect(typeof res.body.items[0].score).toBe('number');
      expect(res.body.items.every((c: { kind: string }) => c.kind === 'referral')).toBe(true);
    });

    it('treats an empty q as no search', async () => {
      const res = await get('/api/clauses?kind=referral&q=');
      expect(res.body.items).toHaveLength(lib.referral.length);
    });
  });

  describe('GET /api/faq', () => {
    it('serves every entry without q, sourced, unranked', async () => {
      const res = await get('/api/faq');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(30);
      expect(res.body.items).toHaveLength(lib.faq.length);
      for (const item of res.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            'answer',
            'checkedOn',
            'guidanceEdition',
            'id',
            'question',
            'related',
            'score',
            'sources',
            'tags',
            'verify',
            'version',
          ].sort(),
        );
        expectCheckStatus(
          item,
          lib.faq.find((e) => e.id === item.id),
        );
        expect(item.score).toBeNull();
        expect(item.sources.length).toBeGreaterThan(0);
      }
    });

    it('ranks answers for what staff type, honouring top', async () => {
      const res = await get(
        `/api/faq?q=${encodeURIComponent('a nude photo of a pupil shared in a group chat')}&top=2`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
      expect(res.body.items[0].id).toBe('faq.nudes-in-group-chat');
      expect(res.body.items[0].score).toBeGreaterThan(res.body.items[1].score);
      expect(res.body.items[0].answer).toContain('DSL');
    });

    it('defaults to 5 answers and, when nothing matches, returns an empty list and where to go instead', async () => {
      expect((await get('/api/faq?q=nudes')).body.items).toHaveLength(5);
      expect((await get('/api/faq?q=nudes')).body.noAnswer).toBeUndefined();
      const routes = expect.objectContaining({
        source: expect.stringContaining('Part one'),
        routes: expect.arrayContaining([expect.stringContaining('999'), expect.stringContaining('LADO')]),
      });
      expect((await get('/api/faq?q=zzqxj')).body).toEqual({ items: [], noAnswer: routes });
      // Nothing answers well: the same empty list, not the nearest weak match.
      expect(
        (await get(`/api/faq?q=${encodeURIComponent('how do I reset my email password')}`)).body,
      ).toEqual({
        items: [],
        noAnswer: routes,
      });
      // A safeguarding concern outside harmful sexual behaviour: no HSB answer, and the route for it.
      const neglect = await get(
        `/api/faq?q=${encodeURIComponent('worried about neglect, a pupil is often unwashed')}`,
      );
      expect(neglect.body.items).toEqual([]);
      expect(neglect.body.noAnswer.routes.join(' ')).toMatch(/tell the DSL .*today.*child protection policy/);
    });
  });

  describe('GET /api/content/*', () => {
    it('serves the risk-assessment template: contexts, scales, decision and review', async () => {
      const res = await get('/api/content/risk-template');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['contexts', 'decision', 'review', 'scales']);
      expect(res.body.contexts.length).toBeGreaterThanOrEqual(10);
      expect(res.body.contexts[0]).toMatchObject({
        id: 'context.classroom',
        context: 'classroom',
        prompts: expect.any(Array),
        exampleStrategies: expect.any(Array),
        sources: expect.any(Array),
        guidanceEdition: expect.any(String),
      });
      expect(res.body.decision.options.map((o: { id: string }) => o.id)).toEqual([
        'manage-internally',
        'early-help',
        'referral-csc',
        'report-police',
      ]);
      expect(res.body.scales.likelihood).toHaveLength(3);
      expect(res.body.review.earlyReviewTriggers.length).toBeGreaterThan(0);
    });

    it('serves the Hackett guide and the language guide, sourced, with whether each was checked', async () => {
      const hackett = await get('/api/content/hackett');
      expect(hackett.body.levels.map((l: { id: string }) => l.id)).toEqual([
        'normal',
        'inappropriate',
        'problematic',
        'abusive',
        'violent',
      ]);
      const language = await get('/api/content/language');
      expect(language.body.terms.map((t: { id: string }) => t.id)).toEqual(
        expect.arrayContaining(['perpetrator', 'abuser', 'offender', 'predator']),
      );
      expect(hackett.body.guidanceEdition).toMatch(/KCSIE 2026/);
      expectCheckStatus(hackett.body, lib.hackett);
      expectCheckStatus(language.body, lib.language);
      for (const body of [hackett.body, language.body]) expect(body.sources.length).toBeGreaterThan(0);
      const template = await get('/api/content/risk-template');
      const { contexts, scales, decision, review } = lib.riskTemplate;
      template.body.contexts.forEach((served: Served, i: number) => expectCheckStatus(served, contexts[i]));
      expectCheckStatus(template.body.scales, scales);
      expectCheckStatus(template.body.decision, decision);
      expectCheckStatus(template.body.review, review);
    });
  });

  describe('strict query validation', () => {
    const cases: [string, string, string][] = [
      ['/api/faq?top=0', 'INVALID_QUERY', 'top'],
      ['/api/faq?top=101', 'INVALID_QUERY', 'top'],
      ['/api/faq?top=3.5', 'INVALID_QUERY', 'top'],
      ['/api/faq?q=a&q=b', 'INVALID_QUERY', 'q'],
      ['/api/faq?question=nudes', 'UNKNOWN_QUERY_PARAMETER', ''],
      ['/api/clauses?kind=faq', 'INVALID_QUERY', 'kind'],
      ['/api/clauses?section=nowhere', 'INVALID_QUERY', 'section'],
      ['/api/clauses?kind=referral&section=records', 'INVALID_QUERY', 'section'],
      ['/api/content/hackett?level=normal', 'UNKNOWN_QUERY_PARAMETER', ''],
    ];
    cases.push([`/api/faq?q=${'a'.repeat(501)}`, 'INVALID_QUERY', 'q']);
    it.each(cases.map(([path, code, field]) => [path.slice(0, 40), path, code, field] as const))(
      '%s → 400',
      async (_label, path, code, field) => {
        const res = await get(path);
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code, correlationId: expect.any(String) });
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      },
    );
  });

  it('never logs what staff searched for', async () => {
    const canary = 'Zephyrine Quillfeather touched by a boy';
    await get(`/api/faq?q=${encodeURIComponent(canary)}`);
    await get(`/api/clauses?q=${encodeURIComponent(canary)}`);
    await get(`/api/faq?q=${encodeURIComponent(canary)}&top=0`);
    const log = server.logs.join('\n');
    expect(log).toContain('/api/faq');
    expect(log).not.toContain('Zephyrine');
    expect(log).not.toContain('Quillfeather');
  });
});
