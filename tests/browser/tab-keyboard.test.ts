import {
  focusCoveredBySticky,
  isFocused,
  openPage,
  seriousViolations,
  startTabHarness,
  tabTo,
  type TabHarness,
} from './helpers/tab-browser.js';
import { waitUntil } from './helpers/keyboard-keys.js';

let harness: TabHarness;
beforeAll(async () => {
  harness = await startTabHarness();
});
afterAll(() => harness?.close());

describe('keyboard only', () => {
  it('creates, completes and saves an assessment without a pointer, and finds it after a reload', async () => {
    const { page, errors } = await openPage(harness, '/tab/');
    const key = (k: string) => page.keyboard.press(k);

    await tabTo(page, page.getByRole('button', { name: 'New assessment' }));
    await key('Enter');
    const dialog = page.getByRole('dialog', { name: 'New risk assessment' });
    await tabTo(page, dialog.getByRole('textbox', { name: 'Learner’s name' }));
    await page.keyboard.type('Keyboard Learner');
    await key('Tab');
    await page.keyboard.type('Year 7');
    await key('Enter');
    await page.getByRole('heading', { level: 1, name: /^HSB-\d{4}-\d+$/ }).waitFor();

    await tabTo(page, page.getByRole('textbox', { name: 'Key adult' }));
    await page.keyboard.type('Mr Okafor');

    // The section tabs: arrow keys move between them, Enter opens one.
    await tabTo(page, page.getByRole('tab', { name: 'Learner' }), 80, 'Shift+Tab');
    const risksTab = page.getByRole('tab', { name: 'Risks by context' });
    for (let i = 0; i < 8 && !(await isFocused(risksTab)); i++) await key('ArrowDown');
    await key('Enter');
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();

    await tabTo(page, page.getByRole('combobox', { name: 'Add a context' }));
    await key('ArrowDown');
    await key('Tab');
    expect(await isFocused(page.getByRole('button', { name: 'Add context' }))).toBe(true);
    await key('Enter');
    const card = page.locator('[data-risk="classroom"]');
    const description = card.getByRole('textbox', { name: 'The risk' });
    await waitUntil(page, 'document.activeElement?.tagName === "TEXTAREA"');
    expect(await isFocused(description)).toBe(true);
    await page.keyboard.type('Sits near the other child in English.');

    await tabTo(
      page,
      card.getByRole('radiogroup', { name: 'Likelihood', exact: true }).getByRole('radio').first(),
    );
    await key('ArrowRight');
    await tabTo(
      page,
      card.getByRole('radiogroup', { name: 'Impact', exact: true }).getByRole('radio').first(),
    );
    await key('ArrowRight');
    await key('ArrowRight');
    await card.getByText('High (2 × 3)').waitFor();

    await tabTo(page, card.getByRole('textbox', { name: 'New strategy' }));
    await page.keyboard.type('Seating plan agreed with the English teacher.');
    await key('Tab');
    await page.keyboard.type('English teacher');
    await tabTo(page, card.getByRole('button', { name: 'Add strategy' }));
    await key('Enter');
    await card.getByRole('group', { name: 'Strategy 1' }).waitFor();
    // Focus is back on the first field of the strategy form, ready for the next one.
    await waitUntil(page, 'document.activeElement?.getAttribute("role") === "combobox"');
    expect(await isFocused(card.getByRole('combobox', { name: 'Start from an example' }))).toBe(true);
    await tabTo(page, card.getByRole('button', { name: 'Add strategy' }));

    // Moving back up the page, nothing that takes focus is hidden under the sticky save bar.
    await page.keyboard.press('End');
    for (let i = 0; i < 25; i++) {
      await key('Shift+Tab');
      expect(await focusCoveredBySticky(page)).toBeNull();
    }

    await page
      .getByTestId('save-status')
      .filter({ hasText: /^Saved \d\d:\d\d$/ })
      .waitFor();
    await page.reload();
    const saved = page.locator('[data-risk="classroom"]');
    expect(await saved.getByRole('textbox', { name: 'The risk' }).inputValue()).toBe(
      'Sits near the other child in English.',
    );
    expect(await saved.getByRole('textbox', { name: 'Strategy 1' }).inputValue()).toBe(
      'Seating plan agreed with the English teacher.',
    );
    await page.getByRole('tab', { name: 'Learner' }).click();
    expect(await page.getByRole('textbox', { name: 'Key adult' }).inputValue()).toBe('Mr Okafor');
    expect(errors).toEqual([]);
  });

  it('removes a strategy with Undo by keyboard: kept after Undo, saved as removed only once Undo lapses', async () => {
    const res = await fetch(`${harness.server.url}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        learner: { name: 'Undo Learner' },
        risks: [
          {
            context: 'classroom',
            description: 'Sits near the other child.',
            likelihood: 2,
            impact: 2,
            strategies: [
              { action: 'Seating plan in English', owner: 'English teacher', inPlace: true },
              { action: 'Separate lunch times', owner: 'Head of year', inPlace: false },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { page, errors } = await openPage(harness, `/tab/#/assessments/${id}/risks`);
    const key = (k: string) => page.keyboard.press(k);
    const strategies = () =>
      page
        .getByRole('textbox', { name: /^Strategy \d/ })
        .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
    const focusOnBody = () => page.evaluate('document.activeElement === document.body');
    const undo = page.getByRole('button', { name: 'Undo' });
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();

    // Remove, then Undo: focus goes to the toast's Undo, then back into the strategy.
    await tabTo(page, page.getByRole('button', { name: 'Remove strategy 1' }));
    await key('Enter');
    await undo.waitFor();
    expect(await focusOnBody()).toBe(false);
    expect(await isFocused(undo)).toBe(true);
    expect(await strategies()).toEqual(['Separate lunch times']);
    expect(await seriousViolations(page)).toEqual([]);
    await key('Enter');
    await undo.waitFor({ state: 'detached' });
    expect(await strategies()).toEqual(['Seating plan in English', 'Separate lunch times']);
    expect(await isFocused(page.getByRole('textbox', { name: /^Strategy 1/ }))).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();
    expect(await strategies()).toEqual(['Seating plan in English', 'Separate lunch times']);

    // Remove and move on: Tab goes back to where the strategy was, and the toast lapses.
    await tabTo(page, page.getByRole('button', { name: 'Remove strategy 1' }));
    await key('Enter');
    await undo.waitFor();
    await key('Tab');
    expect(await focusOnBody()).toBe(false);
    expect(await focusCoveredBySticky(page)).toBeNull();
    expect(await page.evaluate('!!document.activeElement?.closest("[data-undo-toast]")')).toBe(false);
    const stored = async () =>
      (
        (await (await fetch(`${harness.server.url}/api/assessments/${id}`)).json()) as {
          risks: { strategies: { action: string }[] }[];
        }
      ).risks[0]!.strategies.map((s) => s.action);
    // Not saved while Undo is on offer, whatever autosave does meanwhile.
    await page.waitForTimeout(3000);
    expect(await stored()).toEqual(['Seating plan in English', 'Separate lunch times']);
    await undo.waitFor({ state: 'detached', timeout: 20_000 });
    await page
      .getByTestId('save-status')
      .filter({ hasText: /^Saved \d\d:\d\d$/ })
      .waitFor();
    expect(await stored()).toEqual(['Separate lunch times']);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();
    expect(await strategies()).toEqual(['Separate lunch times']);
    expect(errors).toEqual([]);
  });

  it('after Make active and Save review, focus is on what changed, never on the page', async () => {
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${harness.server.url}/api/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        learner: { name: 'Status Learner' },
        decision: { options: ['early-help'], rationale: 'Family engaged; coordinated support.' },
        review: { nextDue: inTwoWeeks },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { page, errors } = await openPage(harness, `/tab/#/assessments/${id}/status`);
    const key = (k: string) => page.keyboard.press(k);
    const title = page.locator('#section-title');
    await title.filter({ hasText: 'Make active' }).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Make active' }));
    await key('Enter');
    const dialog = page.getByRole('dialog', { name: 'Make this assessment active?' });
    await tabTo(page, dialog.getByRole('button', { name: 'Make active' }));
    await key('Enter');
    await title.filter({ hasText: 'Review and close' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await waitUntil(page, 'document.activeElement?.id === "section-title"');

    const review = page.getByRole('form', { name: 'Add a review' });
    await tabTo(page, review.getByRole('textbox', { name: /Changes in behaviour/ }));
    await page.keyboard.type('No further concerns.');
    await tabTo(page, review.getByRole('button', { name: 'Save review' }));
    await key('Enter');
    await page.getByText(/^Review saved\./).waitFor();
    await waitUntil(page, '/^Review saved/.test(document.activeElement?.textContent ?? "")');
    expect(errors).toEqual([]);
  });
});
