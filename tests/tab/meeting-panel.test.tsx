/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Assessment } from '../../core/index.js';
import { ApiClient } from '../../tab/src/api/api-client';
import { startRoute } from '../../tab/src/app/start-route';
import { MeetingPanel } from '../../tab/src/meeting/meeting-panel';
import { ServiceApi } from './support/fake-api';
import { fakeHost } from './support/fake-host';
import { json, scriptedFetch, type Sent } from './support/http';

const CASE = '99999999-9999-4999-8999-999999999999';
const OTHER_CASE = '88888888-8888-4888-8888-888888888888';
const SAM = '11111111-1111-4111-8111-111111111111';
const RIA = '22222222-2222-4222-8222-222222222222';
const WREN = '33333333-3333-4333-8333-333333333333';
const SUPPORT = '55555555-5555-4555-8555-555555555555';
const SAM_NAME = 'Samwise Quarrington';
const RIA_NAME = 'Ria Nightingale';
const WREN_NAME = 'Wren Abernethy';

const theCase = (plan: string) => ({
  id: CASE,
  createdAt: 'x',
  updatedAt: 'x',
  version: 3,
  caseRef: 'HSB-2026-7',
  status: 'open',
  labelsIssued: 3,
  participants: [
    { childId: SAM, roles: ['displayedHsb'], label: 'Child A', assessmentId: plan },
    { childId: RIA, roles: ['harmed'], label: 'Child B', assessmentId: SUPPORT },
    { childId: WREN, roles: ['witness'], label: 'Child C' },
  ],
  incidents: [],
  agencies: { referrals: [], cscStatus: 'none', police: { agreedSharing: [] }, specialistAssessment: 'none' },
});

const children: Record<string, { name: string; yearGroup: string }> = {
  [SAM]: { name: SAM_NAME, yearGroup: 'Year 9' },
  [RIA]: { name: RIA_NAME, yearGroup: 'Year 8' },
  [WREN]: { name: WREN_NAME, yearGroup: 'Year 8' },
};

let service: ServiceApi;
let plan: Assessment;
beforeEach(async () => {
  window.localStorage.clear();
  service = new ServiceApi();
  ({ record: plan } = await service.create({ learner: { name: SAM_NAME, yearGroup: 'Year 9' } }));
});
afterEach(() => service.close());

const row = (id: string, kind: string, status: string, caseId: string | null, childId: string) => ({
  id,
  kind,
  caseId,
  childId,
  caseRef: 'HSB-2026-7',
  status,
  learnerName: children[childId]!.name,
  yearGroup: null,
  overallRisk: null,
  nextDue: null,
  updatedAt: 'x',
  overdue: false,
});

/** The server as the panel meets it: the case, its children, the plan summaries and one full plan. */
function server(caseIdOfPlan: string | null = CASE) {
  return scriptedFetch((req: Sent) => {
    const url = req.url;
    if (url === '/api/cases?status=open') {
      return json(200, {
        items: [
          {
            id: CASE,
            caseRef: 'HSB-2026-7',
            status: 'open',
            updatedAt: 'x',
            participants: theCase(plan.id).participants.map(({ childId, roles, label }) => ({
              childId,
              roles,
              label,
            })),
          },
          { id: OTHER_CASE, caseRef: 'HSB-2026-8', status: 'open', updatedAt: 'x', participants: [] },
        ],
      });
    }
    if (url === `/api/cases/${CASE}`) return json(200, theCase(plan.id), { ETag: '"c3"' });
    const child = /^\/api\/children\/([0-9a-f-]+)$/.exec(url)?.[1];
    if (child && children[child]) return json(200, { id: child, ...children[child] }, { ETag: '"k1"' });
    if (url === '/api/assessments') {
      return json(200, {
        items: [
          row(plan.id, 'risk-assessment', 'active', caseIdOfPlan, SAM),
          row(SUPPORT, 'support-plan', 'draft', caseIdOfPlan, RIA),
        ],
      });
    }
    if (url === `/api/assessments/${plan.id}`) return json(200, plan, { ETag: '"p1"' });
    return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
}

function renderPanel(host: ReturnType<typeof fakeHost>['host'], fetch: typeof globalThis.fetch) {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <MeetingPanel api={new ApiClient({ getToken: async () => undefined, fetch })} host={host} />
    </FluentProvider>,
  );
}

/** Nothing about a child may be kept with the meeting or in the browser. */
function expectNothingOfAChildKept(saved: unknown, sent: Sent[]) {
  const kept = JSON.stringify([saved, { ...window.localStorage }, sent.map((r) => r.url)]);
  for (const leak of ['Samwise', 'Quarrington', 'Ria', 'Nightingale', 'Wren', 'Abernethy', 'Year']) {
    expect(kept).not.toContain(leak);
  }
}

describe('the meeting side panel', () => {
  it('links a case chosen from the open cases, keeping only its id and reference with the meeting', async () => {
    const fake = fakeHost({ configurable: true, context: { frame: 'sidePanel', entityId: 'meeting' } });
    const { fetch, sent } = server();
    renderPanel(fake.host, fetch);

    await userEvent.click(await screen.findByRole('button', { name: 'Link HSB-2026-7' }));
    await waitFor(() =>
      expect(fake.saved).toEqual([
        { entityId: `case:${CASE}`, route: '/meeting', suggestedDisplayName: 'HSB-2026-7' },
      ]),
    );

    const list = await screen.findByRole('list', { name: 'Children in this case' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(
        /^Samwise Quarrington \(Child A\), Year 9.*harmful sexual behaviour.*Risk assessment\s*Active/,
      ),
      expect.stringMatching(/^Ria Nightingale \(Child B\), Year 8Child harmed.*Support plan\s*Draft/),
      expect.stringMatching(/^Wren Abernethy \(Child C\), Year 8WitnessNo plan in this case\.$/),
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Case HSB-2026-7');
    expectNothingOfAChildKept(fake.saved, sent);
  });

  it('opens a child’s plan in the panel and goes back to the case', async () => {
    const fake = fakeHost({ context: { frame: 'sidePanel', entityId: `case:${CASE}` }, canShare: true });
    const { fetch, sent } = server();
    renderPanel(fake.host, fetch);

    await userEvent.click(await screen.findByRole('button', { name: `Open ${SAM_NAME}’s plan` }));
    await screen.findByRole('button', { name: 'Back to the case' });
    expect(sent.some((r) => r.url === `/api/assessments/${plan.id}`)).toBe(true);
    await userEvent.click(await screen.findByRole('button', { name: 'Share to stage' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Share to everyone', hidden: true }));
    await waitFor(() => expect(fake.shared).toEqual([`/stage/${plan.id}`]));

    // jsdom leaves Fluent's closed dialog aria-hidden (no layout for Tabster), hence `hidden: true`.
    await userEvent.click(screen.getByRole('button', { name: 'Back to the case', hidden: true }));
    expect(await screen.findByRole('list', { name: 'Children in this case', hidden: true })).toBeTruthy();
    expectNothingOfAChildKept(fake.saved, sent);
  });

  it('opens a plan’s agenda at the step a link names, with the way back to its case', async () => {
    const fake = fakeHost({ context: { frame: 'sidePanel', entityId: `case:${CASE}` } });
    const { fetch } = server();
    render(
      <FluentProvider theme={teamsLightTheme}>
        <MeetingPanel
          api={new ApiClient({ getToken: async () => undefined, fetch })}
          host={fake.host}
          plan={{ id: plan.id, step: 'decision' }}
        />
      </FluentProvider>,
    );

    expect(await screen.findByRole('heading', { name: 'The decision' })).toBeTruthy();
    // The address follows the panel, so that the panel reloaded opens where it was.
    const context = fake.host.context;
    await waitFor(() => expect(window.location.hash).toBe(`#/assessments/${plan.id}/agenda/decision`));
    expect(startRoute(context, window.location.hash)).toEqual({
      name: 'assessment',
      id: plan.id,
      agenda: true,
      section: 'decision',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Back to the case' }));
    expect(await screen.findByRole('list', { name: 'Children in this case' })).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe(`#/meeting/${CASE}`));
    expect(startRoute(context, window.location.hash)).toEqual({ name: 'meeting', id: CASE });
  });

  it('opens the case of the plan a meeting was linked to before cases, without reading the plan', async () => {
    const fake = fakeHost({ context: { frame: 'sidePanel', entityId: `assessment:${SUPPORT}` } });
    const { fetch, sent } = server();
    renderPanel(fake.host, fetch);

    expect(await screen.findByRole('heading', { name: 'Case HSB-2026-7' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: `Open ${RIA_NAME}’s plan` })).toBeTruthy();
    expect(sent.map((r) => r.url)).not.toContain(`/api/assessments/${SUPPORT}`);
    expect(fake.saved).toEqual([]);
  });

  it('opens an old link’s plan itself when the plan has no case', async () => {
    const fake = fakeHost({ context: { frame: 'sidePanel', entityId: `assessment:${plan.id}` } });
    const { fetch, sent } = server(null);
    renderPanel(fake.host, fetch);

    await waitFor(() => expect(sent.map((r) => r.url)).toContain(`/api/assessments/${plan.id}`));
    expect(screen.queryByRole('button', { name: 'Back to the case' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Link another case' })).toBeTruthy();
  });

  it('offers the case picker, with a clear message, when the linked plan is gone', async () => {
    const gone = '77777777-7777-4777-8777-777777777777';
    const fake = fakeHost({ context: { frame: 'sidePanel', entityId: `assessment:${gone}` } });
    const { fetch } = server();
    renderPanel(fake.host, fetch);

    expect(await screen.findByText(/could not be found\. Link a case instead\./)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Link HSB-2026-8' })).toBeTruthy();
  });

  it('starts a new case from the panel with the new-case dialog and links it', async () => {
    const fake = fakeHost({ configurable: true, context: { frame: 'sidePanel', entityId: 'meeting' } });
    const created: unknown[] = [];
    const { fetch, sent } = scriptedFetch((req: Sent) => {
      if (req.url === '/api/cases?status=open') return json(200, { items: [] });
      if (req.url.startsWith('/api/children?q=')) return json(200, { items: [] });
      if (req.url === '/api/cases' && req.method === 'POST') {
        created.push(req.body);
        return json(201, theCase(plan.id), { ETag: '"c1"' });
      }
      return server().fetch(req.url, { method: req.method, headers: req.headers });
    });
    renderPanel(fake.host, fetch);

    await screen.findByText(/There are no open cases yet/);
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    // jsdom leaves Fluent's dialog aria-hidden (no layout for Tabster), hence `hidden: true`.
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Child’s name', hidden: true }),
      SAM_NAME,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Find child', hidden: true }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add to the case', hidden: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));

    await waitFor(() =>
      expect(fake.saved).toEqual([
        { entityId: `case:${CASE}`, route: '/meeting', suggestedDisplayName: 'HSB-2026-7' },
      ]),
    );
    expect(created).toEqual([{ participants: [{ child: { name: SAM_NAME }, roles: ['displayedHsb'] }] }]);
    expect(await screen.findByRole('heading', { name: 'Case HSB-2026-7', hidden: true })).toBeTruthy();
    // The name went in the body that creates the child record, and nowhere else.
    expectNothingOfAChildKept(
      fake.saved,
      sent.filter((r) => !r.url.startsWith('/api/children?q=')),
    );
  });

  it('gives focus back to “New case” when Teams cannot link the case just created', async () => {
    const fake = fakeHost({ configurable: true, context: { frame: 'sidePanel', entityId: 'meeting' } });
    fake.host.configurator!.save = async () => {
      throw new Error('Teams refused.');
    };
    const { fetch } = scriptedFetch((req: Sent) => {
      if (req.url === '/api/cases?status=open') return json(200, { items: [] });
      if (req.url.startsWith('/api/children?q=')) return json(200, { items: [] });
      if (req.url === '/api/cases' && req.method === 'POST')
        return json(201, theCase(plan.id), { ETag: '"c1"' });
      return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
    });
    renderPanel(fake.host, fetch);

    await screen.findByText(/There are no open cases yet/);
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Child’s name', hidden: true }),
      SAM_NAME,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Find child', hidden: true }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add to the case', hidden: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));

    expect(await screen.findByText('Teams could not save the link to this meeting. Try again.')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New case', hidden: true })),
    );
  });

  it('links the case in the address outside Teams, where there are no tab settings', async () => {
    const fake = fakeHost({ kind: 'browser', context: { frame: 'content' } });
    const { fetch } = server();
    renderPanel(fake.host, fetch);

    await userEvent.click(await screen.findByRole('button', { name: 'Link HSB-2026-7' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/meeting/${CASE}`));
    expect(await screen.findByRole('heading', { name: 'Case HSB-2026-7' })).toBeTruthy();
  });
});
