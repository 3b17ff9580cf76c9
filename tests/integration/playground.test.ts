import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { projectRoot } from '../../bot/src/paths.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// ws comes with botbuilder (botframework-streaming); Node 20's own WebSocket is behind a flag.
const WebSocket = require('ws') as typeof import('ws');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * End to end through the Microsoft 365 Agents Playground, as `npm run playground` runs it (same CLI, same
 * .m365agentsplayground.yml): messages go in through its conversation API, and the bot's replies come
 * back on its conversation stream.
 */
describe('the bot in the Agents Playground', () => {
  let server: TestServer;
  let playground: ChildProcess;
  let base: string;
  let socket: InstanceType<typeof WebSocket>;
  const messages: any[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const port = await freePort();
    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
    playground = spawn(
      process.execPath,
      [cli, '-e', `${server.url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
      { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const listening = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the playground did not start')), 30_000);
      playground.once('exit', (code) => reject(new Error(`the playground exited with ${code}`)));
      playground.stdout!.on('data', (chunk: Buffer) => {
        const m = /Listening on (\d+)/.exec(chunk.toString());
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    base = `http://127.0.0.1:${listening}`;
    socket = new WebSocket(`ws://127.0.0.1:${listening}/_ws_conversation/v1/conversations/stream`);
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString());
      if (event.action === 'createMessage') messages.push(event);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    if (playground && playground.exitCode === null) {
      await new Promise((resolve) => {
        playground.once('exit', resolve);
        playground.kill('SIGTERM');
      });
    }
    await server?.close();
  });

  async function say(conversationId: string, body: Record<string, unknown>): Promise<any> {
    const before = messages.length;
    const res = await fetch(`${base}/_conversation/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'user-id-0' }, textFormat: 'plain', ...body }),
    });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const reply = messages
        .slice(before)
        .find((m) => m.message.from.id !== 'user-id-0' && m.message.attachments);
      if (reply) return reply.message;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no reply from the bot');
  }

  it('answers in the 1:1 chat and when @mentioned in the safeguarding team’s channel', async () => {
    const config = ((await (await fetch(`${base}/_internal/v1/config`)).json()) as { config: any }).config;
    expect(config.bot.name).toBe('HSB Assistant');
    expect(config.teams[0].name).toBe('Safeguarding team');

    const personal = await say(config.personalChat.id, { text: 'help' });
    expect(personal.attachments[0].content.body[0].text).toBe('What I can do');

    const mention = `<at>${config.bot.name}</at>`;
    const channel = await say(config.teams[0].id, {
      text: `${mention} new assessment`,
      mentions: [{ mentioned: { id: config.bot.id }, text: mention }],
    });
    expect(channel.attachments[0].content.body[0].text).toMatch(
      /^Draft risk assessment started in case HSB-2026-\d{4}$/,
    );
    expect(JSON.stringify(channel)).toMatch(/HSB-\d{4}-0001/);
  }, 60_000);
});
