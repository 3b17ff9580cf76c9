import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Runs the real entry point (bot/src/index.ts through tsx) as a separate process; allows 30 s to start on a loaded CI machine. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/src/index.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = async (): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      const m = /health:\s+(http:\/\/\S+)\/healthz/.exec(stdout);
      if (m) return m[1]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start: ${stderr}`);
  };
  return { child, exited, url, output: () => ({ stdout, stderr }) };
}

describe('the server process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hsb-proc-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves, then on SIGTERM closes the server and the database cleanly', async () => {
    const proc = startProcess({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const base = await proc.url();
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', mode: 'local', storage: 'sqlite' });
    const created = await fetch(`${base}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ learner: { name: 'Process Learner' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    // A clean close checkpoints the WAL into the database file and removes it.
    expect(existsSync(join(dataDir, 'hsb.sqlite-wal'))).toBe(false);
    const db = new Database(join(dataDir, 'hsb.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT id FROM assessments WHERE id = ?').get(id)).toEqual({ id });
    } finally {
      db.close();
    }
  });

  it('stops at start with one message naming every missing Microsoft 365 setting', async () => {
    const proc = startProcess({ APP_MODE: 'm365' });
    expect(await proc.exited).toBe(1);
    const { stderr } = proc.output();
    expect(stderr).toMatch(/^Configuration problem — missing: /);
    for (const key of ['BOT_ID', 'AAD_APP_CLIENT_ID', 'SAFEGUARDING_TEAM_ID', 'SECRET_BOT_PASSWORD'])
      expect(stderr).toContain(key);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to start local mode on a public address', async () => {
    const proc = startProcess({ HOST: '0.0.0.0', PORT: '0', DATA_DIR: dataDir });
    expect(await proc.exited).toBe(1);
    expect(proc.output().stderr).toMatch(
      /HOST \(local mode has no sign-in and only listens on a loopback address/,
    );
  });
});
