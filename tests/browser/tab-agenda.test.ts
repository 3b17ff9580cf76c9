import type { Page } from 'playwright-core';
import {
  focusCoveredBySticky,
  isFocused,
  openPage,
  seriousViolations,
  startTabHarness,
  tabTo,
  type TabHarness,
  callApi,
} from './helpers/tab-browser.js';
import { waitUntil } from './helpers/keyboard-keys.js';

// Meeting mode in the meeting side panel, 320 px wide, walked by keyboard alone.
const LEARNER = 'Agatha Pennyworth';
const HARMED = 'Bartholomew Ixworth';
const NARROW = 320;

let harness: TabHarness;
let caseId = '';
let riskId = '';

const api = (method: string, path: string, body?: unknown, etag?: string) =>
  callApi(harness, method, path, body, etag);

async function plan(): Promise<{ plan: Record<string, any>; etag: string }> {
  const res = await api('GET', `/api/assessments/${riskId}`);
  return { plan: (await res.json()) as Record<string, any>, etag: res.headers.get('etag')! };
}

beforeAll(async () => {
  harness = await startTabHarness();
  const created = await api('POST', '/api/cases', {
    participants: [
      { child: { name: LEARNER, yearGroup: 'Year 8' }, roles: ['displayedHsb'] },
      { child: { name: HARMED, yearGroup: 'Year 8' }, roles: ['harmed'] },
    ],
  });
  expect(created.status).toBe(201);
  const kase = (await created.json()) as { id: string; participants: { assessmentId: string }[] };
  caseId = kase.id;
  riskId = kase.participants[0]!.assessmentId;
  const { plan: current, etag } = await plan();
  const saved = await api(
    'PUT',
    `/api/assessments/${riskId}`,
    {
      ...current,
      risks: [
        {
          context: 'classroom',
          description: 'Sits near the other child in science.',
          likelihood: 2,
          impact: 2,
          strategies: [{ action: 'Seating plan with the class apart', owner: 'Science teacher' }],
        },
        { context: 'online', description: 'Messages in a class group chat.', likelihood: 2, impact: 3 },
      ],
    },
    etag,
  );
  expect(saved.status).toBe(200);
});
afterAll(() => harness?.close());

async function expectCalm(page: Page, view: string): Promise<void> {
  const width = (await page.evaluate('document.scrollingElement.scrollWidth')) as number;
  expect({ view, width: width <= NARROW }).toEqual({ view, width: true });
  expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
}

/** Focus is somewhere on the page, never dropped to <body>, and nothing sticky covers it. */
async function expectFocusKept(page: Page, view: string): Promise<void> {
  const onBody = await page.evaluate('document.activeElement === document.body || !document.activeElement');
  expect({ view, onBody }).toEqual({ view, onBody: false });
  expect({ view, covered: await focusCoveredBySticky(page) }).toEqual({ view, covered: null });
}

describe('meeting mode in the side panel, 320 px, keyboard only', () => {
  it('walks the agenda step by step, one context at a time, and what was typed is saved', async () => {
    const { page, errors } = await openPage(harness, `/tab/#/meeting/${caseId}`);
    await page.setViewportSize({ width: NARROW, height: 700 });
    const key = (k: string) => page.keyboard.press(k);
    const heading = page.locator('#section-title');

    await tabTo(page, page.getByRole('button', { name: `Open ${LEARNER}’s plan` }));
    await key('Enter');
    await page.getByRole('heading', { level: 2, name: 'Who is here' }).waitFor();
    await expectCalm(page, 'agenda: who is here');

    // Next, by keyboard: focus lands on the new step's heading, so the next Tab goes into the step.
    const next = async (title: string | RegExp) => {
      await tabTo(page, page.getByRole('button', { name: /^Next: / }));
      await key('Enter');
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      await waitUntil(page, 'document.activeElement?.id === "section-title"');
      await expectFocusKept(page, String(title));
    };

    await next('The child’s views and the parents’ views');
    await tabTo(page, page.getByRole('textbox', { name: /the learner’s views/i }));
    await page.keyboard.type('Wants to stay in the same science set.');
    await tabTo(page, page.getByRole('textbox', { name: /parents’ or carers’ views/i }));
    await page.keyboard.type('Want the plan explained at home.');

    await next('Context 1 of 2: Classroom and lessons');
    expect(await page.locator('[data-risk-id]').count()).toBe(1);
    await expectCalm(page, 'agenda: context 1 of 2');

    await next('Context 2 of 2: Online and on devices');
    expect(await page.locator('[data-risk-id]').count()).toBe(1);
    const others = page
      .getByRole('group', { name: /who could be harmed/i })
      .getByRole('checkbox', { name: 'Other children' });
    await tabTo(page, others);
    await key('Space');
    expect(await others.isChecked()).toBe(true);
    await expectFocusKept(page, 'who could be harmed');

    await next('The decision');
    await next('Actions');
    await page.getByText('Seating plan with the class apart').waitFor();
    await expectCalm(page, 'agenda: actions');
    await next('The next review');
    expect(await page.getByRole('button', { name: /^Next: / }).count()).toBe(0);

    // Back by keyboard too: Previous also takes focus to the heading.
    await tabTo(page, page.getByRole('button', { name: /^Previous: / }), 60, 'Shift+Tab');
    await key('Enter');
    await page.getByRole('heading', { level: 2, name: 'Actions' }).waitFor();
    expect(await isFocused(heading)).toBe(true);

    await page.getByText(/^Saved \d\d:\d\d$/).waitFor();
    const { plan: saved } = await plan();
    expect(saved.views).toEqual({
      learner: 'Wants to stay in the same science set.',
      parentsCarers: 'Want the plan explained at home.',
    });
    expect(saved.risks.map((r: { affects: string[] }) => r.affects)).toEqual([[], ['others']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens at a step from its address in the channel tab, with the sections where the meeting was one toggle away', async () => {
    const { page, errors } = await openPage(harness, `/tab/#/assessments/${riskId}/agenda/actions`);
    await page.getByRole('heading', { level: 2, name: 'Actions' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Agenda' })
      .getByText(/^Agenda: step 6 of 7, \d done$/)
      .waitFor();
    expect({ view: 'agenda, wide', violations: await seriousViolations(page) }).toEqual({
      view: 'agenda, wide',
      violations: [],
    });
    const toggle = page.getByRole('button', { name: 'Meeting mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await tabTo(page, toggle, 80, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('tablist', { name: 'Sections of the assessment' }).waitFor();
    // The sections open where the meeting was: the actions are the strategies, under the risks.
    expect(page.url()).toMatch(new RegExp(`/tab/#/assessments/${riskId}/risks$`));
    await page.getByRole('heading', { level: 2, name: 'Risks by context' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
