import type { Locator, Page } from 'playwright-core';
import { addDays, dateInZone } from '../../core/dates.js';
import {
  WAIT,
  arrowToOption,
  dateShown,
  hasFocus,
  press,
  shiftTabTo,
  tabTo,
  type,
  typeDate,
  waitForFocus,
  waitUntil,
} from './helpers/keyboard-keys.js';
import { KeyboardJourney, focusObstruction, watchFocus } from './helpers/keyboard-watch.js';
import { startTabHarness, type TabHarness } from './helpers/tab-browser.js';

// The whole risk-assessment meeting by keyboard alone (issue #15, item 6): in the channel tab at 1366 px,
// and in the meeting side panel at 320 px. Every step is checked for a fall of focus to <body>, a focused
// control drawn under something else, axe violations and, in the panel, sideways scrolling.

let harness: TabHarness;
beforeAll(async () => {
  harness = await startTabHarness();
});
afterAll(() => harness?.close());

const today = dateInZone(new Date());
const firstReview = addDays(today, 28);
const due = addDays(today, 14);
/** A member of the local directory (LOCAL_STAFF's default), found by typing part of the name. */
const OWNER = { typed: 'Jo', name: 'Jo Williams' };

interface Layout {
  name: string;
  width: number;
  height: number;
  /**
   * The meeting side panel: the case and its plans in one view, a plan opening in meeting mode (the
   * agenda, one step at a time), and a section list instead of tabs outside it.
   */
  panel: boolean;
  learner: string;
  harmed: string;
}

const wide: Layout = {
  name: 'channel tab',
  width: 1366,
  height: 900,
  panel: false,
  learner: 'Ambrose Kettleworth',
  harmed: 'Clemency Ashdown',
};
const panel: Layout = {
  name: 'meeting side panel',
  width: 320,
  height: 800,
  panel: true,
  learner: 'Peregrine Thistlewood',
  harmed: 'Rosamund Yelverton',
};

const VIEWS = {
  learner: '“I did not think it would upset her.” He wants to stay in his form.',
  parents: 'Mother is worried and will support the plan at home.',
};
const CONTEXTS = [
  {
    risk: 'Sits near the other child in English.',
    likelihood: 2,
    impact: 3,
    strategy: 'Seating plan agreed with the English teacher.',
    owner: 'English teacher',
  },
  {
    risk: 'Unsupervised time at the bus stop after school.',
    likelihood: 1,
    impact: 3,
    strategy: 'A member of staff walks to the bus stop.',
    owner: 'Head of Year 8',
  },
];
const RATIONALE = 'A first incident, owned by the child; a school plan is proportionate for now.';
const REVIEW = 'No further incidents; the seating plan is working.';

/** Waits for autosave to have saved everything; fails with what the save status says instead. */
async function saved(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  try {
    await status.filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor({ timeout: WAIT });
  } catch {
    const bar = await page.getByRole('region', { name: 'Saving' }).innerText();
    throw new Error(`Not saved: the save bar says “${bar}”.`);
  }
}

/** The heading of the section now open. */
const sectionHeading = (page: Page, title: string) =>
  page.getByRole('heading', { level: 2, name: title, exact: true });

/**
 * Opens a section of the plan by keyboard: in the channel tab the section tabs (one Tab stop, arrows move,
 * Enter opens); in the side panel the section list (a select: arrows choose).
 */
async function openSection(page: Page, layout: Layout, title: string, from: 'above' | 'below' = 'below') {
  const move = (target: Locator) => (from === 'below' ? shiftTabTo(page, target) : tabTo(page, target, 80));
  if (layout.panel) {
    const list = page.getByRole('combobox', { name: 'Section' });
    await move(list);
    await arrowToOption(page, list, new RegExp(`^${title}`));
  } else {
    const tabs = page.getByRole('tablist', { name: 'Sections of the assessment' });
    await move(tabs.getByRole('tab', { selected: true }));
    const names = (await tabs.getByRole('tab').allTextContents()).map((t) => t.trim());
    const want = names.findIndex((n) => n.startsWith(title));
    const target = tabs.getByRole('tab').nth(want);
    for (let i = 0; i < names.length && !(await hasFocus(target)); i++) {
      const at = await tabs
        .getByRole('tab')
        .evaluateAll((els) => els.findIndex((el) => el === el.ownerDocument.activeElement));
      await press(page, at < want ? 'ArrowDown' : 'ArrowUp');
    }
    await press(page, 'Enter');
  }
  await sectionHeading(page, title).waitFor({ timeout: WAIT });
}

/**
 * Meeting mode: Next through the agenda until the step `title` is open. Next takes focus to the new
 * step's heading, so each Tab goes on into the step.
 */
async function agendaTo(page: Page, title: string) {
  for (let i = 0; i < 8; i++) {
    if (await sectionHeading(page, title).count()) return;
    await tabTo(page, page.getByRole('button', { name: /^Next: / }), 150);
    await press(page, 'Enter');
    await waitForFocus(page, page.locator('#section-title'));
  }
  await sectionHeading(page, title).waitFor({ timeout: WAIT });
}

/** Leaves meeting mode for the plan's sections, by its toggle above the agenda. */
async function leaveMeetingMode(page: Page) {
  const toggle = page.getByRole('button', { name: 'Meeting mode' });
  await shiftTabTo(page, toggle, 150);
  await press(page, 'Enter');
  await page.getByRole('combobox', { name: 'Section' }).waitFor({ timeout: WAIT });
}

/** The plan's way to a place: in the panel's meeting mode its agenda step, elsewhere its section. */
async function goTo(page: Page, layout: Layout, section: string, step: string) {
  if (layout.panel) await agendaTo(page, step);
  else await openSection(page, layout, section);
}

/** Finds or adds a child in the New case dialog by name and year group, then adds them to the case. */
async function addChild(page: Page, dialog: Locator, name: string) {
  await tabTo(page, dialog.getByRole('textbox', { name: 'Child’s name' }));
  await type(page, name);
  await press(page, 'Tab');
  await type(page, 'Year 8');
  await tabTo(page, dialog.getByRole('button', { name: 'Find child' }));
  await press(page, 'Enter');
  const added = dialog.getByRole('radio', { name: new RegExp(`^A new child: ${name}`) });
  await added.waitFor({ timeout: WAIT });
  await tabTo(page, dialog.getByRole('button', { name: 'Add to the case' }));
  await press(page, 'Enter');
  await dialog.getByRole('group', { name: `Roles of ${name}` }).waitFor({ timeout: WAIT });
}

/** Adds the next context offered, with its risk, likelihood, impact and one strategy. */
async function addContext(page: Page, n: number) {
  const c = CONTEXTS[n]!;
  const picker = page.getByRole('combobox', { name: 'Add a context' });
  await tabTo(page, picker, 120);
  await press(page, 'ArrowDown');
  await tabTo(page, page.getByRole('button', { name: 'Add context' }), 3);
  await press(page, 'Enter');
  // Focus goes to the new context's risk (in meeting mode, on the agenda's step for that context).
  await waitUntil(
    page,
    "!!document.activeElement && document.activeElement.tagName === 'TEXTAREA' && !!document.activeElement.closest('[data-risk-id]')",
  );
  const id = (await page.evaluate(
    "document.activeElement.closest('[data-risk-id]').getAttribute('data-risk-id')",
  )) as string;
  const card = page.locator(`[data-risk-id="${id}"]`);
  expect(await hasFocus(card.getByRole('textbox', { name: 'The risk' }))).toBe(true);
  await type(page, c.risk);
  const likelihood = card.getByRole('radiogroup', { name: 'Likelihood', exact: true });
  await tabTo(page, likelihood.getByRole('radio').first());
  for (let i = 1; i < c.likelihood; i++) await press(page, 'ArrowRight');
  if (c.likelihood === 1) await press(page, 'Space');
  const impact = card.getByRole('radiogroup', { name: 'Impact', exact: true });
  await tabTo(page, impact.getByRole('radio').first());
  for (let i = 1; i < c.impact; i++) await press(page, 'ArrowRight');
  await card.getByText(new RegExp(`\\(${c.likelihood} × ${c.impact}\\)`)).waitFor({ timeout: WAIT });
  await tabTo(page, card.getByRole('textbox', { name: 'New strategy' }));
  await type(page, c.strategy);
  // A name typed freely is kept as it is: Tab moves on without choosing anyone from the directory.
  await tabTo(page, card.getByRole('combobox', { name: 'Who will do it' }), 3);
  await type(page, c.owner);
  await tabTo(page, card.getByRole('button', { name: 'Add strategy' }), 15);
  await press(page, 'Enter');
  await card.getByRole('group', { name: 'Strategy 1' }).waitFor({ timeout: WAIT });
  // Ready for the next strategy: focus is back on the strategy form's first field.
  await waitForFocus(page, card.getByRole('combobox', { name: 'Start from an example' }));
}

/** Removes the second context's strategy, then brings it back with the toast's Undo. */
async function removeAndUndo(page: Page) {
  const card = page.locator('[data-risk-id]').last();
  await shiftTabTo(page, card.getByRole('button', { name: 'Remove strategy 1' }));
  await press(page, 'Enter');
  await card.getByRole('group', { name: 'Strategy 1' }).waitFor({ state: 'detached', timeout: WAIT });
  const undo = page.getByRole('button', { name: 'Undo' });
  await waitForFocus(page, undo);
  await press(page, 'Enter');
  await waitForFocus(page, card.getByRole('textbox', { name: 'Strategy 1' }));
  expect(await card.getByRole('textbox', { name: 'Strategy 1' }).inputValue()).toBe(CONTEXTS[1]!.strategy);
}

/** Gives the second context's strategy to a member of staff from the directory, with a due date. */
async function assignOwner(page: Page) {
  const strategy = page.locator('[data-risk-id]').last().getByRole('group', { name: 'Strategy 1' });
  const picker = strategy.getByRole('combobox', { name: 'Who' });
  await shiftTabTo(page, picker);
  await press(page, 'Control+a');
  await type(page, OWNER.typed);
  const option = page.getByRole('option', { name: OWNER.name, exact: true });
  await option.waitFor({ timeout: WAIT });
  const optionId = await option.getAttribute('id');
  for (let i = 0; i < 8 && (await picker.getAttribute('aria-activedescendant')) !== optionId; i++) {
    await press(page, 'ArrowDown');
  }
  await press(page, 'Enter');
  expect(await picker.inputValue()).toBe(OWNER.name);
  await tabTo(page, strategy.getByLabel('Due'), 3);
  await typeDate(page, due);
}

/** Creates the case from the New case dialog: the child who displayed HSB, then the child harmed. */
async function createCase(page: Page, layout: Layout) {
  await tabTo(page, page.getByRole('button', { name: 'New case' }));
  await press(page, 'Enter');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.waitFor({ timeout: WAIT });
  await addChild(page, dialog, layout.learner);
  await addChild(page, dialog, layout.harmed);
  // The first child added displayed the behaviour, the second was harmed: the dialog's defaults.
  expect(
    await dialog
      .getByRole('group', { name: `Roles of ${layout.harmed}` })
      .getByRole('checkbox', { name: 'Child harmed' })
      .isChecked(),
  ).toBe(true);
  await tabTo(page, dialog.getByRole('button', { name: 'Create case' }));
  await press(page, 'Enter');
}

/** From the case just created, opens the risk assessment of the child who displayed HSB. */
async function openRiskAssessment(page: Page, layout: Layout) {
  const open = layout.panel
    ? page.getByRole('button', { name: `Open ${layout.learner}’s plan` })
    : page.getByRole('button', { name: `Open ${layout.learner}’s risk assessment` });
  await open.waitFor({ timeout: WAIT });
  await tabTo(page, open, 80);
  await press(page, 'Enter');
  await page.getByRole('heading', { level: 1, name: /^HSB-\d{4}-\d+$/ }).waitFor({ timeout: WAIT });
  // The side panel opens a plan in meeting mode, at the agenda's first step.
  if (layout.panel) await sectionHeading(page, 'Who is here').waitFor({ timeout: WAIT });
}

async function runMeeting(layout: Layout) {
  const page = await harness.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: layout.width, height: layout.height });
  await watchFocus(page);
  const journey = new KeyboardJourney(page, layout.panel);
  const step = journey.step.bind(journey);

  await step('open the tab', async () => {
    await page.goto(`${harness.server.url}/tab/${layout.panel ? '#/meeting' : ''}`);
    await page.getByText('Local mode').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'New case' }).waitFor({ timeout: WAIT });
    await tabTo(page, page.getByRole('button', { name: 'New case' }));
  });

  // From Create to the new case's title, focus is held by what says the case is being created and opened.
  await step(
    'create the case with two children',
    async () => {
      await createCase(page, layout);
      const title = layout.panel ? /^Case HSB-\d{4}-\d+$/ : /^Case HSB-\d{4}-\d+/;
      const heading = page.getByRole('heading', { level: 1, name: title });
      await heading.waitFor({ timeout: WAIT });
      await waitForFocus(page, heading);
    },
    { strictFocus: true },
  );

  await step('open the risk assessment', () => openRiskAssessment(page, layout));

  await step('the child’s and the parents’ views', async () => {
    if (layout.panel) await agendaTo(page, 'The child’s views and the parents’ views');
    else await openSection(page, layout, 'Views', 'above');
    await tabTo(page, page.getByRole('textbox', { name: 'The learner’s views' }));
    await type(page, VIEWS.learner);
    await tabTo(page, page.getByRole('textbox', { name: 'Parents’ or carers’ views' }), 5);
    await type(page, VIEWS.parents);
  });

  await step('open the risks', () => goTo(page, layout, 'Risks by context', 'Risks by context'));
  await step('the first context, its risk and a strategy', () => addContext(page, 0));
  await step('the second context, its risk and a strategy', () => addContext(page, 1));

  await step('remove a strategy, then Undo', () => removeAndUndo(page));
  await step('an owner from the directory, with a due date', () => assignOwner(page));

  await step('the decision and its reasons', async () => {
    await goTo(page, layout, 'Decision', 'The decision');
    const first = page.getByRole('checkbox').first();
    await tabTo(page, first);
    await press(page, 'Space');
    await tabTo(page, page.getByRole('textbox', { name: /^Why this decision was made/ }));
    await type(page, RATIONALE);
  });

  await step('the first review date', async () => {
    await goTo(page, layout, 'Review plan', 'The next review');
    await tabTo(page, page.locator('input[data-path="review.nextDue"]'));
    await typeDate(page, firstReview);
    await saved(page);
  });

  await step('make it active', async () => {
    // Activation is not on the agenda: the sections are one toggle away.
    if (layout.panel) await leaveMeetingMode(page);
    await openSection(page, layout, 'Make active', layout.panel ? 'above' : 'below');
    await tabTo(page, page.getByRole('button', { name: 'Make active' }));
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Make this assessment active?' });
    await dialog.waitFor({ timeout: WAIT });
    await tabTo(page, dialog.getByRole('button', { name: 'Make active' }), 10);
    await press(page, 'Enter');
    await dialog.waitFor({ state: 'detached', timeout: WAIT });
    await sectionHeading(page, 'Review and close').waitFor({ timeout: WAIT });
  });

  await step(
    'reload',
    async () => {
      await saved(page);
      await page.reload();
      if (layout.panel) await openRiskAssessment(page, layout);
      await page.getByRole('heading', { level: 1, name: /^HSB-\d{4}-\d+$/ }).waitFor({ timeout: WAIT });
    },
    { focusElsewhere: true },
  );

  await step('everything survived the reload', async () => {
    if (layout.panel) await leaveMeetingMode(page);
    await openSection(page, layout, 'Views', 'above');
    expect(await page.getByRole('textbox', { name: 'The learner’s views' }).inputValue()).toBe(VIEWS.learner);
    expect(await page.getByRole('textbox', { name: 'Parents’ or carers’ views' }).inputValue()).toBe(
      VIEWS.parents,
    );
    await openSection(page, layout, 'Risks by context');
    const cards = page.locator('[data-risk-id]');
    expect(await cards.count()).toBe(2);
    for (const [n, c] of CONTEXTS.entries()) {
      const card = cards.nth(n);
      expect(await card.getByRole('textbox', { name: 'The risk' }).inputValue()).toBe(c.risk);
      expect(await card.getByRole('textbox', { name: 'Strategy 1' }).inputValue()).toBe(c.strategy);
      await card.getByText(new RegExp(`\\(${c.likelihood} × ${c.impact}\\)`)).waitFor();
    }
    const owned = cards.nth(1).getByRole('group', { name: 'Strategy 1' });
    expect(await owned.getByRole('combobox', { name: 'Who' }).inputValue()).toBe(OWNER.name);
    expect(dateShown(due)).toContain(await owned.getByLabel('Due').inputValue());
    await openSection(page, layout, 'Decision');
    expect(await page.getByRole('textbox', { name: /^Why this decision was made/ }).inputValue()).toBe(
      RATIONALE,
    );
    expect(await page.getByRole('checkbox').first().isChecked()).toBe(true);
  });

  // The owner was told once, in the local outbox, by case reference: never a child's name.
  const caseRef = ((await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '').trim();
  const outbox = (await (await fetch(`${harness.server.url}/api/notifications/outbox`)).json()) as {
    items: { to: { displayName: string }; caseRef: string; text: string }[];
  };
  const told = outbox.items.filter((n) => n.caseRef === caseRef);
  expect(told.map((n) => n.to.displayName)).toEqual([OWNER.name]);
  for (const part of [...layout.learner.split(' '), ...layout.harmed.split(' ')]) {
    expect(JSON.stringify(told)).not.toContain(part);
  }

  await step('record a review', async () => {
    await openSection(page, layout, 'Review and close');
    await tabTo(page, page.getByRole('textbox', { name: /^Changes in behaviour since the last review/ }));
    await type(page, REVIEW);
    await tabTo(page, page.getByRole('button', { name: 'Save review' }), 40);
    await press(page, 'Enter');
    await page.getByText(/^Review saved\./).waitFor({ timeout: WAIT });
    await page.getByRole('list', { name: 'Reviews so far' }).getByText(REVIEW).waitFor({ timeout: WAIT });
  });

  expect(errors).toEqual([]);
  await page.close();
  return journey.log;
}

describe('the meeting, keyboard only', () => {
  it(
    'runs the whole meeting in the channel tab at 1366 × 900',
    async () => {
      await runMeeting(wide);
    },
    15 * 60_000,
  );

  it(
    'runs the whole meeting in the meeting side panel at 320 × 800',
    async () => {
      await runMeeting(panel);
    },
    15 * 60_000,
  );
});

// The checks must be able to fail: each is shown a page with the fault it looks for.
const faulty = `<!doctype html><html lang="en"><head><title>Keyboard checks</title></head><body><main>
<button id="gone">Remove me</button>
<button id="moves">Remove me and go on</button>
<button id="next">Next</button>
<button id="repaired">Remove me, focus comes back</button>
<div style="height:1200px"></div>
<input id="under" aria-label="Under the bar">
<div style="position:fixed;bottom:0;left:0;right:0;height:80px;background:#fff">A fixed bar</div>
<div style="width:900px">A wide row</div>
</main><script>
document.getElementById('gone').addEventListener('click', (e) => e.target.remove());
for (const id of ['moves', 'repaired']) {
  document.getElementById(id).addEventListener('click', (e) => {
    e.target.remove();
    setTimeout(() => document.getElementById('next').focus(), 150);
  });
}
</script></body></html>`;

describe('the keyboard checks', () => {
  let page: Page;
  let journey: KeyboardJourney;
  beforeAll(async () => {
    page = await harness.context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.route('**/keyboard-checks', (route) =>
      route.fulfill({ contentType: 'text/html', body: faulty }),
    );
    await watchFocus(page);
    await page.goto(`${harness.server.url}/keyboard-checks`);
    journey = new KeyboardJourney(page, true);
  });
  afterAll(() => page?.close());

  it('report focus that falls to <body> and stays there, naming what had it', async () => {
    const step = journey.step('remove', async () => {
      await tabTo(page, page.locator('#gone'));
      await press(page, 'Enter');
      await page.locator('#gone').waitFor({ state: 'detached' });
    });
    await expect(step).rejects.toThrow(
      /"from": "button \\"Remove me\\""[\s\S]*"focus": "focus is on <body>"/,
    );
  });

  it('accept focus the app moves on by itself, but not a page that scrolls sideways in the panel', async () => {
    const step = journey.step('remove and go on', async () => {
      await tabTo(page, page.locator('#moves'));
      await press(page, 'Enter');
      await waitForFocus(page, page.locator('#next'));
    });
    await expect(step).rejects.toThrow(/"focusLosses": \[\],\s+"focus": null,[\s\S]*"overflow": [1-9]/);
  });

  it('in a strict step, report a fall to <body> even when the app repairs it', async () => {
    const step = journey.step(
      'remove and come back',
      async () => {
        await tabTo(page, page.locator('#repaired'));
        await press(page, 'Enter');
        await waitForFocus(page, page.locator('#next'));
      },
      { strictFocus: true },
    );
    await expect(step).rejects.toThrow(/"from": "button \\"Remove me, focus comes back\\""/);
  });

  it('report a focused control drawn under another element', async () => {
    await tabTo(page, page.locator('#under'));
    await page.evaluate("document.getElementById('under').scrollIntoView({ block: 'end' })");
    expect(await focusObstruction(page)).toMatch(/^covered at \(\d+, \d+\) by div/);
  });
});
