import { RateLimitedError, UpstreamError } from '../../../core/index.js';
import { fakeSharePointStore, SCHOOL_A } from '../../helpers/sharepoint-fake-store.js';

describe('SharePoint store under throttling (through the real Graph client)', () => {
  it('waits out Retry-After before trying again', async () => {
    const h = await fakeSharePointStore();
    try {
      await h.store.forSchool(SCHOOL_A).list();
      h.fake.resetCounts();
      h.fake.injectFaults([{ kind: '429', retryAfterSeconds: 1 }]);
      const started = Date.now();
      await h.store.forSchool(SCHOOL_A).list();
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(h.fake.roundTrips('items.list')).toBe(2);
    } finally {
      await h.close();
    }
  });

  it('hands a long Retry-After back to the caller at once instead of holding the request', async () => {
    const h = await fakeSharePointStore();
    try {
      await h.store.forSchool(SCHOOL_A).list();
      h.fake.resetCounts();
      h.fake.injectFaults([{ kind: '429', retryAfterSeconds: 120 }]);
      const error = await h.store
        .forSchool(SCHOOL_A)
        .list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).toBe(120);
      expect(h.fake.roundTrips()).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('stops after its retries with a coded upstream error when SharePoint stays unavailable', async () => {
    const h = await fakeSharePointStore();
    try {
      await h.store.forSchool(SCHOOL_A).list();
      h.fake.resetCounts();
      h.fake.injectFaults(Array.from({ length: 20 }, () => ({ kind: '503' as const, retryAfterSeconds: 0 })));
      const error = await h.store
        .forSchool(SCHOOL_A)
        .list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).code).toBe('GRAPH_UNAVAILABLE');
      expect(h.fake.roundTrips()).toBe(7);
    } finally {
      await h.close();
    }
  });

  it('gives up on a request that never answers after each attempt’s deadline', async () => {
    const h = await fakeSharePointStore({
      store: {
        retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1_000, timeoutMs: 100 },
      },
    });
    try {
      await h.store.forSchool(SCHOOL_A).list();
      h.fake.injectFaults([{ kind: 'timeout' }, { kind: 'timeout' }, { kind: 'timeout' }]);
      const error = await h.store
        .forSchool(SCHOOL_A)
        .list()
        .catch((e: unknown) => e);
      expect((error as UpstreamError).code).toBe('GRAPH_TIMEOUT');
    } finally {
      await h.close();
    }
  });
});
