// npm run word:https — an HTTPS front for the local server, because Word only loads add-ins over HTTPS.
// Serves https://localhost:3443 and passes every request to the local server (http://127.0.0.1:3978).
// The certificate is the one Microsoft's office-addin-dev-certs tool installs and trusts
// (`npx office-addin-dev-certs install`), or any pair given with --cert and --key.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The server answers only its own host names and accepts writes only from its own pages (README,
 * "Headers"). This front is the server's own HTTPS address on this machine, so a request addressed to
 * the front, or a write from a page it served, is passed on as addressed to the server. Any other
 * Host or Origin goes through unchanged, for the server to refuse.
 */
function forwardedHeaders(headers, frontPort, upstream) {
  const own = [`localhost:${frontPort}`, `127.0.0.1:${frontPort}`];
  const out = { ...headers, 'x-forwarded-proto': 'https' };
  if (own.includes(String(headers.host ?? '').toLowerCase())) out.host = upstream.host;
  if (own.map((h) => `https://${h}`).includes(String(headers.origin ?? '').toLowerCase())) {
    out.origin = upstream.origin;
  }
  return out;
}

export function startHttpsFront({ cert, key, port, target, host = '127.0.0.1' }) {
  const upstream = new URL(target);
  const server = https.createServer({ cert, key }, (req, res) => {
    const forward = http.request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req.headers, req.socket.localPort, upstream),
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The local server is not answering at ${target}: start it with npm start.\n`);
    });
    req.pipe(forward);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const certDir = join(homedir(), '.office-addin-dev-certs');
  const { values } = parseArgs({
    options: {
      cert: { type: 'string', default: join(certDir, 'localhost.crt') },
      key: { type: 'string', default: join(certDir, 'localhost.key') },
      port: { type: 'string', default: '3443' },
      target: { type: 'string', default: 'http://127.0.0.1:3978' },
    },
  });
  let cert;
  let key;
  try {
    cert = readFileSync(values.cert);
    key = readFileSync(values.key);
  } catch {
    process.stderr.write(
      `No certificate at ${values.cert}.\nRun \`npx office-addin-dev-certs install\` once (it creates and trusts one), or pass --cert and --key.\n`,
    );
    process.exit(1);
  }
  const server = await startHttpsFront({ cert, key, port: Number(values.port), target: values.target });
  const { port } = server.address();
  process.stdout.write(
    `Word add-in front: https://localhost:${port}/word/ → ${values.target}\nSideload manifest/word/manifest.local.xml (README, "The Word add-in").\n`,
  );
}
