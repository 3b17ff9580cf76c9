import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

/** "Who could be harmed" over HTTP: a list now, the single value of older clients still accepted. */
describe('risks’ “who could be harmed” through the API', () => {
  let server: TestServer;
  let api: string;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T10:00:00Z') });
    api = `${server.url}/api/assessments`;
  });
  afterAll(() => server.close());

  const risk = (affects: unknown) => ({
    context: 'corridors',
    description: 'Unsupervised changeovers',
    likelihood: 2,
    impact: 2,
    affects,
  });

  async function draft() {
    const res = await call(api, { method: 'POST', body: { learner: { name: 'Affects Learner' } } });
    expect(res.status).toBe(201);
    return res;
  }

  it('accepts an old client’s single value on PUT and answers with a list of one', async () => {
    const created = await draft();
    const put = await call(`${api}/${created.body.id}`, {
      method: 'PUT',
      body: { ...created.body, risks: [risk('staff')] },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(put.status).toBe(200);
    expect(put.body.risks[0].affects).toEqual(['staff']);
    expect((await call(`${api}/${created.body.id}`)).body.risks[0].affects).toEqual(['staff']);
  });

  it('keeps several choices', async () => {
    const created = await draft();
    const put = await call(`${api}/${created.body.id}`, {
      method: 'PUT',
      body: { ...created.body, risks: [risk(['harmed', 'others', 'staff'])] },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(put.status).toBe(200);
    expect((await call(`${api}/${created.body.id}`)).body.risks[0].affects).toEqual([
      'harmed',
      'others',
      'staff',
    ]);
  });

  it('refuses a choice given twice with a coded 400 and keeps the record as it was', async () => {
    const created = await draft();
    const put = await call(`${api}/${created.body.id}`, {
      method: 'PUT',
      body: { ...created.body, risks: [risk(['others', 'others'])] },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(put.status).toBe(400);
    expect(put.body.error.code).toBe('VALIDATION_FAILED');
    expect(put.body.error.details).toEqual([{ path: 'risks.0.affects', problem: 'Each choice once.' }]);
    expect((await call(`${api}/${created.body.id}`)).body.risks).toEqual([]);
  });
});
