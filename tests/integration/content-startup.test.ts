import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs the real entry point with its own content folder; resolves when it exits (or starts listening). */
function run(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; faqCount?: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/src/index.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let faqCount: number | undefined;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /health:\s+(http:\/\/\S+)\/healthz/.exec(stdout)?.[1];
      if (url && faqCount === undefined) {
        faqCount = -1;
        void fetch(`${url}/api/faq`)
          .then((r) => r.json() as Promise<{ items: unknown[] }>)
          .then((body) => (faqCount = body.items.length))
          .finally(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) =>
      resolve({ code, stdout, stderr, ...(faqCount === undefined ? {} : { faqCount }) }),
    );
  });
}

describe('start-up with invalid content', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hsb-content-'));
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start, naming the file and the field, without a stack trace', async () => {
    const file = join(dir, 'content', 'faq', 'upskirting.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^variables: \[\]$/m, 'variables: [dslName]'));
    const { code, stdout, stderr } = await run({
      CONTENT_DIR: join(dir, 'content'),
      DATA_DIR: join(dir, 'data'),
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Content problem — faq/upskirting.md: variables: Declares dslName, which the text never uses.',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toContain('health:');
  });

  it('starts with the same content when it is valid, and serves it', async () => {
    const { code, faqCount } = await run({ CONTENT_DIR: join(dir, 'content'), DATA_DIR: join(dir, 'data') });
    expect(faqCount).toBeGreaterThanOrEqual(30);
    expect(code).toBe(0);
  });
});
