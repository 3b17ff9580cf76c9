import type { Page } from 'playwright-core';
import { activeAssessmentBody } from '../helpers/assessment-data.js';
import { openPage, seriousViolations, startTabHarness, type TabHarness } from './helpers/tab-browser.js';

let harness: TabHarness;
let id = '';
beforeAll(async () => {
  harness = await startTabHarness();
  const body = activeAssessmentBody('Axe Learner');
  const res = await fetch(`${harness.server.url}/api/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...body,
      views: { learner: 'The perpetrator said it was banter.', parentsCarers: 'Worried and supportive.' },
    }),
  });
  expect(res.status).toBe(201);
  id = ((await res.json()) as { id: string }).id;
});
afterAll(() => harness?.close());

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ view, violations }).toEqual({ view, violations: [] });
}

const sections = [
  'Learner',
  'Incidents',
  'The meeting',
  'Risks by context',
  'Support and key adult',
  'Views',
  'Decision',
  'Sharing',
  'Review plan',
  'Sign-off',
  'Review and close',
];

describe('accessibility (axe: no serious or critical violations)', () => {
  it('dashboard, its filters and the new-assessment dialog', async () => {
    const { page } = await openPage(harness, '/tab/');
    await page.getByRole('table', { name: 'Cases' }).waitFor();
    await expectNoSeriousViolations(page, 'dashboard by case');
    await page.getByRole('tab', { name: 'By child' }).click();
    await page.getByRole('table', { name: 'Risk assessments' }).waitFor();
    await expectNoSeriousViolations(page, 'dashboard by child');
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page
      .getByRole('dialog', { name: 'New risk assessment' })
      .getByRole('button', { name: 'Create draft' })
      .click();
    await page.getByText('Enter the learner’s name.').waitFor();
    await expectNoSeriousViolations(page, 'new assessment dialog with an error');
    await page.close();
  });

  it('every section of the form, with language hints showing', async () => {
    const { page } = await openPage(harness, `/tab/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: /^HSB-/ }).waitFor();
    for (const section of sections) {
      await page.getByRole('tab', { name: section }).click();
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
      if (section === 'Views') await page.getByTestId('language-hints').first().waitFor();
      await expectNoSeriousViolations(page, `form: ${section}`);
    }
    await page.close();
  });

  // The stage, the meeting panel and its share dialog are checked at 320 px in tab-meeting.test.ts.

  it('the public pages and the settings page outside Teams', async () => {
    for (const path of ['about', 'privacy', 'terms', 'config']) {
      const { page } = await openPage(harness, `/tab/#/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoSeriousViolations(page, path);
      await page.close();
    }
  });

  it('the dark theme', async () => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${harness.server.url}/tab/#/assessments/${id}/risks`);
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();
    await expectNoSeriousViolations(page, 'form in the dark theme');
    await page.close();
  });
});
