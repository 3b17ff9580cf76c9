import { activeAssessmentBody } from '../helpers/assessment-data.js';
import { call, fixedClock, startTestServer, type TestServer } from '../helpers/test-server.js';

const UUID = /^[0-9a-f-]{36}$/;

describe('assessment API (real server, local mode)', () => {
  let server: TestServer;
  const clock = fixedClock('2026-03-10T10:00:00Z');
  let api: string;

  beforeAll(async () => {
    server = await startTestServer({ clock });
    api = `${server.url}/api/assessments`;
  });
  afterAll(() => server.close());

  async function createDraft(name = 'Draft Learner') {
    const res = await call(api, { method: 'POST', body: { learner: { name, yearGroup: 'Year 8' } } });
    expect(res.status).toBe(201);
    return res;
  }

  describe('GET /healthz', () => {
    it('reports status, mode, storage and version', async () => {
      const res = await call(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        mode: 'local',
        storage: 'sqlite',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    });
  });

  describe('POST /api/assessments', () => {
    it('creates a draft from just a name: 201 with Location, ETag and the record', async () => {
      const res = await createDraft();
      expect(res.headers.get('location')).toBe(`/api/assessments/${res.body.id}`);
      expect(res.headers.get('etag')).toMatch(/^".+"$/);
      expect(res.body).toMatchObject({
        status: 'draft',
        learner: { name: 'Draft Learner' },
        caseRef: expect.stringMatching(/^HSB-2026-\d{4}$/),
      });
      expect(res.body.id).toMatch(UUID);
      const read = await call(`${server.url}${res.headers.get('location')}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
      expect(read.headers.get('etag')).toBe(res.headers.get('etag'));
    });

    it('creates an active assessment when the decision and first review are recorded', async () => {
      const res = await call(api, { method: 'POST', body: activeAssessmentBody() });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'active',
        overallRisk: 'low',
        risks: [{ levelBefore: 'high', levelAfter: 'low' }],
      });
    });

    it.each([
      ['unknown field', { learner: { name: 'A' }, favouriteColour: 'red' }, 'UNKNOWN_FIELD'],
      ['missing name', { learner: {} }, 'VALIDATION_FAILED'],
      [
        'bad role',
        { learner: { name: 'A' }, otherChildren: [{ name: 'B', role: 'victim' }] },
        'VALIDATION_FAILED',
      ],
      ['not an object', [1, 2], 'VALIDATION_FAILED'],
      ['active without a decision', { status: 'active', learner: { name: 'A' } }, 'ACTIVATION_INCOMPLETE'],
      ['created closed', { status: 'closed', learner: { name: 'A' }, closingReason: 'x' }, 'INVALID_STATUS'],
    ])('refuses %s with 400 and a code', async (_label, body, code) => {
      const res = await call(api, { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.correlationId).toMatch(UUID);
    });

    it('refuses malformed JSON, an empty body and other media types', async () => {
      const malformed = await call(api, {
        method: 'POST',
        rawBody: '{"learner": {"name": "A"',
        headers: { 'content-type': 'application/json' },
      });
      expect([malformed.status, malformed.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
      const empty = await call(api, {
        method: 'POST',
        rawBody: '',
        headers: { 'content-type': 'application/json' },
      });
      expect([empty.status, empty.body.error.code]).toEqual([400, 'BODY_REQUIRED']);
      const text = await call(api, {
        method: 'POST',
        rawBody: 'name=A',
        headers: { 'content-type': 'text/plain' },
      });
      expect([text.status, text.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('refuses bodies over 256 KB with 413, whether or not the length is declared', async () => {
      const big = JSON.stringify({ learner: { name: 'A', send: 'x'.repeat(300 * 1024) } });
      const declared = await call(api, {
        method: 'POST',
        rawBody: big,
        headers: { 'content-type': 'application/json' },
      });
      expect([declared.status, declared.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const chunked = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(8 * 1024)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      // Nothing was stored by the refused requests.
      const list = await call(`${api}?status=draft`);
      expect(list.body.items.every((i: { learnerName: string }) => i.learnerName !== 'x')).toBe(true);
    });
  });

  describe('GET /api/assessments/:id', () => {
    it('answers 404 with the error shape for an unknown or malformed id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', '..%2F..%2Fetc']) {
        const res = await call(`${api}/${id}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('PUT /api/assessments/:id', () => {
    it('needs If-Match: 428 without it or with *', async () => {
      const created = await createDraft();
      for (const headers of [{}, { 'if-match': '*' }] as Record<string, string>[]) {
        const res = await call(`${api}/${created.body.id}`, { method: 'PUT', body: created.body, headers });
        expect([res.status, res.body.error.code]).toEqual([428, 'IF_MATCH_REQUIRED']);
      }
    });

    it('accepts exactly what GET returned, and bumps the ETag only when something changed', async () => {
      const created = await createDraft();
      const etag = created.headers.get('etag')!;
      const same = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: created.body,
        headers: { 'if-match': etag },
      });
      expect(same.status).toBe(200);
      expect(same.headers.get('etag')).toBe(etag);
      const changed = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: { ...created.body, learner: { ...created.body.learner, yearGroup: 'Year 9' } },
        headers: { 'if-match': etag },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(changed.body).toMatchObject({ version: 2, learner: { yearGroup: 'Year 9' } });
    });

    it('refuses a stale ETag with 412, returns the current ETag, and keeps the newer data', async () => {
      const created = await createDraft();
      const first = created.headers.get('etag')!;
      const ok = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: { ...created.body, staffNotes: 'mine' },
        headers: { 'if-match': first },
      });
      const stale = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: { ...created.body, staffNotes: 'theirs' },
        headers: { 'if-match': first },
      });
      expect([stale.status, stale.body.error.code]).toEqual([412, 'ETAG_MISMATCH']);
      expect(stale.headers.get('etag')).toBe(ok.headers.get('etag'));
      expect((await call(`${api}/${created.body.id}`)).body.staffNotes).toBe('mine');
    });

    it('refuses to change the id or case reference', async () => {
      const created = await createDraft();
      const headers = { 'if-match': created.headers.get('etag')! };
      const otherId = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: { ...created.body, id: 'x' },
        headers,
      });
      expect([otherId.status, otherId.body.error.code]).toEqual([400, 'ID_MISMATCH']);
      const otherRef = await call(`${api}/${created.body.id}`, {
        method: 'PUT',
        body: { ...created.body, caseRef: 'HSB-2026-9999' },
        headers,
      });
      expect([otherRef.status, otherRef.body.error.code]).toEqual([400, 'CASE_REF_READ_ONLY']);
    });

    it('follows the lifecycle: reasons after activation, a closing reason, never back to draft', async () => {
      const created = await call(api, { method: 'POST', body: activeAssessmentBody() });
      let etag = created.headers.get('etag')!;
      const url = `${api}/${created.body.id}`;
      const noReason = await call(url, {
        method: 'PUT',
        body: { ...created.body, staffNotes: 'x' },
        headers: { 'if-match': etag },
      });
      expect([noReason.status, noReason.body.error.code]).toEqual([400, 'CHANGE_REASON_REQUIRED']);
      const withReason = await call(url, {
        method: 'PUT',
        body: { ...created.body, staffNotes: 'x', changeReason: 'Update from tutor' },
        headers: { 'if-match': etag },
      });
      expect(withReason.status).toBe(200);
      etag = withReason.headers.get('etag')!;
      const toDraft = await call(url, {
        method: 'PUT',
        body: { ...withReason.body, status: 'draft', changeReason: 'oops' },
        headers: { 'if-match': etag },
      });
      expect([toDraft.status, toDraft.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
      const closeNoReason = await call(url, {
        method: 'PUT',
        body: { ...withReason.body, status: 'closed', changeReason: 'done' },
        headers: { 'if-match': etag },
      });
      expect([closeNoReason.status, closeNoReason.body.error.code]).toEqual([400, 'CLOSING_REASON_REQUIRED']);
      const closed = await call(url, {
        method: 'PUT',
        body: {
          ...withReason.body,
          status: 'closed',
          closingReason: 'Strategies effective for two terms.',
          changeReason: 'Closing review',
        },
        headers: { 'if-match': etag },
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-03-10' });
    });

    it('answers 404 for an unknown id', async () => {
      const res = await call(`${api}/00000000-0000-4000-8000-000000000000`, {
        method: 'PUT',
        body: { learner: { name: 'A' }, status: 'draft' },
        headers: { 'if-match': '"v1"' },
      });
      expect(res.status).toBe(404);
    });
  });

  describe('POST /api/assessments/:id/reviews', () => {
    const review = {
      date: '2026-03-09',
      behaviourChanges: 'No further incidents reported.',
      strategyImpacts: [{ strategyId: 's1', impact: 'effective' }],
      nextDue: '2026-04-06',
    };

    it('appends a review to an active assessment and moves the next review date', async () => {
      const created = await call(api, { method: 'POST', body: activeAssessmentBody() });
      const res = await call(`${api}/${created.body.id}/reviews`, { method: 'POST', body: review });
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).not.toBe(created.headers.get('etag'));
      expect(res.body.review.nextDue).toBe('2026-04-06');
      expect(res.body.reviews).toHaveLength(1);
      expect(res.body.reviews[0]).toMatchObject({
        ...review,
        id: expect.any(String),
        recordedAt: '2026-03-10T10:00:00.000Z',
      });
    });

    it('refuses reviews of drafts, of unknown strategies, in the future, and with a stale If-Match', async () => {
      const draft = await createDraft();
      const onDraft = await call(`${api}/${draft.body.id}/reviews`, { method: 'POST', body: review });
      expect([onDraft.status, onDraft.body.error.code]).toEqual([409, 'REVIEW_NEEDS_ACTIVE']);
      const active = await call(api, { method: 'POST', body: activeAssessmentBody() });
      const url = `${api}/${active.body.id}/reviews`;
      const unknown = await call(url, {
        method: 'POST',
        body: { ...review, strategyImpacts: [{ strategyId: 'nope', impact: 'effective' }] },
      });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'INVALID_REFERENCE']);
      const future = await call(url, {
        method: 'POST',
        body: { ...review, date: '2026-03-11', nextDue: '2026-04-11' },
      });
      expect([future.status, future.body.error.code]).toEqual([400, 'REVIEW_DATE_IN_FUTURE']);
      const stale = await call(url, { method: 'POST', body: review, headers: { 'if-match': '"v999"' } });
      expect([stale.status, stale.body.error.code]).toEqual([412, 'ETAG_MISMATCH']);
      expect((await call(`${api}/${active.body.id}`)).body.reviews).toEqual([]);
    });
  });

  describe('lists', () => {
    it('lists summaries without narrative, filtered by status and due window', async () => {
      const active = await call(api, { method: 'POST', body: activeAssessmentBody('List Learner') });
      const all = await call(`${api}?status=active`);
      expect(all.status).toBe(200);
      const row = all.body.items.find((i: { id: string }) => i.id === active.body.id);
      expect(row).toEqual({
        id: active.body.id,
        kind: 'risk-assessment',
        caseId: active.body.caseId,
        childId: active.body.childId,
        caseRef: active.body.caseRef,
        status: 'active',
        learnerName: 'List Learner',
        yearGroup: 'Year 9',
        overallRisk: 'low',
        nextDue: '2026-03-05',
        updatedAt: active.body.updatedAt,
        overdue: true,
      });
      expect(JSON.stringify(all.body)).not.toContain('Touching over clothing');
      const due = await call(`${api}?dueWithinDays=0`);
      expect(due.body.items.map((i: { id: string }) => i.id)).toContain(active.body.id);
    });

    it('lists due reviews soonest first, overdue and drafts included, closed excluded', async () => {
      const soon = await call(api, {
        method: 'POST',
        body: { learner: { name: 'A' }, review: { nextDue: '2026-03-20' } },
      });
      const later = await call(api, {
        method: 'POST',
        body: { learner: { name: 'B' }, review: { nextDue: '2026-04-30' } },
      });
      const toClose = await call(api, { method: 'POST', body: activeAssessmentBody('Closed Learner') });
      const closed = await call(`${api}/${toClose.body.id}`, {
        method: 'PUT',
        body: {
          ...toClose.body,
          status: 'closed',
          closingReason: 'Moved school; file transferred.',
          changeReason: 'Closing',
        },
        headers: { 'if-match': toClose.headers.get('etag')! },
      });
      expect(closed.status).toBe(200);
      const res = await call(`${server.url}/api/reviews/due`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ withinDays: 14, today: '2026-03-10' });
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(soon.body.id);
      expect(ids).not.toContain(later.body.id);
      expect(ids).not.toContain(toClose.body.id);
      expect(res.body.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
      const dates = res.body.items.map((i: { nextDue: string }) => i.nextDue);
      expect([...dates].sort()).toEqual(dates);
      const item = res.body.items.find((i: { id: string }) => i.id === soon.body.id);
      expect(item).toMatchObject({ overdue: false, daysUntilDue: 10, status: 'draft' });
      const wider = await call(`${server.url}/api/reviews/due?withinDays=60`);
      expect(wider.body.items.map((i: { id: string }) => i.id)).toContain(later.body.id);
    });

    it.each([
      ['/api/assessments?status=open', 'INVALID_QUERY'],
      ['/api/assessments?dueWithinDays=-1', 'INVALID_QUERY'],
      ['/api/assessments?sort=name', 'UNKNOWN_QUERY_PARAMETER'],
      ['/api/assessments?status=draft&status=active', 'INVALID_QUERY'],
      ['/api/reviews/due?withinDays=abc', 'INVALID_QUERY'],
      ['/api/reviews/due?withinDays=400', 'INVALID_QUERY'],
    ])('refuses %s with 400 %s', async (path, code) => {
      const res = await call(`${server.url}${path}`);
      expect([res.status, res.body.error.code]).toEqual([400, code]);
    });
  });

  describe('cross-cutting', () => {
    it('answers unknown addresses and methods in the error shape', async () => {
      const missing = await call(`${server.url}/api/nothing-here`);
      expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
      const method = await call(`${server.url}/api/assessments`, { method: 'DELETE' });
      expect([method.status, method.body.error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    });

    it('marks every API response no-store and never returns a stack trace', async () => {
      const responses = await Promise.all([
        call(`${server.url}/api/assessments`),
        call(`${server.url}/api/assessments/x`),
        call(`${server.url}/api/assessments`, {
          method: 'POST',
          rawBody: '{',
          headers: { 'content-type': 'application/json' },
        }),
        call(`${server.url}/api/reviews/due`),
        call(`${server.url}/api/nothing`),
      ]);
      for (const res of responses) {
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('x-correlation-id')).toMatch(UUID);
        expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules|Error:/);
      }
    });

    it('shows the local identity as such', async () => {
      const res = await call(`${server.url}/api/me`);
      expect(res.body).toEqual({
        displayName: 'Local user (no sign-in)',
        kind: 'local',
        mode: 'local',
        schools: [{ schoolId: 'local', teamId: null }],
      });
    });
  });
});
