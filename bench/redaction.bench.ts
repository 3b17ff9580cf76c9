/**
 * Redaction on the largest record the schema allows (50 other children with long names, 40 risks of
 * 50 strategies, names typed in several Unicode forms): the meeting stage and the parents' document,
 * each as a ratio to a small record, in the same run. Once in-process (the rendering alone, target
 * under 100 ms) and once through the real server (SQLite, audit, .docx), while /healthz is timed
 * alongside to show whether the server keeps answering. The report that prompted this measured 13.4 s for
 * the stage and 11.8 s for the parents' document, with /healthz waiting the whole time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { createLogger } from '../bot/src/logger.js';
import { contentLabels, assessmentDocument, stageSourceOfPlan, stageView } from '../core/index.js';
import {
  maxSizeAssessmentBody,
  smallAssessmentBody,
  storedAssessment,
} from '../tests/helpers/max-size-assessment.js';
import { fmt, latencyStats, sequentialSamples, timeIt, type LatencyStats } from './lib/stats.js';
import { realContent } from '../tests/helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

const CORE_ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);
const HTTP_ITERATIONS = Math.max(5, Math.round(CORE_ITERATIONS / 3));
const LOAD_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const TARGET_MS = 100;

function row(name: string, big: LatencyStats, small: LatencyStats): void {
  const verdict = big.p50 < TARGET_MS ? 'within' : 'OVER';
  console.log(
    `  ${name.padEnd(34)} ${fmt(big.p50).padStart(8)} ${fmt(big.p99).padStart(8)} ${fmt(small.p50).padStart(9)} ` +
      `${fmt(big.p50 / small.p50, 1).padStart(7)}×  ${verdict} ${TARGET_MS} ms`,
  );
}

function header(title: string): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'series'.padEnd(34)} ${'max p50'.padStart(8)} ${'max p99'.padStart(8)} ${'small p50'.padStart(9)} ${'ratio'.padStart(8)}`,
  );
}

async function get(url: string): Promise<void> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  await res.arrayBuffer();
}

async function main(): Promise<void> {
  const maxBody = maxSizeAssessmentBody();
  const smallBody = smallAssessmentBody();
  console.log(
    `Maximum-size record: ${Math.round(Buffer.byteLength(JSON.stringify(maxBody)) / 1024)} KB of JSON`,
  );

  const big = storedAssessment(maxBody);
  const small = storedAssessment(smallBody);
  const sync = (fn: () => unknown) => async () => fn();
  const generatedOn = { generatedOn: '2026-03-10', labels };
  header(`In-process rendering (${CORE_ITERATIONS} sequential runs each)`);
  row(
    'stage view',
    latencyStats(
      await sequentialSamples(
        CORE_ITERATIONS,
        5,
        sync(() => stageView(stageSourceOfPlan(big))),
      ),
    ),
    latencyStats(
      await sequentialSamples(
        CORE_ITERATIONS,
        5,
        sync(() => stageView(stageSourceOfPlan(small))),
      ),
    ),
  );
  row(
    "parents' document (as data)",
    latencyStats(
      await sequentialSamples(
        CORE_ITERATIONS,
        5,
        sync(() => assessmentDocument(big, 'parents', generatedOn)),
      ),
    ),
    latencyStats(
      await sequentialSamples(
        CORE_ITERATIONS,
        5,
        sync(() => assessmentDocument(small, 'parents', generatedOn)),
      ),
    ),
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'hsb-bench-'));
  const app = buildApp(
    loadConfig({ APP_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  const { url } = await app.listen();
  try {
    const create = async (body: unknown): Promise<string> => {
      const res = await fetch(`${url}/api/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    const bigId = await create(maxBody);
    const smallId = await create(smallBody);
    const stage = (id: string) => () => get(`${url}/api/assessments/${id}/stage`);
    const parents = (id: string) => () => get(`${url}/api/assessments/${id}/document?audience=parents`);

    header(`Through the server (stage: ${HTTP_ITERATIONS} sequential requests; document: 5)`);
    row(
      'GET …/stage',
      latencyStats(await sequentialSamples(HTTP_ITERATIONS, 3, stage(bigId))),
      latencyStats(await sequentialSamples(HTTP_ITERATIONS, 3, stage(smallId))),
    );
    // The .docx is laid out by the docx library; its cost is printed apart from redaction's.
    row(
      'GET …/document?audience=parents',
      latencyStats(await sequentialSamples(5, 1, parents(bigId))),
      latencyStats(await sequentialSamples(5, 1, parents(smallId))),
    );

    // /healthz on an idle server, then while a client fetches the big stage, then the big document, non-stop.
    const health = () => get(`${url}/healthz`);
    const idle = latencyStats(await sequentialSamples(50, 5, health));
    console.log(`\n/healthz while a client fetches the maximum-size record non-stop (${LOAD_MS} ms each)`);
    console.log(
      `  ${'series'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'n'.padStart(6)} ${'served'.padStart(7)}`,
    );
    console.log(`  ${'idle'.padEnd(34)} ${fmt(idle.p50).padStart(8)} ${fmt(idle.p99).padStart(8)}`);
    for (const [name, fn] of [
      ['during GET …/stage', stage(bigId)],
      ['during GET …/document (parents)', parents(bigId)],
    ] as const) {
      const end = Date.now() + LOAD_MS;
      const load = (async () => {
        let n = 0;
        while (Date.now() < end) {
          await fn();
          n++;
        }
        return n;
      })();
      const samples: number[] = [];
      while (Date.now() < end) {
        samples.push(await timeIt(health));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const served = await load;
      const busy = latencyStats(samples);
      console.log(
        `  ${name.padEnd(34)} ${fmt(busy.p50).padStart(8)} ${fmt(busy.p99).padStart(8)} ${fmt(Math.max(...samples)).padStart(8)} ${String(busy.n).padStart(6)} ${String(served).padStart(7)}`,
      );
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
