/**
 * Assessment create + read through the real server (SQLite in WAL mode, validation, audit) against a
 * bare restify route that returns the same JSON, in the same run. The ratio is the baseline later work
 * must not regress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { buildApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { createLogger } from '../bot/src/logger.js';
import { latencyStats, printComparison, sequentialSamples, throughput } from './lib/stats.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 600);
const WARMUP = 100;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const CONCURRENCY = 8;

const body = JSON.stringify({
  learner: { name: 'Bench Learner', yearGroup: 'Year 9' },
  risks: [
    {
      context: 'corridors',
      description: 'Unsupervised movement between lessons.',
      likelihood: 2,
      impact: 3,
      strategies: [
        { action: 'Staggered lesson changeover with an adult escort.', owner: 'Head of Year', inPlace: true },
      ],
    },
  ],
});

async function createAndRead(base: string, collection: string): Promise<void> {
  const created = await fetch(`${base}${collection}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}`);
  const location = created.headers.get('location')!;
  await created.arrayBuffer();
  const read = await fetch(`${base}${location}`);
  if (read.status !== 200) throw new Error(`read answered ${read.status}`);
  await read.arrayBuffer();
}

async function bareServer(record: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server = restify.createServer({ name: '' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));
  server.post('/bare', (_req, res, next) => {
    res.header('Location', '/bare/1');
    res.header('ETag', '"v1"');
    res.send(201, record);
    next();
  });
  server.get('/bare/:id', (_req, res, next) => {
    res.header('ETag', '"v1"');
    res.send(200, record);
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hsb-bench-'));
  const config = loadConfig({ APP_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = buildApp(config, createLogger('silent'));
  const { url } = await app.listen();

  const sample = await fetch(`${url}/api/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const bare = await bareServer(await sample.json());

  try {
    const appLatency = latencyStats(
      await sequentialSamples(ITERATIONS, WARMUP, () => createAndRead(url, '/api/assessments')),
    );
    const bareLatency = latencyStats(
      await sequentialSamples(ITERATIONS, WARMUP, () => createAndRead(bare.url, '/bare')),
    );
    const appRate = await throughput(DURATION_MS, CONCURRENCY, () => createAndRead(url, '/api/assessments'));
    const bareRate = await throughput(DURATION_MS, CONCURRENCY, () => createAndRead(bare.url, '/bare'));
    printComparison(
      `Assessment create + read over HTTP (${ITERATIONS} sequential cycles; throughput with ${CONCURRENCY} concurrent clients for ${DURATION_MS} ms)`,
      { name: 'API (SQLite, validation, audit)', latency: appLatency, perSecond: appRate },
      { name: 'bare restify, same JSON', latency: bareLatency, perSecond: bareRate },
    );
  } finally {
    await bare.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
