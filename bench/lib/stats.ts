/** Small helpers shared by the benchmarks: percentiles, timing and a printed comparison table. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
}

export function latencyStats(samplesMs: readonly number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` sequentially `n` times after `warmup` untimed runs; returns per-call milliseconds. */
export async function sequentialSamples(
  n: number,
  warmup: number,
  fn: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timeIt(fn));
  return out;
}

/** Calls `fn` from `concurrency` loops for `durationMs`; returns completed calls per second. */
export async function throughput(
  durationMs: number,
  concurrency: number,
  fn: () => Promise<unknown>,
): Promise<number> {
  const end = Date.now() + durationMs;
  let done = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        await fn();
        done++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return done / seconds;
}

export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

export function printComparison(
  title: string,
  subject: { name: string; latency: LatencyStats; perSecond: number },
  baseline: { name: string; latency: LatencyStats; perSecond: number },
): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'series'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'ops/s'.padStart(9)}`,
  );
  for (const s of [subject, baseline]) {
    console.log(
      `  ${s.name.padEnd(34)} ${fmt(s.latency.p50).padStart(8)} ${fmt(s.latency.p99).padStart(8)} ${fmt(s.perSecond, 0).padStart(9)}`,
    );
  }
  console.log(
    `  ratio (${subject.name} / ${baseline.name}): p50 ${fmt(subject.latency.p50 / baseline.latency.p50)}×, ` +
      `p99 ${fmt(subject.latency.p99 / baseline.latency.p99)}×, throughput ${fmt(subject.perSecond / baseline.perSecond)}×`,
  );
}
