import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const root = join(__dirname, '..', '..');

function httpsGet(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('npm run word:https (the HTTPS front Word needs for sideloading)', () => {
  let dir: string;
  let server: TestServer;
  let front: ChildProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'word-https-'));
    // A throwaway certificate for localhost, made here so no key is ever committed.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'localhost.key'),
        '-out',
        join(dir, 'localhost.crt'),
      ],
      { stdio: 'ignore' },
    );
    mkdirSync(join(dir, 'dist', 'word'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'word', 'index.html'), '<!doctype html><title>pane</title>');
    server = await startTestServer({ env: { STATIC_DIR: join(dir, 'dist') } });
  });

  afterAll(async () => {
    if (front?.pid) process.kill(front.pid);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the task pane and the API over HTTPS from the local server', async () => {
    front = spawn(process.execPath, [
      join(root, 'scripts', 'word-https.mjs'),
      '--cert',
      join(dir, 'localhost.crt'),
      '--key',
      join(dir, 'localhost.key'),
      '--port',
      '0',
      '--target',
      server.url,
    ]);
    const url = await new Promise<string>((resolve, reject) => {
      front!.stdout!.on('data', (chunk: Buffer) => {
        const m = /https:\/\/localhost:(\d+)\/word\//.exec(chunk.toString());
        if (m) resolve(`https://localhost:${m[1]}`);
      });
      front!.once('exit', (code) => reject(new Error(`word-https exited with ${code}`)));
    });
    const ca = readFileSync(join(dir, 'localhost.crt'));
    const pane = await httpsGet(`${url}/word/`, ca);
    expect(pane).toEqual({ status: 200, body: '<!doctype html><title>pane</title>' });
    const health = await httpsGet(`${url}/healthz`, ca);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', mode: 'local' });
  });

  it('explains how to get a certificate when there is none', () => {
    let message = '';
    try {
      execFileSync(
        process.execPath,
        [join(root, 'scripts', 'word-https.mjs'), '--cert', join(dir, 'none.crt')],
        {
          stdio: 'pipe',
        },
      );
    } catch (error) {
      message = String((error as { stderr: Buffer }).stderr);
    }
    expect(message).toContain('npx office-addin-dev-certs install');
  });
});
