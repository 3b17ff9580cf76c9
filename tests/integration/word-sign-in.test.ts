import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  startM365App,
  TENANT,
  type M365TestApp,
} from '../helpers/m365-app.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** GET /word/auth-config.json: what the task pane's MSAL needs, before anyone has signed in. */
describe('the Word sign-in page’s settings', () => {
  let local: TestServer;
  let m365: M365TestApp;

  beforeAll(async () => {
    local = await startTestServer();
    m365 = await startM365App();
  });
  afterAll(async () => {
    await local.close();
    await m365.close();
  });

  it('says there is no sign-in in local mode', async () => {
    const res = await fetch(`${local.url}/word/auth-config.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode: 'local' });
  });

  it('gives the public Entra values in Microsoft 365 mode, without a token, and no secret', async () => {
    const res = await fetch(`${m365.url}/word/auth-config.json`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      mode: 'm365',
      clientId: CLIENT_ID,
      tenantId: TENANT,
      appIdUri: APP_ID_URI,
      scopes: [`${APP_ID_URI}/.default`],
    });
    expect(text).not.toContain(CLIENT_SECRET);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    // The task pane itself is still served by the static route.
    expect((await fetch(`${m365.url}/word/`)).status).toBe(200);
  });
});
