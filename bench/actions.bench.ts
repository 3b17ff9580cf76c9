/**
 * "My actions" and the digest's overdue count on SQLite, for a large school: 2,000 open plans with four
 * strategies each, one plan in ten holding an action of the person asking. The text scan of the JSON
 * column (`openPlansWithActions`) against reading every open plan one by one, as a backend without
 * the scan does, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionsService, type AssessmentRepository } from '../core/index.js';
import { SqliteAssessmentStore } from '../storage/sqlite/index.js';
import { assessmentData, changeContext } from '../tests/helpers/assessment-data.js';
import { fixedClock } from '../tests/helpers/test-server.js';
import { fmt, latencyStats, printComparison, sequentialSamples } from './lib/stats.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 2_000);
const SAMPLES = Number(process.env.BENCH_ITERATIONS ?? 20);
const ME = '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c';
const OTHERS = ['7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hsb-bench-actions-'));
  const store = new SqliteAssessmentStore({ file: join(dir, 'bench.sqlite'), synchronous: 'NORMAL' });
  try {
    const repository = store.forSchool('bench');
    const seeded = Date.now();
    for (let i = 0; i < PLANS; i++) {
      const strategies = Array.from({ length: 4 }, (_, s) => ({
        action: `Strategy ${s + 1}: a key adult meets them at the gate every morning.`,
        owner: 'Member of staff',
        ...(s === 0 ? { ownerId: i % 10 === 0 ? ME : OTHERS[i % 2]!, due: '2026-03-01' } : {}),
      }));
      await repository.create(
        assessmentData({
          risks: [
            {
              context: 'break-lunch',
              description: 'Unsupervised time',
              likelihood: 2,
              impact: 2,
              strategies,
            },
          ],
        }),
        changeContext(),
      );
    }
    const seedSeconds = (Date.now() - seeded) / 1000;
    const clock = fixedClock('2026-03-10T10:00:00Z');
    const scanning = new ActionsService({ repository, clock });
    const plain: AssessmentRepository = {
      create: (...a) => repository.create(...a),
      get: (id) => repository.get(id),
      replace: (...a) => repository.replace(...a),
      list: (q) => repository.list(q),
      history: (id) => repository.history(id),
      recordAccess: (...a) => repository.recordAccess(...a),
    };
    const reading = new ActionsService({ repository: plain, clock });
    const perSecond = (ms: number) => 1000 / ms;
    const mine = latencyStats(await sequentialSamples(SAMPLES, 2, () => scanning.mine(ME)));
    const mineRead = latencyStats(await sequentialSamples(SAMPLES, 2, () => reading.mine(ME)));
    const count = latencyStats(await sequentialSamples(SAMPLES, 2, () => scanning.overdueCount()));
    const countRead = latencyStats(await sequentialSamples(SAMPLES, 2, () => reading.overdueCount()));
    console.log(
      `\nSQLite (file, WAL): ${PLANS} open plans, 4 strategies each, 1 in 10 with an action of the caller ` +
        `(seeded in ${fmt(seedSeconds, 1)} s); ${(await scanning.mine(ME)).items.length} actions listed`,
    );
    printComparison(
      'My actions: JSON text scan against reading every open plan',
      { name: 'mine(), scan', latency: mine, perSecond: perSecond(mine.mean) },
      { name: 'mine(), plan by plan', latency: mineRead, perSecond: perSecond(mineRead.mean) },
    );
    printComparison(
      'Digest overdue count: JSON text scan against reading every open plan',
      { name: 'overdueCount(), scan', latency: count, perSecond: perSecond(count.mean) },
      { name: 'overdueCount(), plan by plan', latency: countRead, perSecond: perSecond(countRead.mean) },
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
