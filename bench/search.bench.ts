/**
 * FAQ search latency over 1 000 realistic queries (the evaluation questions, and the same questions
 * part-typed, as someone sees results while typing), against a naive substring scan over the same
 * entries in the same run. Goal: p99 < 2 ms per query.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadContentLibrary } from '../bot/src/content/load-content.js';
import { markdownToPlainText, searchClauses, searchFaq, type ContentLibrary } from '../core/index.js';
import { fmt, latencyStats, type LatencyStats } from './lib/stats.js';

const root = join(__dirname, '..');
const QUERIES = 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function realisticQueries(): string[] {
  const evalSet = JSON.parse(readFileSync(join(root, 'tests', 'content', 'faq-eval.json'), 'utf8')) as {
    q: string;
  }[];
  const out: string[] = [];
  for (const { q } of evalSet) {
    out.push(q);
    const words = q.split(/\s+/);
    // As typed: the first 3, 5, 8 words, the last one unfinished.
    for (const n of [3, 5, 8]) {
      if (words.length <= n) continue;
      const partial = words.slice(0, n);
      const last = partial[n - 1]!;
      partial[n - 1] = last.slice(0, Math.max(2, Math.ceil(last.length / 2)));
      out.push(partial.join(' '));
    }
  }
  const queries: string[] = [];
  for (let i = 0; queries.length < QUERIES; i++) queries.push(out[i % out.length]!);
  return queries;
}

/** The baseline: lower-case every entry once, then count query words found as substrings. */
function naiveFaqSearch(library: ContentLibrary) {
  const docs = library.faq.map((e) => ({
    entry: e,
    text: `${e.question} ${e.tags.join(' ')} ${markdownToPlainText(e.answer)}`.toLowerCase(),
  }));
  return (q: string, top = 5) => {
    const words = q
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3);
    return docs
      .map((d) => ({ entry: d.entry, score: words.reduce((s, w) => s + (d.text.includes(w) ? 1 : 0), 0) }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, top);
  };
}

function measure(queries: readonly string[], fn: (q: string) => unknown): LatencyStats {
  for (const q of queries.slice(0, 200)) fn(q);
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      fn(q);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return latencyStats(samples);
}

function main(): void {
  const loadStart = process.hrtime.bigint();
  const library = loadContentLibrary(join(root, 'content'));
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const queries = realisticQueries();
  const naive = naiveFaqSearch(library);

  const faq = measure(queries, (q) => searchFaq(library, q, { top: 5 }));
  const clauses = measure(queries, (q) => searchClauses(library, q, { top: 5 }));
  const baseline = measure(queries, (q) => naive(q, 5));

  console.log(
    `\nFAQ search over ${queries.length} realistic queries × ${ROUNDS} rounds ` +
      `(${library.faq.length} FAQ entries, ${library.policy.length + library.referral.length} clauses; ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} on this machine)`,
  );
  console.log(`  content load + validation + index build: ${fmt(loadMs, 0)} ms (once, at start-up)`);
  console.log(
    `  ${'series'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)}`,
  );
  for (const [name, s] of [
    ['searchFaq (minisearch, synonyms, fuzzy)', faq],
    ['searchClauses (same index design)', clauses],
    ['naive substring scan (baseline)', baseline],
  ] as const) {
    console.log(
      `  ${name.padEnd(40)} ${fmt(s.p50, 3).padStart(8)} ${fmt(s.p99, 3).padStart(8)} ${fmt(s.mean, 3).padStart(8)}`,
    );
  }
  console.log(
    `  ratio (searchFaq / naive scan): p50 ${fmt(faq.p50 / baseline.p50)}×, p99 ${fmt(faq.p99 / baseline.p99)}×`,
  );
  console.log(`  goal p99 < 2 ms: ${faq.p99 < 2 ? 'met' : 'NOT met'} (p99 ${fmt(faq.p99, 3)} ms)`);
}

main();
