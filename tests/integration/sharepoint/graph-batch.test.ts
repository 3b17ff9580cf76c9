import { createGraphClient, executeBatch, type BatchStep } from '../../../storage/sharepoint/index.js';
import { GraphFake } from '../../fakes/graph/index.js';
import { fastRetry } from '../../helpers/sharepoint-fake-store.js';

describe('executeBatch', () => {
  let fake: GraphFake;
  let siteId: string;
  let path: string;
  const client = () =>
    createGraphClient({
      baseUrl: fake.baseUrl,
      getAccessToken: async () => 't',
      product: 'hsb-tests/1',
      retry: fastRetry,
    });

  beforeEach(async () => {
    fake = await GraphFake.start();
    siteId = fake.addSite();
    const list = fake.sharepoint.createList(siteId, {
      displayName: 'Log',
      columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
    });
    path = `/sites/${siteId}/lists/${list.id}/items`;
    fake.resetCounts();
  });
  afterEach(() => fake.close());

  const post = (id: string, key: string, dependsOn?: string[]): BatchStep => ({
    id,
    method: 'POST',
    url: path,
    body: { fields: { Key: key } },
    ...(dependsOn ? { dependsOn } : {}),
  });

  it('sends at most 20 requests per batch', async () => {
    const steps = Array.from({ length: 45 }, (_, i) => post(String(i), `k${i}`));
    const outcomes = await executeBatch(client(), steps);
    expect([...outcomes.values()].every((o) => o.status === 201)).toBe(true);
    expect(fake.roundTrips('batch')).toBe(3);
    expect(fake.count('items.create')).toBe(45);
  });

  it('retries a throttled inner request on its own, then the request that depended on it', async () => {
    fake.injectFaults([{ kind: '429', retryAfterSeconds: 0 }], (i) => i.inner && i.op === 'items.create');
    const outcomes = await executeBatch(client(), [post('a', 'first'), post('b', 'second', ['a'])]);
    expect(outcomes.get('a')!.status).toBe(201);
    expect(outcomes.get('b')!.status).toBe(201);
    expect(fake.roundTrips('batch')).toBe(1);
    expect(fake.roundTrips('items.create')).toBe(2);
    expect(fake.list(siteId, 'Log').items.size).toBe(2);
  });

  it('leaves a real failure, and the requests that depend on it, as they are', async () => {
    await executeBatch(client(), [post('a', 'taken')]);
    const outcomes = await executeBatch(client(), [post('a', 'taken'), post('b', 'other', ['a'])]);
    expect(outcomes.get('a')!.status).toBe(409);
    expect(outcomes.get('b')!.status).toBe(424);
    expect(fake.list(siteId, 'Log').items.size).toBe(1);
  });

  it('refuses a dependency that would fall into another batch', async () => {
    const steps = Array.from({ length: 21 }, (_, i) => post(String(i), `k${i}`));
    steps[20] = post('20', 'k20', ['0']);
    await expect(executeBatch(client(), steps)).rejects.toThrow(/same batch/);
  });
});
