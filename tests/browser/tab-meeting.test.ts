import type { Page } from 'playwright-core';
import {
  openPage,
  seriousViolations,
  startTabHarness,
  type TabHarness,
  callApi,
} from './helpers/tab-browser.js';

// Canary names and private words: none may reach the stage, in the page or in any response it gets.
const LEARNER = 'Zebedee Quarrington';
const HARMED = 'Philippa Nightingale';
const PRIVATE = ['library office', 'Mrs Okafor', 'move him to another class', 'Only her form tutor'];
const NARROW = 320;

let harness: TabHarness;
let caseId = '';
let caseRef = '';
let riskId = '';
let supportId = '';

const api = (method: string, path: string, body?: unknown, etag?: string) =>
  callApi(harness, method, path, body, etag);

/** Reads a plan and writes it back changed, as the editor would. */
async function editPlan(id: string, change: (plan: Record<string, unknown>) => Record<string, unknown>) {
  const current = await api('GET', `/api/assessments/${id}`);
  const plan = (await current.json()) as Record<string, unknown>;
  const saved = await api('PUT', `/api/assessments/${id}`, change(plan), current.headers.get('etag')!);
  expect(saved.status).toBe(200);
}

beforeAll(async () => {
  harness = await startTabHarness();
  const created = await api('POST', '/api/cases', {
    participants: [
      { child: { name: LEARNER, yearGroup: 'Year 9' }, roles: ['displayedHsb'] },
      { child: { name: HARMED, yearGroup: 'Year 9' }, roles: ['harmed'] },
    ],
  });
  expect(created.status).toBe(201);
  const kase = (await created.json()) as {
    id: string;
    caseRef: string;
    participants: { assessmentId: string }[];
  };
  caseId = kase.id;
  caseRef = kase.caseRef;
  riskId = kase.participants[0]!.assessmentId;
  supportId = kase.participants[1]!.assessmentId;

  await editPlan(riskId, (plan) => ({
    ...plan,
    risks: [
      {
        context: 'classroom',
        description: `${LEARNER} sat next to ${HARMED} in maths.`,
        likelihood: 2,
        impact: 2,
        strategies: [
          { action: 'Zebedee sits at the front; Philippa keeps her usual seat.', owner: 'Maths teacher' },
        ],
      },
    ],
  }));
  await editPlan(supportId, (plan) => ({
    ...plan,
    supportPlan: {
      viewsAndWishes: 'She asked us to move him to another class.',
      wantsTold: 'Only her form tutor.',
      safeSpaces: 'The library office at break.',
      trustedAdults: 'Mrs Okafor',
      adjustments: 'Philippa may leave lessons five minutes early.',
      contactWithOtherChild: 'Zebedee and Philippa are not to be in the same room.',
      measures: [],
    },
  }));
});
afterAll(() => harness?.close());

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ view, violations }).toEqual({ view, violations: [] });
}

async function expectNoHorizontalScroll(page: Page, view: string): Promise<void> {
  const width = (await page.evaluate('document.scrollingElement.scrollWidth')) as number;
  expect({ view, width: width <= NARROW }).toEqual({ view, width: true });
}

/** The stage page and everything it downloaded hold no child's name and nothing private. */
async function expectNothingOfAChild(page: Page, bodies: string[]): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const leak of ['Zebedee', 'Quarrington', 'Philippa', 'Nightingale', 'Year 9', 'maths.', ...PRIVATE]) {
    expect(text).not.toContain(leak);
    expect(bodies.join('\n')).not.toContain(leak);
  }
}

describe('the meeting side panel and the stage, 320 px wide (local mode)', () => {
  it('links a case, opens a child’s plan, shares it to the stage, with no horizontal scroll', async () => {
    const { page, errors } = await openPage(harness, '/tab/#/meeting');
    await page.setViewportSize({ width: NARROW, height: 800 });
    await page.getByRole('heading', { name: 'Link a case to this meeting' }).waitFor();
    await page.getByRole('list', { name: 'Open cases' }).waitFor();
    await expectNoHorizontalScroll(page, 'case picker');
    await expectNoSeriousViolations(page, 'meeting panel: link a case');

    await page.getByRole('button', { name: `Link ${caseRef}` }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${caseRef}` }).waitFor();
    const children = page.getByRole('list', { name: 'Children in this case' });
    await children.getByRole('listitem').filter({ hasText: HARMED }).getByText('Child harmed').waitFor();
    await children.getByRole('listitem').filter({ hasText: HARMED }).getByText('Support plan').waitFor();
    // Outside Teams the link is the address: the case id, never a name.
    expect(page.url()).toMatch(new RegExp(`/tab/#/meeting/${caseId}$`));
    await expectNoHorizontalScroll(page, 'meeting panel: the case');
    await expectNoSeriousViolations(page, 'meeting panel: the case');

    await page.getByRole('button', { name: `Open ${LEARNER}’s plan` }).click();
    await page.getByRole('button', { name: 'Back to the case' }).waitFor();
    await page.getByRole('heading', { level: 1, name: new RegExp(caseRef) }).waitFor();
    // The panel opens the plan in meeting mode; its one context is two steps on. Measured once the
    // classroom context and its strategy are drawn.
    await page.getByRole('heading', { level: 2, name: 'Who is here' }).waitFor();
    await page.getByRole('button', { name: 'Next: Views' }).click();
    await page.getByRole('button', { name: /^Next: / }).click();
    await page.getByRole('heading', { level: 2, name: /^Context 1 of 1: / }).waitFor();
    await page.locator('[data-risk="classroom"]').getByRole('group', { name: 'Strategy 1' }).waitFor();
    await expectNoHorizontalScroll(page, 'meeting panel: the plan');
    await expectNoSeriousViolations(page, 'meeting panel: the plan');

    await page.getByRole('button', { name: 'Share to stage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share the plan to the meeting stage?' });
    await dialog.getByText(/including guests and people from outside your organisation/).waitFor();
    await expectNoSeriousViolations(page, 'share to stage dialog');
    const [popup] = await Promise.all([
      harness.context.waitForEvent('page'),
      dialog.getByRole('button', { name: 'Share to everyone' }).click(),
    ]);
    await popup.waitForURL(new RegExp(`/tab/#/stage/${riskId}$`));
    await popup.getByTestId('stage-view').getByText('Maths teacher').waitFor();
    await popup.close();

    await page.getByRole('button', { name: 'Back to the case' }).click();
    await children.waitFor();
    const storage = await page.evaluate('JSON.stringify([localStorage, sessionStorage])');
    expect(storage).toBe('[{},{}]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the plan discussed on the stage with every child by label, and nothing private', async () => {
    const { page, bodies, errors } = await openPage(harness, `/tab/#/stage/${riskId}`);
    await page.setViewportSize({ width: NARROW, height: 800 });
    const stage = page.getByTestId('stage-view');
    await stage.getByText('Maths teacher').waitFor();
    await stage.getByText('Child A sits at the front; Child B keeps her usual seat.').waitFor();
    await expectNothingOfAChild(page, bodies);
    await expectNoHorizontalScroll(page, 'stage: risk assessment');
    await expectNoSeriousViolations(page, 'stage: risk assessment');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows only the agreed arrangements of a support plan on the stage', async () => {
    const { page, bodies } = await openPage(harness, `/tab/#/stage/${supportId}`);
    await page.setViewportSize({ width: NARROW, height: 800 });
    const stage = page.getByTestId('stage-view');
    await stage.getByText('Child B may leave lessons five minutes early.').waitFor();
    await stage.getByText('Child A and Child B are not to be in the same room.').waitFor();
    await expectNothingOfAChild(page, bodies);
    await expectNoHorizontalScroll(page, 'stage: support plan');
    await expectNoSeriousViolations(page, 'stage: support plan');
    await page.close();
  });

  it('shows the case on the stage with no child’s name', async () => {
    const { page, bodies } = await openPage(harness, `/tab/#/cases/${caseId}/stage`);
    await page.setViewportSize({ width: NARROW, height: 800 });
    const stage = page.getByTestId('stage-view');
    await stage.getByRole('heading', { level: 1, name: `Case ${caseRef}` }).waitFor();
    await stage.getByText('Child B').waitFor();
    await expectNothingOfAChild(page, bodies);
    await expectNoHorizontalScroll(page, 'stage: case');
    await expectNoSeriousViolations(page, 'stage: case');
    await page.close();
  });
});
