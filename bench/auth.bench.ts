/**
 * What sign-in costs per request: reading one assessment through the real server in Microsoft 365
 * mode (Entra token checked with jose on every call, team membership from the per-user cache) against
 * the same read in local mode (no sign-in), in the same run, same SQLite store, same record.
 */
import { buildApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { createLogger } from '../bot/src/logger.js';
import { createAssessmentStore } from '../storage/index.js';
import { startM365App, TEAM_A, TENANT, userId } from '../tests/helpers/m365-app.js';
import { latencyStats, printComparison, sequentialSamples, throughput } from './lib/stats.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1500);
const WARMUP = 200;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const CONCURRENCY = 8;
const ROUNDS = 5;
const body = JSON.stringify({ learner: { name: 'Bench Learner', yearGroup: 'Year 9' } });

async function read(base: string, path: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(base + path, { headers });
  if (res.status !== 200) throw new Error(`read answered ${res.status}`);
  await res.arrayBuffer();
}

async function main(): Promise<void> {
  const local = buildApp(
    loadConfig({ APP_MODE: 'local', PORT: '0', LOG_LEVEL: 'silent' }),
    createLogger('silent'),
    {
      store: createAssessmentStore({ kind: 'sqlite-memory' }),
    },
  );
  const { url: localUrl } = await local.listen();
  const m365 = await startM365App({ logLevel: 'silent' });
  m365.directory.addMember(TENANT, userId(1), TEAM_A);
  const auth = { authorization: `Bearer ${await m365.token(userId(1))}` };

  const create = async (base: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return `/api/assessments/${((await res.json()) as { id: string }).id}`;
  };
  const localPath = await create(localUrl, {});
  const m365Path = await create(m365.url, auth);

  const signedInRead = () => read(m365.url, m365Path, auth);
  const openRead = () => read(localUrl, localPath, {});
  try {
    // Rounds alternate between the two servers so that load from elsewhere on the machine hits both alike.
    const signedInSamples: number[] = [];
    const openSamples: number[] = [];
    let signedInRate = 0;
    let openRate = 0;
    for (let round = 0; round < ROUNDS; round++) {
      signedInSamples.push(...(await sequentialSamples(ITERATIONS / ROUNDS, WARMUP / ROUNDS, signedInRead)));
      openSamples.push(...(await sequentialSamples(ITERATIONS / ROUNDS, WARMUP / ROUNDS, openRead)));
      signedInRate += (await throughput(DURATION_MS / ROUNDS, CONCURRENCY, signedInRead)) / ROUNDS;
      openRate += (await throughput(DURATION_MS / ROUNDS, CONCURRENCY, openRead)) / ROUNDS;
    }
    const signedIn = latencyStats(signedInSamples);
    const open = latencyStats(openSamples);
    printComparison(
      `GET /api/assessments/:id (${ITERATIONS} sequential reads, each audited; throughput with ${CONCURRENCY} clients for ${DURATION_MS} ms)`,
      { name: 'Microsoft 365 mode (Entra token)', latency: signedIn, perSecond: signedInRate },
      { name: 'local mode (no sign-in)', latency: open, perSecond: openRate },
    );
    console.log(
      `  Entra token exchanges: ${m365.entra.requests.obo}, membership checks: ${m365.directory.requests.length}`,
    );
  } finally {
    await local.close();
    await m365.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
