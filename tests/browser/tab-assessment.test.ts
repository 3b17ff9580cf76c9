import type { Page } from 'playwright-core';
import { openPage, startTabHarness, type TabHarness } from './helpers/tab-browser.js';

// Canary names: they must never reach the stage, in the page or in any response it receives.
const LEARNER = 'Zebedee Quarrington';
const HARMED = 'Philippa Nightingale';

let harness: TabHarness;
beforeAll(async () => {
  harness = await startTabHarness();
});
afterAll(() => harness?.close());

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The same date as staff type it in the date field: day/month/year. */
const typed = (days: number) => isoDate(days).split('-').reverse().join('/');
const saved = (page: Page) =>
  page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved \d\d:\d\d$/ })
    .waitFor();

async function addContext(
  page: Page,
  context: string,
  risk: string,
  likelihood: string,
  impact: string,
  strategy: { action: string; owner: string },
) {
  await page.getByRole('combobox', { name: 'Add a context' }).selectOption(context);
  await page.getByRole('button', { name: 'Add context' }).click();
  const card = page.locator(`[data-risk="${context}"]`);
  await card.getByRole('textbox', { name: 'The risk' }).fill(risk);
  await card
    .getByRole('radiogroup', { name: 'Likelihood', exact: true })
    .getByRole('radio', { name: likelihood })
    .check();
  await card
    .getByRole('radiogroup', { name: 'Impact', exact: true })
    .getByRole('radio', { name: impact })
    .check();
  await card.getByRole('textbox', { name: 'New strategy' }).fill(strategy.action);
  await card.getByRole('combobox', { name: 'Who will do it' }).fill(strategy.owner);
  await card.getByRole('button', { name: 'Add strategy' }).click();
  await card.getByRole('group', { name: 'Strategy 1' }).waitFor();
}

describe('the Teams tab in a browser (local mode)', () => {
  let id = '';
  let page: Page;

  it('creates a case of two children, starts the risk assessment from it, adds two contexts with strategies, saves, and finds them after a reload', async () => {
    const opened = await openPage(harness, '/tab/');
    page = opened.page;
    await page.getByText('Local mode').waitFor();
    // A case first: both children, found or added by name and year group, each with a role.
    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    for (const [name, year] of [
      [LEARNER, 'Year 9'],
      [HARMED, 'Year 9'],
    ] as const) {
      await dialog.getByRole('textbox', { name: 'Child’s name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Year group' }).fill(year);
      await dialog.getByRole('button', { name: 'Find child' }).click();
      await dialog.getByRole('button', { name: 'Add to the case' }).click();
    }
    await dialog
      .getByRole('group', { name: `Roles of ${LEARNER}` })
      .getByRole('checkbox', { name: 'Displayed harmful sexual behaviour' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: /^Case HSB-\d{4}-\d+/ }).waitFor();
    const children = page.getByRole('list', { name: 'Children in the case' });
    expect(
      await children
        .getByRole('listitem')
        .filter({ hasText: HARMED })
        .getByRole('checkbox', { name: 'Child harmed' })
        .isChecked(),
    ).toBe(true);
    await children
      .getByRole('listitem')
      .filter({ hasText: LEARNER })
      // The case made a draft risk assessment for the child who displayed the behaviour.
      .getByRole('button', { name: `Open ${LEARNER}’s risk assessment` })
      .click();
    await page.getByRole('heading', { level: 1, name: /^HSB-\d{4}-\d+$/ }).waitFor();
    id = /#\/assessments\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.getByRole('tab', { name: 'Risks by context' }).click();
    await addContext(
      page,
      'classroom',
      'Shared maths set; seated close together.',
      '2 Possible',
      '2 Significant',
      {
        action: 'Zebedee sits at the front; Philippa keeps her usual seat.',
        owner: 'Maths teacher',
      },
    );
    await addContext(page, 'toilets-changing', 'Unsupervised toilets at break.', '3 Likely', '3 Serious', {
      action: 'Use the staff toilet by reception at break and lunch.',
      owner: 'Head of Year 9',
    });
    await saved(page);
    expect(opened.errors).toEqual([]);

    await page.reload();
    await page.locator('[data-risk="toilets-changing"]').waitFor();
    const classroom = page.locator('[data-risk="classroom"]');
    expect(await classroom.getByRole('textbox', { name: 'The risk' }).inputValue()).toBe(
      'Shared maths set; seated close together.',
    );
    expect(await classroom.getByRole('combobox', { name: 'Who', exact: true }).inputValue()).toBe(
      'Maths teacher',
    );
    expect(await page.locator('[data-risk="toilets-changing"]').getByText('High (3 × 3)').count()).toBe(1);
    await page.getByText('Overall: High').waitFor();
  });

  it('records a decision and a review date, activates, and adds a review', async () => {
    await page.getByRole('tab', { name: 'Decision' }).click();
    await page.getByRole('checkbox', { name: 'Early help' }).check();
    await page
      .getByRole('textbox', { name: /Why this decision was made/ })
      .fill('Problematic, not abusive; family engaged; needs coordinated support.');
    await page.getByRole('tab', { name: 'Review plan' }).click();
    await page.getByLabel('Next review').fill(typed(14));
    await page.getByLabel('Next review').press('Tab');
    await saved(page);

    await page.getByRole('tab', { name: 'Make active' }).click();
    await page.getByRole('button', { name: 'Make active' }).click();
    await page
      .getByRole('dialog', { name: 'Make this assessment active?' })
      .getByRole('button', { name: 'Make active' })
      .click();
    await page.getByRole('tab', { name: 'Review and close' }).waitFor();
    await page.getByText('Active', { exact: true }).first().waitFor();

    const review = page.getByRole('form', { name: 'Add a review' });
    await review
      .getByRole('textbox', { name: /Changes in behaviour/ })
      .fill('No further concerns from staff or either child.');
    await review.getByRole('combobox', { name: /Use the staff toilet/ }).selectOption('effective');
    await review.getByLabel('Next review').fill(typed(28));
    await review.getByLabel('Next review').press('Tab');
    await review.getByRole('button', { name: 'Save review' }).click();
    await page.getByText(/^Review saved\./).waitFor();
    await page
      .getByRole('list', { name: 'Reviews so far' })
      .getByText('No further concerns from staff or either child.')
      .waitFor();

    const stored = (await (await fetch(`${harness.server.url}/api/assessments/${id}`)).json()) as {
      status: string;
      reviews: { strategyImpacts: { impact: string }[] }[];
      review: { nextDue: string };
    };
    expect(stored.status).toBe('active');
    expect(stored.reviews[0]!.strategyImpacts).toEqual([expect.objectContaining({ impact: 'effective' })]);
    expect(stored.review.nextDue).toBe(isoDate(28));
  });

  it('on a conflicting save shows what changed, takes focus away from the buttons, and keeps mine only when asked', async () => {
    const current = await fetch(`${harness.server.url}/api/assessments/${id}`);
    const record = (await current.json()) as { learner: Record<string, string> };
    const put = await fetch(`${harness.server.url}/api/assessments/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag')! },
      body: JSON.stringify({
        ...record,
        learner: { ...record.learner, send: 'Speech and language needs' },
        changeReason: 'SENCO update',
      }),
    });
    expect(put.status).toBe(200);

    await page
      .getByRole('textbox', { name: /Reason for these changes/ })
      .fill('Key adult agreed in the meeting');
    await page.getByRole('tab', { name: 'Learner' }).click();
    await page.getByRole('textbox', { name: 'Key adult' }).fill('Ms Khan');
    const dialog = page.getByRole('alertdialog', { name: 'Someone else saved this assessment' });
    await dialog.waitFor();
    expect(await dialog.locator('summary').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(
      true,
    );
    await dialog.getByText('Special educational needs and disabilities').waitFor();
    await dialog.getByRole('button', { name: 'Keep my changes' }).click();
    await saved(page);
    const after = (await (await fetch(`${harness.server.url}/api/assessments/${id}`)).json()) as {
      learner: Record<string, string>;
    };
    expect(after.learner).toMatchObject({ send: 'Speech and language needs', keyAdult: 'Ms Khan' });
  });

  it('shows the stage with the plan and no child’s name, in the page or in what it downloads', async () => {
    const stage = await openPage(harness, `/tab/#/stage/${id}`);
    await stage.page.getByTestId('stage-view').getByText('Maths teacher').waitFor();
    const text = await stage.page.locator('body').innerText();
    expect(text).toContain('Use the staff toilet by reception at break and lunch.');
    expect(text).toContain('Child A sits at the front; Child B keeps her usual seat.');
    for (const leak of [
      'Zebedee',
      'Quarrington',
      'Philippa',
      'Nightingale',
      'Shared maths set',
      'Problematic, not abusive',
      'No further concerns',
    ]) {
      expect(text).not.toContain(leak);
      expect(stage.bodies.join('\n')).not.toContain(leak);
    }
    expect(stage.errors).toEqual([]);
    await stage.page.close();
  });

  it('keeps unsaved changes only in memory and warns before the page is left', async () => {
    await page.getByRole('textbox', { name: 'Year group' }).fill('Year 10');
    const storage = await page.evaluate(
      'JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)])',
    );
    expect(storage).toBe('[[],[]]');
    const databases = (await page.evaluate('indexedDB.databases().then((d) => d.length)')) as number;
    expect(databases).toBe(0);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.getByRole('textbox', { name: 'Year group' }).fill('Year 11');
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(dialogs).toContain('beforeunload');
  });
});
