import type { Page } from 'playwright-core';
import {
  isFocused,
  launchChromium,
  openPage,
  seriousViolations,
  startTabHarness,
  type TabHarness,
  callApi,
} from './helpers/tab-browser.js';

// The meeting side panel is 320 px wide: nothing in it may scroll sideways, in any section of a plan.
const NARROW = 320;

let harness: TabHarness;
let caseId = '';
let riskId = '';

const api = (method: string, path: string, body?: unknown, etag?: string) =>
  callApi(harness, method, path, body, etag);

async function plan(id: string): Promise<Record<string, unknown>> {
  return (await (await api('GET', `/api/assessments/${id}`)).json()) as Record<string, unknown>;
}

/** Reads a plan and writes it back changed, as the editor would. */
async function editPlan(id: string, change: (plan: Record<string, unknown>) => Record<string, unknown>) {
  const current = await api('GET', `/api/assessments/${id}`);
  const body = (await current.json()) as Record<string, unknown>;
  const saved = await api('PUT', `/api/assessments/${id}`, change(body), current.headers.get('etag')!);
  expect({ status: saved.status, body: saved.status === 200 ? null : await saved.text() }).toEqual({
    status: 200,
    body: null,
  });
}

beforeAll(async () => {
  harness = await startTabHarness();
  const created = await api('POST', '/api/cases', {
    participants: [
      { child: { name: 'Tamsin Orchard', yearGroup: 'Year 9' }, roles: ['displayedHsb'] },
      { child: { name: 'Rufus Pemberton', yearGroup: 'Year 9' }, roles: ['harmed'] },
    ],
  });
  expect(created.status).toBe(201);
  const kase = (await created.json()) as { id: string; participants: { assessmentId: string }[] };
  caseId = kase.id;
  riskId = kase.participants[0]!.assessmentId;
  // An incident on the case (a plan shows its case's incidents) and a plan with something in every
  // list, so each section is measured with its rows drawn.
  const kaseNow = await api('GET', `/api/cases/${caseId}`);
  const kaseBody = (await kaseNow.json()) as Record<string, unknown>;
  const incident = {
    id: 'inc1',
    date: '2026-02-02',
    location: 'Corridor by the science labs',
    hackettLevel: 'problematic',
    description: 'Touching over clothing while queuing.',
  };
  const put = await api(
    'PUT',
    `/api/cases/${caseId}`,
    { ...kaseBody, incidents: [incident] },
    kaseNow.headers.get('etag')!,
  );
  expect({ status: put.status, body: put.status === 200 ? null : await put.text() }).toEqual({
    status: 200,
    body: null,
  });
  await editPlan(riskId, (p) => ({
    ...p,
    meeting: {
      date: '2026-02-04',
      attendees: [
        { name: 'Mrs Khan', role: 'Designated safeguarding lead' },
        { name: 'Mr Oluwaseun Adebayo-Fitzgerald', role: 'Head of Year 9', organisation: 'Hillside School' },
      ],
    },
    risks: [
      {
        context: 'corridors',
        description: 'Contact during unsupervised changeovers.',
        likelihood: 3,
        impact: 2,
        strategies: [
          {
            action: 'Leaves lessons two minutes early with a key adult.',
            owner: 'Head of Year 9',
            startDate: '2026-02-05',
          },
        ],
      },
    ],
    sharing: [
      {
        audience: 'staff',
        who: 'Form tutor, head of year, PE department and the school nurse',
        informedOn: '2026-02-05',
      },
    ],
  }));
});
afterAll(() => harness?.close());

/** The page is no wider than the panel, and no element reaches past its edges. */
async function expectFits(page: Page, view: string): Promise<void> {
  const found = (await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Visually hidden live regions (Fluent's Toaster announcer: 1 × 1 px, margin -1px, clipped)
      // are never seen and cannot scroll the page.
      if (r.width <= 1 && r.height <= 1 && getComputedStyle(el).position === 'absolute') continue;
      if (r.right > width + 0.5 || r.left < -0.5)
        wide.push(el.tagName.toLowerCase() + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' ' +
          (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40));
    }
    return { scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 5) };
  })()`)) as { scrollWidth: number; wide: string[] };
  expect({ view, ...found }).toEqual({ view, scrollWidth: found.scrollWidth, wide: [] });
  expect({ view, fits: found.scrollWidth <= NARROW }).toEqual({ view, fits: true });
}

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
}

/** Every section of the plan open in the panel, chosen from its section list. */
/** The side panel opens a risk assessment in meeting mode (the agenda); these checks walk its sections. */
async function leaveMeetingMode(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Meeting mode' });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
  await page.getByRole('combobox', { name: 'Section' }).waitFor();
}

async function everySection(page: Page, plan: string): Promise<string[]> {
  const menu = page.getByRole('combobox', { name: 'Section' });
  const sections = await menu
    .locator('option')
    .evaluateAll((os) => os.map((o) => [o.getAttribute('value') ?? '', o.textContent ?? ''] as const));
  for (const [value, title] of sections) {
    await menu.selectOption(value);
    await page.getByRole('heading', { level: 2, name: title.replace(/ \(\d+ to check\)$/, '') }).waitFor();
    await expectFits(page, `${plan}: ${title}`);
    await expectNoSeriousViolations(page, `${plan}: ${title}`);
  }
  return sections.map(([, title]) => title);
}

describe('the meeting side panel at 320 px', () => {
  it('fits every section of both children’s plans, with no sideways scroll and no axe violation', async () => {
    const { page, errors } = await openPage(harness, `/tab/#/meeting/${caseId}`);
    await page.setViewportSize({ width: NARROW, height: 800 });
    await page.getByRole('list', { name: 'Children in this case' }).waitFor();
    await expectFits(page, 'the case');
    await expectNoSeriousViolations(page, 'the case');

    await page.getByRole('button', { name: 'Open Tamsin Orchard’s plan' }).click();
    await leaveMeetingMode(page);
    const seen = await everySection(page, 'risk assessment');
    expect(seen).toEqual(expect.arrayContaining(['Incidents', 'The meeting', 'Risks by context', 'Sharing']));

    await page.getByRole('button', { name: 'Back to the case' }).click();
    await page.getByRole('button', { name: 'Open Rufus Pemberton’s plan' }).click();
    await page.getByRole('button', { name: 'Back to the case' }).waitFor();
    await everySection(page, 'support plan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says Remove on attendee and sharing rows, naming each briefly; the calendar fits the panel', async () => {
    const { page } = await openPage(harness, `/tab/#/meeting/${caseId}`);
    await page.setViewportSize({ width: NARROW, height: 800 });
    await page.getByRole('button', { name: 'Open Tamsin Orchard’s plan' }).click();
    await leaveMeetingMode(page);
    const menu = page.getByRole('combobox', { name: 'Section' });
    await menu.selectOption('meeting');
    const attendees = page.getByRole('table', { name: 'Attendees' });
    const khan = attendees.getByRole('button', { name: 'Remove Mrs Khan' });
    expect(await khan.innerText()).toBe('Remove');
    const long = attendees.getByRole('button', { name: /^Remove Mr Oluwaseun/ });
    expect(await long.innerText()).toBe('Remove');

    // The calendar opens from the keyboard, fits the panel, and gives focus back when closed.
    const date = page.getByRole('combobox', { name: 'Date of the meeting' });
    await date.focus();
    await page.keyboard.press('ArrowDown');
    const calendar = page.getByRole('dialog', { name: 'Calendar' });
    await calendar.waitFor();
    await expectFits(page, 'the calendar open');
    await expectNoSeriousViolations(page, 'the calendar open');
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await isFocused(date)).toBe(true);

    await menu.selectOption('sharing');
    const shared = page.getByRole('table', { name: 'Shared with' });
    const remove = shared.getByRole('button', { name: /^Remove Form tutor/ });
    expect(await remove.innerText()).toBe('Remove');
    // Named briefly: not the whole entry.
    const name = await remove.getAttribute('aria-label');
    expect(name!.length).toBeLessThanOrEqual(40);
    expect(name).not.toContain('school nurse');
    await page.close();
  });
});

describe('the channel tab', () => {
  it('fits the case, the child and the dashboard at 320 px too', async () => {
    const kase = (await (await api('GET', `/api/cases/${caseId}`)).json()) as {
      participants: { childId: string }[];
    };
    const pages = [
      ['dashboard', '/tab/', (p: Page) => p.getByRole('table', { name: 'Cases' })],
      ['case', `/tab/#/cases/${caseId}`, (p: Page) => p.getByRole('list', { name: 'Chronology' })],
      [
        'child',
        `/tab/#/children/${kase.participants[0]!.childId}`,
        (p: Page) => p.getByRole('heading', { level: 2, name: 'Plans' }),
      ],
    ] as const;
    for (const [view, path, ready] of pages) {
      const { page } = await openPage(harness, path);
      await page.setViewportSize({ width: NARROW, height: 800 });
      await ready(page).waitFor();
      await expectFits(page, view);
      await page.close();
    }
  });

  it('lists the sections down one edge, and puts Hackett’s description under both placement fields', async () => {
    const { page } = await openPage(harness, `/tab/#/assessments/${riskId}`);
    await page.getByRole('tab', { name: 'Incidents' }).click();
    const starts = await page
      .getByRole('tablist', { name: 'Sections of the assessment' })
      .locator('.fui-Tab__content:not(.fui-Tab__content--reserved-space)')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
    expect(starts.length).toBeGreaterThan(5);
    expect(new Set(starts).size).toBe(1);

    const hackett = page.getByRole('combobox', { name: /Hackett’s continuum/ });
    await hackett.waitFor();
    const about = await hackett.getAttribute('aria-describedby');
    const description = page.locator(`[id="${about!.split(' ').at(-1)}"]`);
    expect(await description.innerText()).toMatch(/developmentally unusual/);
    const box = (await hackett.boundingBox())!;
    const brook = (await page.getByRole('combobox', { name: /Brook Traffic Light/ }).boundingBox())!;
    const text = (await description.boundingBox())!;
    // Side by side at this width, with the description straight under them across the card.
    expect(Math.abs(brook.y - box.y)).toBeLessThan(2);
    expect(text.y - (box.y + box.height)).toBeLessThan(16);
    expect(text.width).toBeGreaterThan(brook.x + brook.width - box.x);
    await page.close();
  });
});

describe('the calendar inside a dialog', () => {
  it('chooses a day from the keyboard and gives focus back to the box, the dialog still open', async () => {
    const kase = (await (await api('GET', `/api/cases/${caseId}`)).json()) as {
      participants: { childId: string }[];
    };
    const { page } = await openPage(harness, `/tab/#/children/${kase.participants[0]!.childId}`);
    await page.getByRole('button', { name: 'Transfer the child-protection file' }).click();
    const dialog = page.getByRole('dialog', { name: /Transfer/ });
    const date = dialog.getByRole('combobox', { name: 'Date sent' });
    await date.waitFor();
    const today = await date.inputValue();
    expect(today).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    await date.focus();
    await page.keyboard.press('ArrowDown');
    const calendar = page.getByRole('dialog', { name: 'Calendar' });
    await calendar.waitFor();
    expect(await calendar.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await isFocused(date)).toBe(true);
    expect(await dialog.isVisible()).toBe(true);
    const [d, m, y] = today.split('/').map(Number) as [number, number, number];
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    expect(await date.inputValue()).toBe(yesterday.split('-').reverse().join('/'));
    await page.close();
  });
});

describe('dates in a browser set to US English', () => {
  it('shows and takes day/month/year, one Tab stop per date', async () => {
    const us = await launchChromium({ locale: 'en-US', timezoneId: 'America/New_York' });
    try {
      const page = await us.context.newPage();
      await page.goto(`${harness.server.url}/tab/#/assessments/${riskId}`);
      expect(await page.evaluate('navigator.language')).toBe('en-US');
      await page.getByRole('tab', { name: 'Incidents' }).click();
      await page.getByRole('heading', { level: 3, name: 'Incident 1 (2 Feb 2026)' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Date' }).inputValue()).toBe('02/02/2026');

      await page.getByRole('tab', { name: 'The meeting' }).click();
      const date = page.getByRole('combobox', { name: 'Date of the meeting' });
      expect(await date.inputValue()).toBe('04/02/2026');
      await date.fill('5/3/2026');
      await date.press('Tab');
      // One Tab from the date goes on to the next field: the calendar is not a Tab stop of its own.
      expect(await isFocused(page.getByRole('combobox', { name: 'Parents or carers took part' }))).toBe(true);
      expect(await date.inputValue()).toBe('05/03/2026');
      await page.getByText(/^Saved \d\d:\d\d$/).waitFor();
      expect(((await plan(riskId)).meeting as { date: string }).date).toBe('2026-03-05');

      // Text that is not a date stays, with its message, and the saved date is kept.
      await date.fill('31/02/2026');
      await date.press('Tab');
      await page.getByText(/not a date this field can read/).waitFor();
      expect(await date.inputValue()).toBe('31/02/2026');
      expect(((await plan(riskId)).meeting as { date: string }).date).toBe('2026-03-05');
    } finally {
      await us.close();
    }
  });
});
