/**
 * Bot turn latency and throughput through HTTP: a Teams message POSTed to /api/messages, answered through
 * a fake Bot Connector (the endpoint returns once the reply has been delivered, so a turn includes it).
 * The baseline is a bare botbuilder echo bot on the same restify + CloudAdapter, measured in the same run.
 * Goal: the bot's turn latency within 1.2× the echo bot's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { buildApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { createLogger } from '../bot/src/logger.js';
import { fmt, latencyStats, printComparison, throughput, timeIt } from './lib/stats.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 600);
const WARMUP = 100;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const CONCURRENCY = 8;
const GOAL = 1.2;

async function fakeConnector(): Promise<{ serviceUrl: string; close(): Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"r${++n}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function echoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer({ name: '' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let seq = 0;
function activity(serviceUrl: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `a${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'a:personal-bench', conversationType: 'personal', tenantId: 'tenant' },
    from: { id: '29:user', aadObjectId: 'aad-user' },
    recipient: { id: '28:bot', name: 'HSB Assistant' },
    text,
    entities: [],
  });
}

async function turn(url: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hsb-bench-bot-'));
  const connector = await fakeConnector();
  const app = buildApp(
    loadConfig({
      APP_MODE: 'local',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      REVIEW_DIGEST_HOUR: 'off',
    }),
    createLogger('silent'),
  );
  const { url } = await app.listen();
  const echo = await echoBot();
  for (let i = 0; i < 5; i++) {
    await fetch(`${url}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        learner: { name: 'Bench Learner' },
        review: { nextDue: new Date().toISOString().slice(0, 10) },
      }),
    });
  }

  /**
   * The two bots take turns, one turn each, so that whatever else the machine is doing slows both alike;
   * throughput alternates short windows for the same reason.
   */
  const compare = async (text: string) => {
    const subject = () => turn(url, activity(connector.serviceUrl, text));
    const base = () => turn(echo.url, activity(connector.serviceUrl, 'hello'));
    for (let i = 0; i < WARMUP; i++) {
      await subject();
      await base();
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      if (i % 2 === 0) {
        a.push(await timeIt(subject));
        b.push(await timeIt(base));
      } else {
        b.push(await timeIt(base));
        a.push(await timeIt(subject));
      }
    }
    const windows = 6;
    let aRate = 0;
    let bRate = 0;
    for (let w = 0; w < windows; w++) {
      aRate += await throughput(DURATION_MS / windows, CONCURRENCY, subject);
      bRate += await throughput(DURATION_MS / windows, CONCURRENCY, base);
    }
    return {
      subject: { latency: latencyStats(a), perSecond: aRate / windows },
      baseline: { latency: latencyStats(b), perSecond: bRate / windows },
    };
  };

  try {
    const results: { command: string; ratio: number }[] = [];
    const commands = process.env.BENCH_COMMANDS?.split('|') ?? [
      'help',
      'ask what counts as harmful sexual behaviour?',
      'reviews',
    ];
    // Warm every path of both servers first, so that the first series measured does not pay for the JIT.
    for (let i = 0; i < WARMUP * 3; i++) {
      for (const command of commands) await turn(url, activity(connector.serviceUrl, command));
      await turn(echo.url, activity(connector.serviceUrl, 'hello'));
    }
    for (const command of commands) {
      const name = command.split(' ')[0]!;
      const { subject, baseline } = await compare(command);
      printComparison(
        `Bot turn "${name}" through /api/messages and a fake Bot Connector (${ITERATIONS} turns each, interleaved; throughput with ${CONCURRENCY} concurrent clients, ${DURATION_MS} ms each)`,
        { name: `HSB bot: ${name}`, ...subject },
        { name: 'echo bot (restify + CloudAdapter)', ...baseline },
      );
      results.push({ command: name, ratio: subject.latency.p50 / baseline.latency.p50 });
    }
    // `help` is the bot's own overhead (routing, card, logging); `ask` and `reviews` add the work they
    // exist for (the content library's search; an SQLite read), which the echo bot does not do.
    for (const r of results) {
      const verdict = r.ratio <= GOAL ? 'within' : 'over';
      console.log(`  ${r.command.padEnd(8)} p50 ${fmt(r.ratio)}× the echo bot: ${verdict} the ${GOAL}× goal`);
    }
  } finally {
    await echo.close();
    await app.close();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
