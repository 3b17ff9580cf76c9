import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { LOCAL_SCHOOL_ID } from '../../../bot/src/http/authenticator.js';
import type { AssessmentStore } from '../../../core/index.js';
import {
  createGraphClient,
  provisionSharePoint,
  SharePointAssessmentStore,
} from '../../../storage/sharepoint/index.js';
import { GraphFake } from '../../fakes/graph/index.js';
import { fastRetry } from '../../helpers/sharepoint-fake-store.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const root = join(__dirname, '..', '..', '..');

/**
 * Builds the tab if its sources are newer than dist/tab (the same staleness rule as `npm start`), so
 * `npm run test:browser` works from a fresh clone; CI builds first anyway (.ci/run).
 */
export function ensureTabBuilt(): void {
  const script = `
    import { steps, isStale } from './scripts/build-steps.mjs';
    const tab = steps.find((s) => s.output.includes('dist/tab'));
    if (isStale(tab)) tab.run();
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the tab failed.');
}

/**
 * Debian's Chromium (apt-get install chromium), headless, with a fresh profile and nothing phoning home;
 * British English in London unless a test needs a browser set otherwise.
 */
export async function launchChromium(
  options: { locale?: string; timezoneId?: string } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'hsb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
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
    viewport: { width: 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/London',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TabHarness {
  server: TestServer;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The backend the browser tests run on: SQLite by default; `HSB_TEST_BACKEND=sharepoint` (set by the
 * `sharepoint` project of jest.browser.config.js) puts the same product on SharePoint through the
 * local Graph fake, with a provisioned team site for the local school.
 */
async function testBackend(): Promise<{ store?: AssessmentStore; close: () => Promise<void> }> {
  if (process.env.HSB_TEST_BACKEND !== 'sharepoint') return { close: async () => undefined };
  const fake = await GraphFake.start();
  const siteId = fake.addGroupSite(LOCAL_SCHOOL_ID);
  const admin = createGraphClient({
    baseUrl: fake.baseUrl,
    getAccessToken: async () => 'admin-token',
    product: 'hsb-browser-tests/1',
    retry: fastRetry,
  });
  await provisionSharePoint(admin, { siteId, baseUrl: fake.baseUrl, dryRun: false });
  const store = new SharePointAssessmentStore({
    graphBaseUrl: fake.baseUrl,
    getAccessToken: async () => 'app-token',
    product: 'hsb-browser-tests/1',
    retry: fastRetry,
  });
  return { store, close: () => fake.close() };
}

export async function startTabHarness(): Promise<TabHarness> {
  ensureTabBuilt();
  const backend = await testBackend();
  const server = await startTestServer(backend.store ? { store: backend.store } : {});
  const browser = await launchChromium();
  return {
    server,
    context: browser.context,
    close: async () => {
      await browser.close();
      await server.close();
      await backend.close();
    },
  };
}

/** A page that records script errors and CSP refusals, and every API response body it received. */
export async function openPage(
  harness: TabHarness,
  path: string,
): Promise<{ page: Page; errors: string[]; bodies: string[] }> {
  const page = await harness.context.newPage();
  const errors: string[] = [];
  const bodies: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The tab must run under its own Content-Security-Policy (identity's security headers): a refusal is a bug.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('response', (response) => {
    if (response.url().includes('/api/'))
      response.text().then(
        (t) => bodies.push(t),
        () => undefined,
      );
  });
  await page.goto(`${harness.server.url}${path}`);
  return { page, errors, bodies };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core in the page; returns the serious and critical violations (the bar). One known false
 * positive is set aside, node by node, exactly as Microsoft's Accessibility Insights does
 * (microsoft/accessibility-insights-web#7605): Fluent UI's Tabster places focusable `aria-hidden`
 * "dummy" elements (`data-tabster-dummy`) that pass focus straight on and must stay hidden from screen
 * readers. Every other node of that rule still counts.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the tab's Content-Security-Policy (script-src 'self')
  // rightly refuses an injected <script>, and the test must run under the real policy.
  // Colours are checked at rest: no pointer over a control and no transition half-way (a dialog
  // fading in, a button just enabled), which would blend colours and fail contrast by chance.
  await page.mouse.move(0, 0);
  for (let i = 0; i < 50; i++) {
    const settled = await page.evaluate(
      "document.getAnimations().every((a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)",
    );
    if (settled) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes
            .filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')))
            .map((n) => n.target.join(' ')),
        }))
        .filter((v) => v.nodes.length > 0),
    )
  `)) as AxeViolation[];
  return violations;
}

/** Presses Tab until `target` has focus (a keyboard user's path); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Could not reach ${target.toString()} with ${key}.`);
}

/**
 * What covers the focused element, if anything: a bar stuck to the top of the page (the editor's save
 * bar) must never hide what has focus (WCAG 2.2, 2.4.11). Null when nothing covers it.
 */
export async function focusCoveredBySticky(page: Page): Promise<string | null> {
  // Two frames first: when the bar grows after a key press (its status wraps), the page moves the
  // focused control clear of it on the next frame.
  return page.evaluate(`(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    for (const bar of document.querySelectorAll('*')) {
      const style = getComputedStyle(bar);
      if (style.position !== 'sticky' && style.position !== 'fixed') continue;
      if (bar.contains(el)) continue;
      const b = bar.getBoundingClientRect();
      // An empty fixed container (the toaster's, with no toast) covers nothing.
      if (b.width === 0 || b.height === 0) continue;
      if (r.bottom > b.top && r.top < b.bottom && r.right > b.left && r.left < b.right)
        return (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 60) +
          ' under ' + bar.tagName.toLowerCase() + (bar.getAttribute('role') ? '[' + bar.getAttribute('role') + ']' : '') +
          ' ' + Math.round(b.top) + '–' + Math.round(b.bottom) + ', control ' + Math.round(r.top) + '–' + Math.round(r.bottom);
    }
    return null;
  })()`);
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === el.ownerDocument.activeElement);
}

/** A JSON call to the harness's API, as the tab makes it (If-Match when an ETag is given). */
export function callApi(
  harness: TabHarness,
  method: string,
  path: string,
  body?: unknown,
  etag?: string,
): Promise<Response> {
  return fetch(`${harness.server.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(etag ? { 'if-match': etag } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}
