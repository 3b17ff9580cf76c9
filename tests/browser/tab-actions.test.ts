import type { Locator, Page } from 'playwright-core';
import { openPage, seriousViolations, startTabHarness, type TabHarness } from './helpers/tab-browser.js';
import { waitUntil } from './helpers/keyboard-keys.js';

// A canary name: it must never reach a notification, in the page or in any response it receives.
const LEARNER = 'Zebedee Quarrington';

let harness: TabHarness;
let id = '';
let caseRef = '';
/** The id of the strategy given to the local user. */
let mine = '';
beforeAll(async () => {
  harness = await startTabHarness();
  const res = await fetch(`${harness.server.url}/api/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      learner: { name: LEARNER, yearGroup: 'Year 9' },
      risks: [{ context: 'classroom', description: 'Shared maths set.', likelihood: 2, impact: 2 }],
    }),
  });
  expect(res.status).toBe(201);
  ({ id, caseRef } = (await res.json()) as { id: string; caseRef: string });
});
afterAll(() => harness?.close());

const pastDate = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
const isFocused = (target: Locator) => target.evaluate((el) => el === el.ownerDocument.activeElement);

/** Types into the owner picker and chooses `name` with the arrow keys and Enter, as a keyboard user does. */
async function chooseOwner(page: Page, picker: Locator, typed: string, name: string): Promise<void> {
  await page.keyboard.type(typed);
  const option = page.getByRole('option', { name, exact: true });
  await option.waitFor();
  const optionId = await option.getAttribute('id');
  for (let i = 0; i < 6 && (await picker.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await page.keyboard.press('ArrowDown');
    // Moving through the list chooses nothing: the box still shows what was typed.
    expect(await picker.inputValue()).toBe(typed);
  }
  expect(await picker.getAttribute('aria-activedescendant')).toBe(optionId);
  await page.keyboard.press('Enter');
  expect(await picker.inputValue()).toBe(name);
}

/** Adds a strategy owned by someone from the local directory, due two weeks ago, by keyboard. */
async function addStrategy(
  page: Page,
  n: number,
  action: string,
  typed: string,
  owner: string,
): Promise<void> {
  const card = page.locator('[data-risk="classroom"]');
  const strategy = card.getByRole('textbox', { name: 'New strategy' });
  await strategy.focus();
  await page.keyboard.type(action);
  await page.keyboard.press('Tab');
  const picker = card.getByRole('combobox', { name: 'Who will do it' });
  expect(await isFocused(picker)).toBe(true);
  await chooseOwner(page, picker, typed, owner);
  // One Tab from the owner reaches the due date: no chevron or clear button in between.
  await page.keyboard.press('Tab');
  const due = card.getByLabel('Due (date)');
  expect(await isFocused(due)).toBe(true);
  await due.fill(pastDate);
  await card.getByRole('button', { name: 'Add strategy' }).focus();
  await page.keyboard.press('Enter');
  await card.getByRole('group', { name: `Strategy ${n}` }).waitFor();
}

const savedStatus = (page: Page) =>
  page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved \d\d:\d\d$/ })
    .waitFor();

describe('actions that reach people (local mode)', () => {
  let page: Page;
  let bodies: string[];

  it('gives a strategy to a member of staff from the local directory, and another to the local user', async () => {
    const opened = await openPage(harness, `/tab/#/assessments/${id}/risks`);
    ({ page, bodies } = opened);
    await page.locator('[data-risk="classroom"]').waitFor();
    await addStrategy(page, 1, 'Seat the two apart in maths.', 'Alex', 'Alex Morgan (DSL)');
    await savedStatus(page);
    await addStrategy(page, 2, 'Check in with the maths teacher weekly.', 'Local', 'Local user (no sign-in)');
    await savedStatus(page);
    const stored = (await (await fetch(`${harness.server.url}/api/assessments/${id}`)).json()) as {
      risks: { strategies: { id: string; owner: string; ownerId?: string; due?: string }[] }[];
    };
    mine = stored.risks[0]!.strategies[1]!.id;
    expect(stored.risks[0]!.strategies).toEqual([
      expect.objectContaining({
        owner: 'Alex Morgan (DSL)',
        ownerId: 'local:alex-morgan-dsl',
        due: pastDate,
      }),
      expect.objectContaining({ owner: 'Local user (no sign-in)', ownerId: 'local-user', due: pastDate }),
    ]);
    // The picker open on its results passes axe too.
    await page.locator('[data-risk="classroom"]').getByRole('combobox', { name: 'Who will do it' }).focus();
    await page.keyboard.type('Jo');
    await page.getByRole('option', { name: 'Jo Williams', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(opened.errors).toEqual([]);
  });

  it('shows the notifications in the outbox, with the case reference and no child’s name', async () => {
    await page.goto(`${harness.server.url}/tab/#/`);
    await page.getByRole('button', { name: 'Outbox' }).click();
    const sent = page.getByRole('list', { name: 'Notifications sent' });
    await sent.waitFor();
    const toAlex = sent.getByRole('listitem').filter({ hasText: 'Alex Morgan (DSL)' });
    expect(await toAlex.count()).toBe(1);
    expect(await toAlex.textContent()).toContain(caseRef);
    expect(await sent.getByRole('listitem').count()).toBe(2);
    expect(await page.locator('body').textContent()).not.toContain(LEARNER);
    expect(await page.locator('body').textContent()).not.toContain('Seat the two apart');
    const outbox = bodies.filter((b) => b.includes('"activityType"'));
    expect(outbox.length).toBeGreaterThan(0);
    for (const body of outbox) expect(body).not.toContain('Zebedee');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists the local user’s own action as overdue in My actions, linked to the plan', async () => {
    await page.goto(`${harness.server.url}/tab/#/`);
    await page.getByRole('button', { name: 'My actions' }).click();
    const overdue = page.getByRole('region', { name: 'Overdue (1)' });
    await overdue.waitFor();
    const item = overdue.getByRole('listitem');
    expect(await item.textContent()).toContain(caseRef);
    const link = item.getByRole('link', { name: 'Check in with the maths teacher weekly.' });
    expect(await link.getAttribute('href')).toBe(`#/assessments/${id}/risks/${mine}`);
    // Alex's action is Alex's, not the local user's.
    expect(await page.getByText('Seat the two apart in maths.').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    // No sideways scroll in a 320 px side panel.
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(320);
    await link.click();
    // The link opens the plan at that strategy, with focus in its first field.
    const strategy = page.getByRole('textbox', { name: 'Strategy 2', exact: true });
    await strategy.waitFor();
    await waitUntil(
      page,
      "document.activeElement?.getAttribute('data-path') === 'risks.0.strategies.1.action'",
    );
    expect(await isFocused(strategy)).toBe(true);
    await page.close();
  });
});
