import type { Page } from 'playwright-core';
import { openPage, seriousViolations, startTabHarness, type TabHarness } from './helpers/tab-browser.js';
import { waitUntil } from './helpers/keyboard-keys.js';

// Distinctive names, so that finding one where it must not be is never a coincidence.
const LEARNER = 'Barnaby Featherstonehaugh';
const HARMED = 'Ottilie Marchbanks';

let harness: TabHarness;
beforeAll(async () => {
  harness = await startTabHarness();
});
afterAll(() => harness?.close());

const saved = (page: Page) =>
  page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved \d\d:\d\d$/ })
    .waitFor();

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ view, violations }).toEqual({ view, violations: [] });
}

// Evaluated as text: these tests compile without the DOM's types.
const focused = (page: Page) =>
  page.evaluate("document.activeElement && document.activeElement.getAttribute('data-path')");

describe('the case page in a browser (local mode)', () => {
  let page: Page;
  let errors: string[];
  let caseUrl = '';

  it('creates a case of two new children, adds an incident and a referral with its outcome, and finds them after a reload', async () => {
    ({ page, errors } = await openPage(harness, '/tab/'));
    await page.getByText('Local mode').waitFor();
    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    for (const name of [LEARNER, HARMED]) {
      await dialog.getByRole('textbox', { name: 'Child’s name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Year group' }).fill('Year 10');
      await dialog.getByRole('button', { name: 'Find child' }).click();
      await dialog.getByRole('button', { name: 'Add to the case' }).click();
    }
    await dialog.getByRole('group', { name: `Roles of ${HARMED}` }).waitFor();
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: /^Case HSB-\d{4}-\d+/ }).waitFor();
    caseUrl = page.url();

    await page.getByRole('button', { name: 'Add an incident' }).click();
    const incident = page.getByRole('region', { name: /^Incident 1/ });
    // Focus goes to the new row's first field.
    await waitUntil(
      page,
      "document.activeElement && document.activeElement.getAttribute('data-path') === 'incidents.0.date'",
    );
    await page.keyboard.type('02/03/2026');
    await incident.getByRole('textbox', { name: 'Where, or the context' }).fill('Year 10 corridor');
    await incident.getByRole('combobox', { name: 'Online' }).selectOption('no');
    await incident
      .getByRole('textbox', { name: /What happened/ })
      .fill('Touched over clothing while passing; seen by a teacher.');

    await page.getByRole('button', { name: 'Add a referral' }).click();
    const referral = page.getByRole('region', { name: /^Referral 1/ });
    expect(await focused(page)).toBe('agencies.referrals.0.to');
    await referral.getByRole('combobox', { name: 'Referred to' }).selectOption('childrens-social-care');
    await referral.getByRole('textbox', { name: 'Their reference' }).fill('MASH-2041');
    await referral.getByRole('combobox', { name: 'Status' }).selectOption('accepted');
    await referral
      .getByRole('textbox', { name: 'Outcome', exact: true })
      .fill('Early help assessment agreed.');
    await referral.getByLabel('Outcome on').fill('10/02/2026');
    await referral.getByLabel('Outcome on').press('Tab');
    await saved(page);
    await expectNoSeriousViolations(page, 'case page, editing');

    await page.reload();
    const again = page.getByRole('region', { name: /^Incident 1/ });
    expect(await again.getByRole('textbox', { name: 'Where, or the context' }).inputValue()).toBe(
      'Year 10 corridor',
    );
    expect(await again.getByLabel('Date').inputValue()).toBe('02/03/2026');
    const ref = page.getByRole('region', { name: /^Referral 1/ });
    expect(await ref.getByRole('textbox', { name: 'Their reference' }).inputValue()).toBe('MASH-2041');
    expect(await ref.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('accepted');
    expect(await ref.getByRole('textbox', { name: 'Outcome', exact: true }).inputValue()).toBe(
      'Early help assessment agreed.',
    );
    // Saving the referral wrote it, and its outcome, in the case's chronology.
    const chronology = page.getByRole('list', { name: 'Chronology' });
    await chronology.getByText(/Referral made/).waitFor();
    await chronology.getByText(/Referral outcome recorded/).waitFor();
    expect(errors).toEqual([]);
  });

  it('mentions the harmed child with @ in the risk assessment: stored as a mention, shown by name', async () => {
    await page.goto(caseUrl);
    await page
      .getByRole('list', { name: 'Children in the case' })
      .getByRole('button', { name: `Open ${LEARNER}’s risk assessment` })
      .click();
    await page.getByRole('heading', { level: 1, name: /^HSB-\d{4}-\d+$/ }).waitFor();
    const planId = /#\/assessments\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    const box = page.getByRole('textbox', { name: 'Other vulnerabilities' });
    await box.click();
    await box.pressSequentially('Anxious when near @');
    const list = page.getByRole('listbox', { name: 'Children to mention' });
    await list.waitFor();
    // The plan's own child is not offered; the other child is, by name.
    expect(await list.getByRole('option').allTextContents()).toEqual([HARMED]);
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').first().getAttribute('id'),
    );
    await expectNoSeriousViolations(page, 'plan editor, mention list open');
    await page.keyboard.press('Enter');
    await box.pressSequentially('at break.');
    expect(await box.inputValue()).toBe(`Anxious when near ${HARMED} at break.`);
    await saved(page);

    const stored = (await (await fetch(`${harness.server.url}/api/assessments/${planId}`)).json()) as {
      learner: { vulnerabilities: string };
      childId: string;
    };
    expect(stored.learner.vulnerabilities).toMatch(/^Anxious when near @\[child:[0-9a-f-]{36}\] at break\.$/);
    expect(stored.learner.vulnerabilities).not.toContain('Ottilie');
    expect(stored.learner.vulnerabilities).not.toContain('Marchbanks');

    await page.reload();
    const shown = page.getByRole('textbox', { name: 'Other vulnerabilities' });
    await shown.waitFor();
    expect(await shown.inputValue()).toBe(`Anxious when near ${HARMED} at break.`);
    expect(errors).toEqual([]);
  });
});
