/**
 * The tab's two budgets (issue 7): initial JavaScript at most 200 KB gzip, and the assessment form
 * ready (first field on screen) within 1 s in headless Chromium. Each is printed against its budget
 * and against a baseline measured in the same run: a bare HTML page from a plain Node server for the
 * render time, and every lazily loaded chunk for the size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../bot/src/app.js';
import { loadConfig } from '../bot/src/config.js';
import { createLogger } from '../bot/src/logger.js';
import { fmt, latencyStats, type LatencyStats } from './lib/stats.js';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist', 'tab');
const JS_BUDGET_BYTES = 200 * 1024;
const READY_BUDGET_MS = 1000;
const RUNS = Number(process.env.BENCH_TAB_RUNS ?? 15);

function ensureBuilt(): void {
  const script = `
    import { steps, isStale } from './scripts/build-steps.mjs';
    const tab = steps.find((s) => s.output.includes('dist/tab'));
    if (isStale(tab)) tab.run();
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the tab failed.');
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** The scripts index.html loads at once: its entry module and every module it preloads. */
function sizes() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/tab\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const all = spawnSync('find', ['assets', '-name', '*.js'], { cwd: DIST, encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
  const initialBytes = initial.reduce((sum, f) => sum + gz(f), 0);
  const lazy = all.filter((f) => !initial.includes(f));
  const lazyBytes = lazy.reduce((sum, f) => sum + gz(f), 0);
  return { initial, initialBytes, lazyCount: lazy.length, lazyBytes };
}

async function timeToSelector(browser: Browser, url: string, selector: string): Promise<number> {
  // A fresh context per run: an empty cache, as on a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible' });
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

function row(name: string, s: LatencyStats): string {
  return `  ${name.padEnd(44)} ${fmt(s.p50).padStart(8)} ${fmt(s.p99).padStart(8)} ${fmt(s.mean).padStart(8)}`;
}

async function main(): Promise<void> {
  ensureBuilt();
  const size = sizes();
  console.log('\nTab initial JavaScript (gzip -9)');
  console.log(`  loaded at start: ${size.initial.length} files, ${fmt(size.initialBytes / 1024, 1)} KB`);
  console.log(`  loaded on demand: ${size.lazyCount} files, ${fmt(size.lazyBytes / 1024, 1)} KB`);
  console.log(
    `  ratio to the 200 KB budget: ${fmt(size.initialBytes / JS_BUDGET_BYTES)}× ` +
      `(initial / everything: ${fmt(size.initialBytes / (size.initialBytes + size.lazyBytes))})`,
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'hsb-bench-tab-'));
  const app = buildApp(
    loadConfig({ APP_MODE: 'local', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
  const { url } = await app.listen();
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>bare</title><p id="ready">ready</p>');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const barePort = (bare.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });

  try {
    const created = await fetch(`${url}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        learner: { name: 'Bench Learner', yearGroup: 'Year 9' },
        risks: ['classroom', 'corridors', 'online'].map((context) => ({
          context,
          description: 'A realistic risk description for the bench.',
          likelihood: 2,
          impact: 3,
          strategies: [{ action: 'A strategy with an owner.', owner: 'Head of Year', inPlace: true }],
        })),
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const formUrl = `${url}/tab/#/assessments/${id}`;
    const form = '[data-path="learner.name"]';

    // Warm up the browser process and the server once, outside the measurement.
    await timeToSelector(browser, formUrl, form);
    await timeToSelector(browser, `http://127.0.0.1:${barePort}/`, '#ready');

    const formTimes: number[] = [];
    const dashboardTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      formTimes.push(await timeToSelector(browser, formUrl, form));
      dashboardTimes.push(await timeToSelector(browser, `${url}/tab/`, 'table[aria-label="Cases"]'));
      bareTimes.push(await timeToSelector(browser, `http://127.0.0.1:${barePort}/`, '#ready'));
    }
    const formStats = latencyStats(formTimes);
    const dashboardStats = latencyStats(dashboardTimes);
    const bareStats = latencyStats(bareTimes);
    console.log(`\nTime to first render, cold cache, headless Chromium (${RUNS} runs each)`);
    console.log(
      `  ${'series'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)}`,
    );
    console.log(row('assessment form (first field visible)', formStats));
    console.log(row('dashboard (cases list visible)', dashboardStats));
    console.log(row('bare HTML page, plain Node server', bareStats));
    console.log(
      `  ratio to the 1 s budget: form p50 ${fmt(formStats.p50 / READY_BUDGET_MS)}×, p99 ${fmt(formStats.p99 / READY_BUDGET_MS)}×; ` +
        `form / bare page p50 ${fmt(formStats.p50 / bareStats.p50)}×`,
    );
  } finally {
    await browser.close();
    await new Promise((resolve) => bare.close(resolve));
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
