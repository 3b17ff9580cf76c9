import { call, errorCode } from '../../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../../helpers/m365-app.js';

/**
 * On-behalf-of through the whole app: the membership check exchanges the caller's token with the
 * (fake) Entra token endpoint, and what Entra says comes back to the tab and add-in as coded errors.
 */
describe('on-behalf-of outcomes at the API (Microsoft 365 mode)', () => {
  let t: M365TestApp;
  beforeEach(async () => {
    t = await startM365App();
    for (const n of [1, 2, 3]) t.directory.addMember(TENANT, userId(n), TEAM_A);
  });
  afterEach(() => t.close());

  it('exchanges the caller’s token once, then serves later requests from the caches', async () => {
    const token = await t.token(userId(1));
    for (let i = 0; i < 5; i++)
      expect((await call(t.url, 'GET', '/api/assessments', { token })).status).toBe(200);
    expect(t.entra.requests.obo).toBe(1);
    expect(t.directory.requests).toHaveLength(1);
  });

  it('returns 401 CONSENT_REQUIRED when the user has not consented, so the client can prompt', async () => {
    t.entra.consentRequired.add(userId(2));
    const reply = await call(t.url, 'GET', '/api/assessments', { token: await t.token(userId(2)) });
    expect(reply.status).toBe(401);
    expect(errorCode(reply)).toBe('CONSENT_REQUIRED');
    expect(reply.text).not.toMatch(/AADSTS|invalid_grant/);
  });

  it('returns 401 CONSENT_REQUIRED when conditional access wants MFA, and works once it is satisfied', async () => {
    t.entra.mfaRequired.add(userId(3));
    const token = await t.token(userId(3));
    expect(
      errorCode(await call(t.url, 'POST', '/api/assessments', { token, body: { learner: { name: 'X' } } })),
    ).toBe('CONSENT_REQUIRED');
    t.entra.mfaRequired.delete(userId(3));
    expect((await call(t.url, 'GET', '/api/assessments', { token })).status).toBe(200);
  });

  it('returns 503 (retry later), not a sign-in prompt, when Entra is down', async () => {
    t.entra.outage = 503;
    const reply = await call(t.url, 'GET', '/api/assessments', { token: await t.token(userId(1)) });
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('GRAPH_TOKEN_FAILED');
  });

  it('returns 503 when Graph cannot answer the membership question', async () => {
    t.directory.failWith = 500;
    const reply = await call(t.url, 'GET', '/api/assessments', { token: await t.token(userId(1)) });
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('MEMBERSHIP_CHECK_FAILED');
  });

  it('returns 503 SIGN_IN_UNAVAILABLE when Entra’s signing keys cannot be read', async () => {
    t.entra.metadataOutage = 500;
    const reply = await call(t.url, 'GET', '/api/assessments', { token: await t.token(userId(1)) });
    expect(reply.status).toBe(503);
    expect(errorCode(reply)).toBe('SIGN_IN_UNAVAILABLE');
  });

  it('never logs the caller’s token or Entra’s error text', async () => {
    t.entra.consentRequired.add(userId(2));
    const token = await t.token(userId(2));
    await call(t.url, 'GET', '/api/assessments', { token });
    const log = t.logLines.join('');
    expect(log).toContain('CONSENT_REQUIRED');
    expect(log).not.toContain(token);
    expect(log).not.toContain('AADSTS');
  });
});
