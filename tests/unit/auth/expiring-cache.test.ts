import { ExpiringCache } from '../../../bot/src/auth/expiring-cache.js';

describe('ExpiringCache', () => {
  let now = 1_000;
  const clock = () => now;

  it('serves a value until it expires, then loads again', async () => {
    const cache = new ExpiringCache<string>(10, clock);
    let loads = 0;
    const load = async () => ({ value: `v${++loads}`, expiresAt: now + 100 });
    expect(await cache.getOrLoad('k', load)).toBe('v1');
    now += 99;
    expect(await cache.getOrLoad('k', load)).toBe('v1');
    now += 1;
    expect(await cache.getOrLoad('k', load)).toBe('v2');
  });

  it('shares one load between concurrent callers and does not keep failures', async () => {
    const cache = new ExpiringCache<string>(10, clock);
    let loads = 0;
    let fail = true;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error('upstream down');
      return { value: 'ok', expiresAt: now + 100 };
    };
    const results = await Promise.allSettled([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(loads).toBe(1);
    fail = false;
    expect(await cache.getOrLoad('k', load)).toBe('ok');
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used entry when full', async () => {
    const cache = new ExpiringCache<string>(2, clock);
    const load = (v: string) => async () => ({ value: v, expiresAt: now + 100 });
    await cache.getOrLoad('a', load('a'));
    await cache.getOrLoad('b', load('b'));
    await cache.getOrLoad('a', load('a2'));
    await cache.getOrLoad('c', load('c'));
    expect(cache.size).toBe(2);
    expect(await cache.getOrLoad('a', load('a3'))).toBe('a');
    expect(await cache.getOrLoad('b', load('b2'))).toBe('b2');
  });

  it('never stores a value that is already expired', async () => {
    const cache = new ExpiringCache<string>(2, clock);
    await cache.getOrLoad('k', async () => ({ value: 'x', expiresAt: now }));
    expect(cache.size).toBe(0);
  });
});
