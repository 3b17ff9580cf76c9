import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, LocalModeNotLoopbackError } from '../../../bot/src/app.js';
import { loadConfig, type AppConfig } from '../../../bot/src/config.js';
import { createLogger } from '../../../bot/src/logger.js';
import { projectRoot } from '../../../bot/src/paths.js';
import { createAssessmentStore } from '../../../storage/index.js';

const root = projectRoot();

/** Runs the real entry point (bot/src/index.ts through tsx) with only the given environment. */
function runServer(
  env: Record<string, string>,
  stopWhen: RegExp = /health: /,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bot', 'src', 'index.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    });
    let stdout = '';
    let stderr = '';
    let stopping = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Node only handles SIGTERM once the entry point has registered for it, just after the banner.
      if (!stopping && stopWhen.test(stdout)) {
        stopping = true;
        setTimeout(() => child.kill('SIGTERM'), 300);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('local mode never listens beyond this machine', () => {
  const dataDir = join('tests', '.tmp', 'startup-data');
  afterAll(() => rmSync(join(root, dataDir), { recursive: true, force: true }));

  it('the server exits with a clear message when local mode is asked to bind a public address', async () => {
    const result = await runServer({ APP_MODE: 'local', HOST: '0.0.0.0', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HOST .*local mode has no sign-in and only listens on a loopback address/);
    expect(result.stdout).not.toMatch(/listening/);
  });

  it('the server starts on loopback in local mode and says it has no sign-in', async () => {
    const result = await runServer({ APP_MODE: 'local', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir });
    expect(result.stdout).toMatch(/local mode, no sign-in/);
    expect(result.stdout).toMatch(/"url":"http:\/\/127\.0\.0\.1:\d+"/);
    expect(result.code).toBe(0);
  });

  it('the server exits naming every missing setting when Microsoft 365 mode is half configured', async () => {
    const result = await runServer({ APP_MODE: 'm365', HOST: '0.0.0.0' });
    expect(result.code).toBe(1);
    for (const key of ['AAD_APP_CLIENT_ID', 'AAD_APP_ID_URI', 'ALLOWED_TENANT_IDS', 'SAFEGUARDING_TEAM_ID']) {
      expect(result.stderr).toContain(key);
    }
  });

  it('refuses to listen if a local-mode configuration reaches the server with a public address anyway', async () => {
    const config = { ...loadConfig({ APP_MODE: 'local', PORT: '0' }), HOST: '0.0.0.0' } as AppConfig;
    const app = buildApp(config, createLogger('silent'), {
      store: createAssessmentStore({ kind: 'sqlite-memory' }),
    });
    await expect(app.listen()).rejects.toBeInstanceOf(LocalModeNotLoopbackError);
    expect(app.server.server.listening).toBe(false);
    await app.close();
  });
});
