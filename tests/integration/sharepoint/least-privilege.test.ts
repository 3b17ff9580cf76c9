/**
 * The store acts as the caller: every request carries the user's own delegated token (or the app's,
 * for background work), so SharePoint's permissions are the control. Failures come back as the
 * domain's coded errors.
 */
import { AccessDeniedError, AuthenticationError, UpstreamError } from '../../../core/index.js';
import { SharePointAssessmentStore } from '../../../storage/sharepoint/index.js';
import type { Principal } from '../../fakes/graph/index.js';
import { assessmentData, changeContext } from '../../helpers/assessment-data.js';
import { fakeSharePointStore, fastRetry, SCHOOL_A, SCHOOL_B } from '../../helpers/sharepoint-fake-store.js';

describe('SharePoint store identity and permissions', () => {
  it('sends the caller’s on-behalf-of token, or the app’s when there is no caller, with a decorated User-Agent', async () => {
    const h = await fakeSharePointStore();
    try {
      await h.store.forSchool(SCHOOL_A, { userAssertion: 'alice' }).list();
      await h.store.forSchool(SCHOOL_A).list();
      expect(new Set(h.fake.seenTokens)).toEqual(new Set(['admin-token', 'obo:alice', 'app-token']));
      expect([...h.fake.seenUserAgents]).toContain('NONISV|HSB Safeguarding Assistant|hsb-tests/1');
    } finally {
      await h.close();
    }
  });

  it('passes the school’s tenant to the token source, for app-only work in multi-tenant set-ups', async () => {
    const h = await fakeSharePointStore();
    const seen: unknown[] = [];
    const store = h.anotherStore({
      getAccessToken: async (request) => {
        seen.push(request);
        return 'app-token';
      },
    });
    try {
      await store.forSchool(SCHOOL_A).list();
      expect(seen[0]).toEqual({ schoolId: SCHOOL_A, tenantId: 'tenant-1', userAssertion: undefined });
    } finally {
      await h.close();
    }
  });

  it('maps SharePoint refusing the user to AccessDeniedError, and an invalid token to AuthenticationError', async () => {
    const principalFor = (token: string): Principal | undefined => {
      if (token === 'obo:expired') return undefined;
      if (token === 'obo:outsider')
        return { id: 'o', displayName: 'Outsider', kind: 'user', sites: new Set() };
      return { id: token, displayName: token, kind: 'user', sites: 'all' };
    };
    const h = await fakeSharePointStore({ fake: { principalFor } });
    try {
      const created = await h.store
        .forSchool(SCHOOL_A, { userAssertion: 'dsl' })
        .create(assessmentData(), changeContext());
      const outsider = h.store.forSchool(SCHOOL_A, { userAssertion: 'outsider' });
      await expect(outsider.get(created.record.id)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(outsider.list()).rejects.toMatchObject({ code: 'SHAREPOINT_ACCESS_DENIED' });
      const expired = h.store.forSchool(SCHOOL_A, { userAssertion: 'expired' });
      await expect(expired.get(created.record.id)).rejects.toBeInstanceOf(AuthenticationError);
      // Nothing about the record leaked into an error message.
      const error = (await outsider.get(created.record.id).catch((e: unknown) => e)) as Error;
      expect(error.message).not.toContain('Test Learner');
    } finally {
      await h.close();
    }
  });

  it('keeps the token service’s CONSENT_REQUIRED so the client can run its consent flow', async () => {
    const h = await fakeSharePointStore();
    const consent = new AuthenticationError('CONSENT_REQUIRED', 'Consent is needed.');
    const store = h.anotherStore({
      getAccessToken: async () => {
        throw consent;
      },
    });
    try {
      await expect(store.forSchool(SCHOOL_A, { userAssertion: 'x' }).list()).rejects.toBe(consent);
    } finally {
      await h.close();
    }
  });

  it('refuses a school outside the configured teams before any request', async () => {
    const h = await fakeSharePointStore({ store: { site: { allowedGroupIds: ['group-a'] } } });
    try {
      expect(() => h.store.forSchool(SCHOOL_B)).toThrow(AccessDeniedError);
      expect(h.fake.roundTrips()).toBe(0);
      await h.store.forSchool(SCHOOL_A).list();
    } finally {
      await h.close();
    }
  });

  it('uses a configured site instead of the team’s group site', async () => {
    const h = await fakeSharePointStore();
    const store = new SharePointAssessmentStore({
      graphBaseUrl: h.fake.baseUrl,
      getAccessToken: async () => 'app-token',
      product: 'hsb-tests/1',
      retry: fastRetry,
      site: { siteId: h.sites[SCHOOL_B]!, allowedGroupIds: ['group-a'] },
    });
    try {
      const created = await store.forSchool(SCHOOL_A).create(assessmentData(), changeContext());
      expect(h.fake.roundTrips('sites.getByGroup')).toBe(0);
      expect([...h.fake.list(h.sites[SCHOOL_B]!, 'HSB assessments').items.values()][0]!.fields.RecordId).toBe(
        created.record.id,
      );
    } finally {
      await h.close();
    }
  });

  it('refuses a fixed site shared by several teams, which would mix schools’ records in one list', () => {
    const options = {
      graphBaseUrl: 'https://graph.microsoft.com',
      getAccessToken: async () => 't',
      product: 'p/1',
    };
    expect(
      () => new SharePointAssessmentStore({ ...options, site: { siteId: 's', allowedGroupIds: ['a', 'b'] } }),
    ).toThrow(/exactly one safeguarding team/);
    expect(() => new SharePointAssessmentStore({ ...options, site: { siteId: 's' } })).toThrow(/exactly one/);
  });

  it('says plainly when the site has not been provisioned', async () => {
    const h = await fakeSharePointStore();
    h.fake.addGroupSite('group-new');
    try {
      const error = await h.store
        .forSchool('tenant-1/group-new')
        .list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).code).toBe('SHAREPOINT_NOT_PROVISIONED');
    } finally {
      await h.close();
    }
  });
});

describe('case references across several app instances', () => {
  it('stay unique and gap-free when two instances create at once (unique column + retry)', async () => {
    const h = await fakeSharePointStore();
    try {
      const instances = [h.store, h.anotherStore(), h.anotherStore()];
      const created = await Promise.all(
        instances.flatMap((store) =>
          Array.from({ length: 8 }, () =>
            store.forSchool(SCHOOL_A).create(assessmentData(), changeContext('2026-05-01T09:00:00Z')),
          ),
        ),
      );
      const refs = created.map((c) => c.record.caseRef).sort();
      expect(refs).toEqual(
        Array.from({ length: 24 }, (_, i) => `HSB-2026-${String(i + 1).padStart(4, '0')}`),
      );
      expect(h.fake.list(h.sites[SCHOOL_A]!, 'HSB assessments').items.size).toBe(24);
    } finally {
      await h.close();
    }
  });

  it('do not duplicate a record when the answer to a create is lost', async () => {
    const warnings: string[] = [];
    const h = await fakeSharePointStore({
      store: { retry: { ...fastRetry, timeoutMs: 100 }, onWarning: (w) => warnings.push(w.code) },
    });
    try {
      await h.store.forSchool(SCHOOL_A).list();
      h.fake.injectFaults([{ kind: 'timeout-after-commit' }], (i) => i.op === 'batch');
      const created = await h.store.forSchool(SCHOOL_A).create(assessmentData(), changeContext());
      expect(created.record.caseRef).toBe('HSB-2026-0001');
      const list = h.fake.list(h.sites[SCHOOL_A]!, 'HSB assessments');
      expect(list.items.size).toBe(1);
      const log = h.fake.list(h.sites[SCHOOL_A]!, 'HSB audit log');
      expect(log.items.size).toBe(1);
      expect((await h.store.forSchool(SCHOOL_A).get(created.record.id)).etag).toBe(created.etag);
      expect(warnings).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
