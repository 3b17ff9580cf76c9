/**
 * The Graph fake must behave like Graph where the store depends on it, or the other proofs prove
 * nothing. Raw HTTP here, no store.
 */
import { GraphFake } from '../../fakes/graph/index.js';

describe('Graph fake', () => {
  let fake: GraphFake;
  let siteId: string;
  let listId: string;

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${fake.baseUrl}/v1.0${path}`, {
      method,
      headers: {
        Authorization: 'Bearer t1',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
    };
  }

  beforeEach(async () => {
    fake = await GraphFake.start({ listViewThreshold: 10, defaultPageSize: 4 });
    siteId = fake.addGroupSite('g1');
    const created = await call('POST', `/sites/${siteId}/lists`, {
      displayName: 'Things',
      list: { template: 'genericList' },
      columns: [
        { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
        { name: 'Colour', text: {} },
        { name: 'Size', number: {}, indexed: true },
        { name: 'Notes', text: { allowMultipleLines: true } },
      ],
    });
    expect(created.status).toBe(201);
    listId = created.body!.id as string;
  });
  afterEach(() => fake.close());

  const items = () => `/sites/${siteId}/lists/${listId}/items`;

  it('refuses calls without a bearer token', async () => {
    const res = await fetch(`${fake.baseUrl}/v1.0/sites/${siteId}`);
    expect(res.status).toBe(401);
  });

  it('finds a team’s site through its group', async () => {
    const res = await call('GET', '/groups/g1/sites/root');
    expect(res.body!.id).toBe(siteId);
    expect((await call('GET', '/groups/nope/sites/root')).status).toBe(404);
  });

  it('changes the ETag on every write and refuses a stale If-Match with 412', async () => {
    const created = await call('POST', items(), { fields: { Code: 'a', Colour: 'red' } });
    expect(created.status).toBe(201);
    const first = created.body!.eTag as string;
    expect(first).toMatch(/^"[0-9a-f-]+,1"$/);
    const updated = await call(
      'PATCH',
      `${items()}/${created.body!.id}/fields`,
      { Colour: 'blue' },
      { 'If-Match': first },
    );
    expect(updated.status).toBe(200);
    expect(updated.body!['@odata.etag']).toMatch(/,2"$/);
    const stale = await call(
      'PATCH',
      `${items()}/${created.body!.id}/fields`,
      { Colour: 'green' },
      { 'If-Match': first },
    );
    expect(stale.status).toBe(412);
    const read = await call('GET', `${items()}/${created.body!.id}?$expand=fields`);
    expect(read.body!.fields.Colour).toBe('blue');
    const versions = await call(
      'GET',
      `${items()}/${created.body!.id}/versions?$expand=fields($select=Colour)`,
    );
    expect(
      versions.body!.value.map((v: { id: string; fields: { Colour: string } }) => [v.id, v.fields.Colour]),
    ).toEqual([
      ['2.0', 'blue'],
      ['1.0', 'red'],
    ]);
  });

  it('enforces unique columns, field names, types and note length', async () => {
    await call('POST', items(), { fields: { Code: 'A' } });
    const clash = await call('POST', items(), { fields: { Code: 'a' } });
    expect(clash.status).toBe(409);
    expect(clash.body!.error.message).toMatch(/duplicate values.*\[Code\]/);
    expect((await call('POST', items(), { fields: { Nope: 'x' } })).status).toBe(400);
    expect((await call('POST', items(), { fields: { Size: 'big' } })).status).toBe(400);
    expect((await call('POST', items(), { fields: { Notes: 'x'.repeat(64_000) } })).status).toBe(400);
    expect((await call('POST', items(), { fields: { Colour: 'x'.repeat(256) } })).status).toBe(400);
  });

  it('filters indexed columns, refuses non-indexed ones, and past the threshold even with Prefer', async () => {
    for (let i = 0; i < 8; i++)
      await call('POST', items(), { fields: { Code: `c${i}`, Size: i, Colour: i % 2 ? 'red' : 'blue' } });
    const indexed = await call(
      'GET',
      `${items()}?$filter=${encodeURIComponent('fields/Size ge 5')}&$expand=fields`,
    );
    expect(indexed.body!.value).toHaveLength(3);
    const plain = await call('GET', `${items()}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`);
    expect(plain.status).toBe(400);
    expect(plain.body!.error.message).toMatch(/not indexed/);
    const preferred = await call(
      'GET',
      `${items()}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`,
      undefined,
      {
        Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
      },
    );
    expect(preferred.body!.value).toHaveLength(4);
    for (let i = 8; i < 12; i++) await call('POST', items(), { fields: { Code: `c${i}`, Size: i } });
    const tooBig = await call(
      'GET',
      `${items()}?$filter=${encodeURIComponent("fields/Colour eq 'red'")}`,
      undefined,
      {
        Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
      },
    );
    expect(tooBig.status).toBe(400);
    expect(tooBig.body!.error.message).toMatch(/list view threshold/);
  });

  it('pages with @odata.nextLink until the end', async () => {
    for (let i = 0; i < 10; i++) await call('POST', items(), { fields: { Code: `c${i}` } });
    const seen: string[] = [];
    let next: string | undefined = `${fake.baseUrl}/v1.0${items()}?$expand=fields($select=Code)`;
    let pages = 0;
    while (next) {
      const res = await fetch(next, { headers: { Authorization: 'Bearer t1' } });
      const body = (await res.json()) as {
        value: { fields: { Code: string } }[];
        '@odata.nextLink'?: string;
      };
      seen.push(...body.value.map((v) => v.fields.Code));
      next = body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`));
  });

  it('runs a $batch with inner statuses and dependsOn, answers out of order, and refuses more than 20', async () => {
    const res = await call('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: items(),
          body: { fields: { Code: 'x' } },
          headers: { 'Content-Type': 'application/json' },
        },
        {
          id: '2',
          method: 'POST',
          url: items(),
          body: { fields: { Code: 'x' } },
          headers: { 'Content-Type': 'application/json' },
        },
        { id: '3', method: 'GET', url: `${items()}/1`, dependsOn: ['2'] },
        { id: '4', method: 'GET', url: `${items()}/1`, dependsOn: ['1'] },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body!.responses.map((r: { id: string; status: number }) => [r.id, r.status]),
    );
    expect(byId).toEqual({ '1': 201, '2': 409, '3': 424, '4': 200 });
    expect(res.body!.responses[0].id).toBe('4');
    const tooMany = await call('POST', '/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: items() })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('injects throttling with Retry-After, and timeouts that hold the connection', async () => {
    fake.injectFaults([
      { kind: '429', retryAfterSeconds: 7 },
      { kind: '503', retryAfterSeconds: 2 },
    ]);
    const a = await call('GET', items());
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect((await call('GET', items())).status).toBe(503);
    expect((await call('GET', items())).status).toBe(200);

    fake.injectFaults([{ kind: 'timeout' }]);
    await expect(
      fetch(`${fake.baseUrl}/v1.0${items()}`, {
        headers: { Authorization: 'Bearer t1' },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
  });

  it('applies a write and then holds the answer for a timeout after commit', async () => {
    fake.injectFaults([{ kind: 'timeout-after-commit' }], (i) => i.op === 'items.create');
    await expect(
      fetch(`${fake.baseUrl}/v1.0${items()}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer t1', 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { Code: 'landed' } }),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect([...fake.list(siteId, 'Things').items.values()].map((i) => i.fields.Code)).toEqual(['landed']);
  });

  it('uploads files to a library by path and keeps versions when they are replaced', async () => {
    const lib = await call('POST', `/sites/${siteId}/lists`, {
      displayName: 'Docs',
      list: { template: 'documentLibrary' },
    });
    const drive = await call('GET', `/sites/${siteId}/lists/${lib.body!.id}/drive`);
    const put = (content: string) =>
      fetch(`${fake.baseUrl}/v1.0/drives/${drive.body!.id}/root:/HSB-2026-0001/a.docx:/content`, {
        method: 'PUT',
        headers: { Authorization: 'Bearer t1', 'Content-Type': 'application/octet-stream' },
        body: content,
      });
    expect((await put('one')).status).toBe(201);
    expect((await put('two')).status).toBe(200);
    const file = [...fake.list(siteId, 'Docs').items.values()][0]!;
    expect(file.file!.content.toString()).toBe('two');
    expect(file.versions).toHaveLength(2);
  });
});
