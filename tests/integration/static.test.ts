import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startTestServer, type TestServer } from '../helpers/test-server.js';

describe('static tab and task pane', () => {
  let staticDir: string;
  let server: TestServer;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'hsb-static-'));
    mkdirSync(join(staticDir, 'tab', 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'tab', 'index.html'), '<!doctype html><title>tab</title>');
    writeFileSync(join(staticDir, 'tab', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'tab', 'favicon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = await startTestServer({ env: { STATIC_DIR: staticDir } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves the built tab, its assets, and its own routes from index.html', async () => {
    const index = await fetch(`${server.url}/tab/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('<title>tab</title>');
    const asset = await fetch(`${server.url}/tab/assets/app.js`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([
      200,
      expect.stringMatching(/javascript/),
    ]);
    expect((await fetch(`${server.url}/tab/dashboard`)).status).toBe(200);
  });

  it('redirects / and /tab to /tab/', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/tab/']);
    const bare = await fetch(`${server.url}/tab`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/tab/');
  });

  it('answers /favicon.ico with the tab icon instead of a 404', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
  });

  it('says clearly when a front end has not been built', async () => {
    const res = await call(`${server.url}/word/`);
    expect([res.status, res.body.error.code]).toEqual([503, 'NOT_BUILT']);
  });

  it('never serves files outside the build folder', async () => {
    for (const path of [
      '/tab/..%2f..%2fpackage.json',
      '/tab/%2e%2e/%2e%2e/etc/passwd',
      '/tab/assets/missing.js',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('"name"');
    }
  });
});
