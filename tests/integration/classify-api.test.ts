import { call, errorCode } from '../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../helpers/m365-app.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ages = (...years: number[]) => years.map((age) => ({ age }));

/** POST /api/classify through the real server: local mode for the answers, Microsoft 365 mode for sign-in. */
describe('POST /api/classify', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const post = (body: unknown, path = '/api/classify') => call(server.url, 'POST', path, { body });

  it.each([
    ['two 12-year-olds, sexual acts, mutual', { children: ages(12, 12), seen: ['sexual-acts'] }],
    [
      'a 15- and a 7-year-old, intimate touching, some power',
      { children: ages(15, 7), seen: ['touching-intimate'], power: 'some' },
    ],
    ['two 11-year-olds, intimate touching', { children: ages(11, 11), seen: ['touching-intimate'] }],
    ['a 16- and a 12-year-old, a kiss', { children: ages(16, 12), seen: ['touching-clothed'] }],
    ['children 4 years apart, images', { children: ages(13, 17), seen: ['images'] }],
    ['force between 16-year-olds', { children: ages(16, 16), seen: ['touching-clothed', 'force'] }],
    ['coercion between 16-year-olds', { children: ages(16, 16), seen: ['talk'], aggravating: ['coercion'] }],
  ])('%s: refer-csc whatever "mutual" says', async (_, answers) => {
    const res = await post({ consent: 'mutual', power: 'equal', frequency: 'once', ...answers });
    expect(res.status).toBe(200);
    expect((res.body as { actions: string[] }).actions).toContain('refer-csc');
  });

  it('answers with the level, reasons, actions, notes, rules and the DSL note, and stores nothing', async () => {
    const res = await post({
      children: ages(12, 12),
      seen: ['sexual-acts'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
      setting: 'outside-school',
    });
    expect(res.body).toEqual({
      level: 'abusive',
      reasons: expect.arrayContaining([expect.stringMatching(/under 13/)]),
      actions: ['manage-internally', 'early-help', 'refer-csc', 'report-police'],
      notes: expect.any(Array),
      rules: expect.arrayContaining(['under-13-sexual-acts']),
      note: expect.stringMatching(/The DSL decides/),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = await call(server.url, 'GET', '/api/assessments');
    expect((list.body as { items: unknown[] }).items).toEqual([]);
  });

  it.each([
    [
      { children: [{ age: '12' }], seen: ['talk'], consent: 'mutual', power: 'equal', frequency: 'once' },
      'INVALID_CLASSIFICATION',
    ],
    [
      {
        children: [{ age: 12, name: 'Ottoline' }],
        seen: ['talk'],
        consent: 'mutual',
        power: 'equal',
        frequency: 'once',
      },
      'UNKNOWN_FIELD',
    ],
    [{ ageBand: '9-13', seen: 'talk' }, 'UNKNOWN_FIELD'],
    ['[]', 'INVALID_CLASSIFICATION'],
  ])('refuses %j with a coded 400 that quotes nothing sent', async (body, code) => {
    const res = await post(body);
    expect([res.status, errorCode(res)]).toEqual([400, code]);
    expect(res.text).not.toMatch(/Ottoline|9-13/);
  });

  it('refuses malformed JSON, a body that is not JSON, an unknown query parameter and a huge body', async () => {
    const bad = await call(server.url, 'POST', '/api/classify', {
      rawBody: '{"children":',
      headers: { 'content-type': 'application/json' },
    });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MALFORMED_JSON']);
    const text = await call(server.url, 'POST', '/api/classify', { rawBody: 'age=12' });
    expect(text.status).toBe(415);
    const query = await post({}, '/api/classify?debug=1');
    expect([query.status, errorCode(query)]).toEqual([400, 'UNKNOWN_QUERY_PARAMETER']);
    const huge = await post({ children: ages(12), seen: ['talk'], pad: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
  });

  describe('in Microsoft 365 mode', () => {
    let t: M365TestApp;
    beforeAll(async () => {
      t = await startM365App();
      t.directory.addMember(TENANT, userId(21), TEAM_A);
    });
    afterAll(() => t.close());

    const body = {
      children: ages(14, 14),
      seen: ['talk'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    };

    it('needs sign-in, and only sign-in: staff outside the safeguarding team may use it', async () => {
      const anonymous = await call(t.url, 'POST', '/api/classify', { body });
      expect([anonymous.status, errorCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
      for (const oid of [userId(21), userId(22)]) {
        const res = await call(t.url, 'POST', '/api/classify', { body, token: await t.token(oid) });
        expect([oid, res.status]).toEqual([oid, 200]);
      }
    });

    it('logs no answer given', async () => {
      await call(t.url, 'POST', '/api/classify', {
        body: { ...body, seen: ['sexual-acts'], aggravating: ['exploitation'] },
        token: await t.token(userId(21)),
      });
      expect(t.logLines.join('\n')).not.toMatch(/sexual-acts|exploitation/);
    });
  });
});
