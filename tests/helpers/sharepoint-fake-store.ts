import {
  createGraphClient,
  provisionSharePoint,
  SharePointAssessmentStore,
  type SharePointStoreOptions,
} from '../../storage/sharepoint/index.js';
import { GraphFake, type GraphFakeOptions } from '../fakes/graph/index.js';

export const SCHOOL_A = 'tenant-1/group-a';
export const SCHOOL_B = 'tenant-1/group-b';

/** Retries that never make a test wait: the fake's Retry-After is 0 and backoff is a few milliseconds. */
export const fastRetry = {
  maxRetries: 6,
  baseDelayMs: 2,
  maxDelayMs: 20,
  maxRetryAfterMs: 5_000,
  timeoutMs: 2_000,
};

export interface FakeStoreHarness {
  fake: GraphFake;
  store: SharePointAssessmentStore;
  sites: Record<string, string>;
  /** A second store on the same fake: another instance of the app. */
  anotherStore(options?: Partial<SharePointStoreOptions>): SharePointAssessmentStore;
  close(): Promise<void>;
}

/** A Graph fake with two provisioned team sites and a SharePoint store pointed at it. */
export async function fakeSharePointStore(
  options: { fake?: GraphFakeOptions; store?: Partial<SharePointStoreOptions> } = {},
): Promise<FakeStoreHarness> {
  const fake = await GraphFake.start(options.fake);
  const sites = {
    [SCHOOL_A]: fake.addGroupSite('group-a'),
    [SCHOOL_B]: fake.addGroupSite('group-b'),
  };
  const admin = createGraphClient({
    baseUrl: fake.baseUrl,
    getAccessToken: async () => 'admin-token',
    product: 'hsb-tests/1',
    retry: fastRetry,
  });
  for (const siteId of Object.values(sites)) {
    await provisionSharePoint(admin, { siteId, baseUrl: fake.baseUrl, dryRun: false });
  }
  const make = (extra: Partial<SharePointStoreOptions> = {}) =>
    new SharePointAssessmentStore({
      graphBaseUrl: fake.baseUrl,
      getAccessToken: async ({ userAssertion }) => (userAssertion ? `obo:${userAssertion}` : 'app-token'),
      product: 'hsb-tests/1',
      retry: fastRetry,
      ...options.store,
      ...extra,
    });
  const store = make();
  fake.resetCounts();
  return {
    fake,
    store,
    sites,
    anotherStore: make,
    close: async () => {
      await store.close();
      await fake.close();
    },
  };
}
