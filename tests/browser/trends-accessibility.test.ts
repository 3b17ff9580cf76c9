import type { Page } from 'playwright-core';
import { openPage, seriousViolations, startTabHarness, type TabHarness } from './helpers/tab-browser.js';

let harness: TabHarness;

beforeAll(async () => {
  harness = await startTabHarness();
  // A few cases this academic year, so the view has charts and tables to draw.
  for (const [i, context] of [
    'classroom',
    'classroom',
    'corridors',
    'online',
    'classroom',
    'toilets-changing',
  ].entries()) {
    const res = await fetch(`${harness.server.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        participants: [{ child: { name: `Trend Child ${i}`, yearGroup: 'Year 8' }, roles: ['harmed'] }],
        incidents: [{ context, time: '12:30', kinds: ['talk'], online: context === 'online' }],
      }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => harness?.close());

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ view, violations }).toEqual({ view, violations: [] });
}

describe('the trends view in a browser (axe: no serious or critical violations)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`draws charts beside their tables and passes axe in the ${colorScheme} theme`, async () => {
      const { page, errors } = await openPage(harness, '/tab/');
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Trends and the governors’ report' }).click();
      await page.getByRole('table', { name: 'Incidents, by where they happened' }).waitFor();
      // Every chart chunk has loaded and drawn: no fallback left, and a chart's bars are on screen.
      // Polled from here: the page's Content-Security-Policy forbids the eval that waitForFunction needs.
      const drawing = page.getByText('Drawing the chart');
      for (const deadline = Date.now() + 30_000; (await drawing.count()) > 0;) {
        if (Date.now() > deadline) throw new Error('A chart was still drawing after 30 s.');
        await page.waitForTimeout(100);
      }
      expect(await page.getByText(/chart could not be drawn/).count()).toBe(0);
      await page.locator('figure svg rect').first().waitFor();
      await expectNoSeriousViolations(page, `trends, ${colorScheme}`);

      await page.getByRole('tab', { name: 'Governors’ preview' }).click();
      await page.getByText('What the governing board will see').waitFor();
      await expectNoSeriousViolations(page, `governors' preview, ${colorScheme}`);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
