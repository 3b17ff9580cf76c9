import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { otherKey, startFakeBotAuth, unsignedToken } from '../../helpers/fake-bot-auth.js';
import { message, TEAM_GROUP_ID, TENANT_ID } from '../../helpers/teams-activities.js';

/**
 * The real entry point as its own process, in Microsoft 365 mode, receiving the bot tokens anyone on
 * the internet can send: forged, expired, unsigned, garbage. The Bot Framework connector prints such
 * failures on the console (the signing keys it knows, a stack trace); the process's stdout and stderr
 * must hold nothing but the logger's JSON lines, and those no keys and no stack.
 */

const BOT_APP_ID = '44444444-4444-4444-8444-444444444444';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/src/index.ts'], {
    cwd: join(__dirname, '..', '..', '..'),
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
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/.exec(stdout);
      if (m) return m[1]!;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start: ${stderr}`);
  };
  return { child, exited, url, output: () => ({ stdout, stderr }) };
}

describe('console output under forged bot tokens (server process, Microsoft 365 mode)', () => {
  it('writes nothing to stdout or stderr but logger JSON lines, without keys or stack traces', async () => {
    const auth = await startFakeBotAuth();
    const proc = startProcess({
      APP_MODE: 'm365',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'debug',
      PUBLIC_BASE_URL: 'https://hsb.example.org',
      TEAMS_APP_ID: '55555555-5555-4555-8555-555555555555',
      BOT_ID: BOT_APP_ID,
      BOT_TENANT_ID: TENANT_ID,
      SECRET_BOT_PASSWORD: 'not-used-offline',
      BOT_OPENID_METADATA_URL: auth.metadataUrl,
      AAD_APP_CLIENT_ID: '66666666-6666-4666-8666-666666666666',
      AAD_APP_TENANT_ID: TENANT_ID,
      AAD_APP_ID_URI: 'api://hsb.example.org/66666666-6666-4666-8666-666666666666',
      SECRET_AAD_APP_CLIENT_SECRET: 'not-used-offline',
      AAD_OPENID_METADATA_URL: 'http://127.0.0.1:9/.well-known/openid-configuration',
      ALLOWED_TENANT_IDS: TENANT_ID,
      SAFEGUARDING_TEAM_ID: TEAM_GROUP_ID,
      GRAPH_BASE_URL: 'http://127.0.0.1:9',
      SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    });
    try {
      const url = await proc.url();
      const now = Math.floor(Date.now() / 1000);
      const tokens: [string, string][] = [
        [
          'forged (another key, the known kid)',
          await auth.token(SERVICE_URL, BOT_APP_ID, { key: otherKey() }),
        ],
        [
          'an unknown key id',
          await auth.token(SERVICE_URL, BOT_APP_ID, { kid: 'kid-unknown', key: otherKey() }),
        ],
        [
          'expired',
          await auth.token(SERVICE_URL, BOT_APP_ID, { expires: now - 3600, notBefore: now - 7200 }),
        ],
        ['not yet valid', await auth.token(SERVICE_URL, BOT_APP_ID, { notBefore: now + 3600 })],
        ['for another audience', await auth.token(SERVICE_URL, '77777777-7777-4777-8777-777777777777')],
        ['unsigned', unsignedToken(SERVICE_URL, BOT_APP_ID, 'kid-unknown')],
        ['garbage', 'not.a.token'],
      ];
      for (const [label, token] of tokens) {
        const reply = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            host: 'hsb.example.org',
          },
          body: JSON.stringify(message('hello', { serviceUrl: SERVICE_URL, scope: 'personal' })),
        });
        await reply.arrayBuffer();
        expect({ label, status: reply.status }).toEqual({ label, status: 401 });
      }
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
      await auth.close();
    }

    const { stdout, stderr } = proc.output();
    expect(stderr).toBe('');
    const lines = stdout.split('\n').filter(Boolean);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({
        level: expect.any(Number),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
    // The connector did try to print (so this test can fail), and only the method was kept.
    const withheld = lines.filter((l) => l.includes('library console output withheld'));
    expect(withheld.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/Available keys|kid-|\n?\s+at \w|jwt expired|invalid signature|-----BEGIN/i);
  }, 90_000);
});
