/**
 * What `synchronous = FULL` costs: saves per second into the SQLite store (WAL mode, the audit row
 * included) with FULL, the setting the server uses so that an acknowledged save survives a power cut,
 * against NORMAL, the setting it replaced, in the same run on the same disk. Each save is one commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssessmentSchema, normaliseContent, type AssessmentData } from '../core/index.js';
import { SqliteAssessmentStore } from '../storage/sqlite/index.js';
import { latencyStats, printComparison, sequentialSamples, throughput } from './lib/stats.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 600);
const WARMUP = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const CONCURRENCY = 8;

function record(): AssessmentData {
  const input = createAssessmentSchema.parse({
    learner: { name: 'Bench Learner', yearGroup: 'Year 9' },
    risks: [
      {
        context: 'corridors',
        description: 'Unsupervised movement between lessons.',
        likelihood: 2,
        impact: 3,
        strategies: [{ action: 'Staggered lesson changeover with an adult escort.', owner: 'Head of Year' }],
      },
    ],
  });
  return { ...normaliseContent(input, 'draft'), kind: 'risk-assessment', reviews: [] };
}

async function measure(synchronous: 'FULL' | 'NORMAL', dir: string) {
  const store = new SqliteAssessmentStore({ file: join(dir, synchronous, 'hsb.sqlite'), synchronous });
  const repository = store.forSchool('bench-school');
  const data = record();
  const save = () =>
    repository.create(data, {
      actor: { id: 'bench/user', kind: 'user' },
      at: new Date(),
      action: 'create',
      fields: ['learner.name'],
    });
  try {
    const latency = latencyStats(await sequentialSamples(ITERATIONS, WARMUP, save));
    const perSecond = await throughput(DURATION_MS, CONCURRENCY, save);
    return { name: `synchronous = ${synchronous}`, latency, perSecond };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hsb-bench-sync-'));
  try {
    // Separate files, so neither run writes into the other's log.
    const normal = await measure('NORMAL', dir);
    const full = await measure('FULL', join(dir, 'second'));
    printComparison(
      `SQLite saves (${ITERATIONS} sequential; throughput with ${CONCURRENCY} concurrent callers for ${DURATION_MS} ms), data in ${tmpdir()}`,
      full,
      normal,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
