import { call, errorCode } from '../../helpers/http.js';
import { startM365App, TEAM_A, TENANT, userId, type M365TestApp } from '../../helpers/m365-app.js';

/**
 * Erasure is the DSL's alone, and in Microsoft 365 the DSL is an owner of the school's safeguarding
 * team: a member who is not an owner is refused, whatever the tab shows.
 */
describe('retention erasure is for the DSL only (Microsoft 365 mode)', () => {
  let t: M365TestApp;

  beforeAll(async () => {
    t = await startM365App();
    t.directory.addMember(TENANT, userId(1), TEAM_A);
    t.directory.addMember(TENANT, userId(2), TEAM_A);
    t.directory.addOwner(userId(1), TEAM_A);
  });
  afterAll(() => t.close());

  it('refuses a member who is not an owner with 403 DSL_ONLY, and lets the owner erase', async () => {
    const member = await t.token(userId(2));
    const owner = await t.token(userId(1));
    const created = await call(t.url, 'POST', '/api/children', {
      token: member,
      body: { name: 'Quentin Canary', dateOfBirth: '2000-01-01' },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    const refused = await call(t.url, 'POST', `/api/children/${id}/erase`, {
      token: member,
      body: { reason: 'Retention review' },
    });
    expect({ status: refused.status, code: errorCode(refused) }).toEqual({ status: 403, code: 'DSL_ONLY' });
    expect((await call(t.url, 'GET', `/api/children/${id}`, { token: member })).status).toBe(200);

    const erased = await call(t.url, 'POST', `/api/children/${id}/erase`, {
      token: owner,
      body: { reason: 'Retention review' },
    });
    expect(erased.status).toBe(200);
    expect((await call(t.url, 'GET', `/api/children/${id}`, { token: owner })).status).toBe(404);
  });
});
