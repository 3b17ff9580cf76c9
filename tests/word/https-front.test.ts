import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { get, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

function httpsPost(url: string, ca: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca, headers, servername: 'localhost' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('npm run word:https (the HTTPS front Word needs for sideloading)', () => {
  let dir: string;
  let upstream: Server;
  let upstreamUrl = '';
  const seen: { url?: string; proto?: string | string[]; host?: string; origin?: string }[] = [];
  let front: ChildProcess | undefined;
  let frontUrl: Promise<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'word-https-'));
    // A throwaway certificate for localhost, made here so no key is ever committed.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
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
    // Stands in for the local server: answers the pane and the API, and records what it was sent.
    upstream = createServer((req, res) => {
      seen.push({
        url: req.url,
        proto: req.headers['x-forwarded-proto'],
        host: req.headers.host,
        ...(req.headers.origin ? { origin: req.headers.origin } : {}),
      });
      if (req.url === '/word/') res.end('<!doctype html><title>pane</title>');
      else {
        // Not chained: restify, loaded by other suites in this worker, patches writeHead to return nothing.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok","mode":"local"}');
      }
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    upstreamUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    if (front?.pid) process.kill(front.pid);
    await new Promise((resolve) => upstream.close(resolve));
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
      upstreamUrl,
    ]);
    frontUrl = new Promise<string>((resolve, reject) => {
      front!.stdout!.on('data', (chunk: Buffer) => {
        const m = /https:\/\/localhost:(\d+)\/word\//.exec(chunk.toString());
        if (m) resolve(`https://localhost:${m[1]}`);
      });
      front!.once('exit', (code) => reject(new Error(`word-https exited with ${code}`)));
    });
    const url = await frontUrl;
    const ca = readFileSync(join(dir, 'localhost.crt'));
    const pane = await httpsGet(`${url}/word/`, ca);
    expect(pane).toEqual({ status: 200, body: '<!doctype html><title>pane</title>' });
    const health = await httpsGet(`${url}/healthz`, ca);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', mode: 'local' });
    const upstreamHost = new URL(upstreamUrl).host;
    expect(seen).toEqual([
      { url: '/word/', proto: 'https', host: upstreamHost },
      { url: '/healthz', proto: 'https', host: upstreamHost },
    ]);
  });

  it('passes its own pages’ writes on as the server’s own, and anyone else’s unchanged', async () => {
    const ca = readFileSync(join(dir, 'localhost.crt'));
    const url = await frontUrl;
    const port = new URL(url).port;
    seen.splice(0);
    expect(await httpsPost(`${url}/api/x`, ca, { origin: `https://localhost:${port}` })).toBe(200);
    expect(
      await httpsPost(`${url}/api/x`, ca, { origin: 'https://attacker.example', host: 'attacker.example' }),
    ).toBe(200);
    expect(seen).toEqual([
      { url: '/api/x', proto: 'https', host: new URL(upstreamUrl).host, origin: upstreamUrl },
      { url: '/api/x', proto: 'https', host: 'attacker.example', origin: 'https://attacker.example' },
    ]);
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
