import { call, errorCode } from '../helpers/http.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  startM365App,
  TEAM_A,
  TEAM_B,
  TENANT,
  userId,
  type M365TestApp,
} from '../helpers/m365-app.js';

/** The tab's own server routes in Microsoft 365 mode: the stage projection and the consent settings. */
describe('tab routes (Microsoft 365 mode)', () => {
  const CHILD = 'Ottoline Canary-Ashdown';
  const DSL_A = userId(11);
  const DSL_B = userId(12);
  let t: M365TestApp;
  let id: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startM365App();
    t.directory.addMember(TENANT, DSL_A, TEAM_A);
    t.directory.addMember(TENANT, DSL_B, TEAM_B);
    tokens[DSL_A] = await t.token(DSL_A);
    tokens[DSL_B] = await t.token(DSL_B);
    const created = await call(t.url, 'POST', '/api/assessments', {
      token: tokens[DSL_A]!,
      body: {
        learner: { name: CHILD },
        risks: [
          {
            context: 'online',
            description: `${CHILD} messages the other child`,
            likelihood: 2,
            impact: 2,
            strategies: [{ action: 'Ottoline hands in her phone at the office', owner: 'Form tutor' }],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    id = (created.body as { id: string }).id;
  });
  afterAll(() => t.close());

  it('serves the stage view only to a signed-in member of the school, redacted', async () => {
    const anonymous = await call(t.url, 'GET', `/api/assessments/${id}/stage`);
    expect([anonymous.status, errorCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);

    const otherSchool = await call(t.url, 'GET', `/api/assessments/${id}/stage`, { token: tokens[DSL_B]! });
    expect(otherSchool.status).toBe(404);

    const member = await call(t.url, 'GET', `/api/assessments/${id}/stage`, { token: tokens[DSL_A]! });
    expect(member.status).toBe(200);
    expect(JSON.stringify(member.body)).not.toMatch(/Ottoline|Canary|Ashdown|messages the other/);
    expect(member.body).toMatchObject({
      children: [{ label: 'Child A' }],
      plan: {
        label: 'Child A',
        contexts: [
          {
            context: 'online',
            strategies: [{ action: 'Child A hands in her phone at the office', owner: 'Form tutor' }],
          },
        ],
      },
    });

    const caseStage = `/api/cases/${(member.body as { caseId: string }).caseId}/stage`;
    expect((await call(t.url, 'GET', caseStage)).status).toBe(401);
    expect((await call(t.url, 'GET', caseStage, { token: tokens[DSL_B]! })).status).toBe(404);
    const ofCase = await call(t.url, 'GET', caseStage, { token: tokens[DSL_A]! });
    expect(ofCase.status).toBe(200);
    expect(JSON.stringify(ofCase.body)).not.toMatch(/Ottoline|Canary|Ashdown/);
  });

  it('gives MSAL the client id and the API’s scope without sign-in', async () => {
    const reply = await call(t.url, 'GET', '/tab/auth-config.json');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      mode: 'm365',
      clientId: CLIENT_ID,
      tenantId: TENANT,
      scopes: [`${APP_ID_URI}/.default`],
    });
  });
});
