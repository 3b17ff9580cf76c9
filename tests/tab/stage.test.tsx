/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stageSourceOfPlan, stageView, type PlanRecord } from '../../core/index.js';
import { ApiClient } from '../../tab/src/api/api-client';
import { ShareToStage, audienceWarning } from '../../tab/src/stage/share-to-stage';
import { StageScreen } from '../../tab/src/stage/stage-screen';
import { riskTemplate } from './support/content';
import { ServiceApi } from './support/fake-api';
import { fakeHost } from './support/fake-host';
import { json, scriptedFetch } from './support/http';

const LEARNER = 'Zebedee Quarrington';
const HARMED = 'Philippa Nightingale';

let service: ServiceApi;
beforeEach(() => {
  service = new ServiceApi();
});
afterEach(() => service.close());

describe('the meeting stage', () => {
  it('shows the plan from the redacted projection and no child’s name or narrative', async () => {
    const { record } = await service.create({
      learner: { name: LEARNER, yearGroup: 'Year 9' },
      otherChildren: [{ name: HARMED, role: 'harmed' }],
      incidents: [{ description: `${LEARNER} cornered ${HARMED} near the lockers` }],
      views: { learner: 'He said it was a joke' },
      risks: [
        {
          context: 'corridors',
          description: `${LEARNER} waits for ${HARMED} at the stairs`,
          affects: ['harmed', 'others'],
          likelihood: 3,
          impact: 2,
          strategies: [
            {
              action: `Zebedee uses the east stairs; Philippa keeps her usual route`,
              owner: 'Head of Year 9',
              inPlace: true,
            },
          ],
        },
      ],
    });
    const template = riskTemplate();
    const { fetch, sent } = scriptedFetch((req) => {
      if (req.url.endsWith('/stage')) return json(200, stageView(stageSourceOfPlan(record)));
      if (req.url === '/api/content/risk-template') return json(200, template);
      return json(404, { error: { code: 'NOT_FOUND', message: 'No.' } });
    });
    const api = new ApiClient({ getToken: async () => undefined, fetch });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <StageScreen api={api} id={record.id} />
      </FluentProvider>,
    );
    const stage = await screen.findByTestId('stage-view');
    await waitFor(() =>
      expect(
        within(stage).getByRole('heading', {
          name: template.contexts.find((c) => c.id === 'context.corridors')!.title,
        }),
      ).toBeTruthy(),
    );
    expect(within(stage).getByRole('heading', { level: 1 }).textContent).toBe('Case HSB-2026-0001');
    expect(within(stage).getByText('Head of Year 9')).toBeTruthy();
    expect(within(stage).getByText('Who could be harmed: The child harmed, Other children')).toBeTruthy();
    expect(
      within(stage).getByText('Child A uses the east stairs; Child B keeps her usual route'),
    ).toBeTruthy();
    expect(within(stage).getByRole('heading', { name: 'Risk assessment · Child A' })).toBeTruthy();
    expect(within(stage).getByText('Not decided yet.')).toBeTruthy();

    const text = document.body.textContent ?? '';
    for (const leak of [
      'Zebedee',
      'Quarrington',
      'Philippa',
      'Nightingale',
      'lockers',
      'joke',
      'waits for',
      'Year 9 ',
    ]) {
      expect(text).not.toContain(leak);
    }
    // The stage client asks only for the redacted view, never the full record.
    expect(sent.map((r) => r.url).filter((u) => u.startsWith('/api/assessments'))).toEqual([
      `/api/assessments/${record.id}/stage`,
    ]);
  });

  it('keeps following the meeting, asking only whether the plan changed', async () => {
    const { record } = await service.create({
      learner: { name: LEARNER },
      risks: [
        {
          context: 'online',
          description: 'x',
          likelihood: 1,
          impact: 2,
          strategies: [{ action: 'Check settings', owner: 'IT lead' }],
        },
      ],
    });
    const { fetch, sent } = scriptedFetch((req) => {
      if (!req.url.endsWith('/stage')) return json(404, { error: { code: 'NOT_FOUND', message: 'No.' } });
      return req.headers['If-None-Match']
        ? json(304, undefined)
        : json(200, stageView(stageSourceOfPlan(record)), { ETag: '"stage-1"' });
    });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <StageScreen
          api={new ApiClient({ getToken: async () => undefined, fetch })}
          id={record.id}
          refreshMs={30}
        />
      </FluentProvider>,
    );
    await screen.findByText('IT lead');
    await waitFor(() =>
      expect(sent.filter((r) => r.headers['If-None-Match'] === '"stage-1"').length).toBeGreaterThan(1),
    );
    expect(screen.getByText('IT lead')).toBeTruthy();
  });
});

describe('the meeting stage on a case', () => {
  const CASE_ID = '99999999-9999-4999-8999-999999999999';
  const HSB = '11111111-1111-4111-8111-111111111111';
  const HARMED_ID = '22222222-2222-4222-8222-222222222222';
  const SUPPORT = '44444444-4444-4444-8444-444444444444';

  const supportPlan = {
    id: SUPPORT,
    kind: 'support-plan',
    caseId: CASE_ID,
    childId: HARMED_ID,
    caseRef: 'HSB-2026-7',
    createdAt: 'x',
    updatedAt: 'x',
    version: 1,
    status: 'active',
    incidents: [],
    otherChildren: [],
    risks: [],
    sharing: [],
    review: { nextDue: '2026-03-20' },
    reviews: [],
    signOff: [],
    overallRisk: null,
    supportPlan: {
      viewsAndWishes: 'She wants him moved to another class',
      wantsTold: 'Only Mrs Okafor',
      safeSpaces: 'The library office',
      adjustments: 'Philippa may leave lessons early',
      contactWithOtherChild: `No contact with @[child:${HSB}]; Zebedee uses the east stairs`,
      measures: [{ id: 'm1', action: 'Check-in in the library office', owner: 'Mrs Okafor', inPlace: true }],
    },
  } as PlanRecord;

  const view = (plan?: PlanRecord) =>
    stageView({
      caseId: CASE_ID,
      caseRef: 'HSB-2026-7',
      children: [
        { id: HSB, name: LEARNER, label: 'Child A', roles: ['displayedHsb'] },
        {
          id: HARMED_ID,
          name: HARMED,
          label: 'Child B',
          roles: ['harmed'],
          plan: { id: SUPPORT, kind: 'support-plan', status: 'active' },
        },
      ],
      plan,
    });

  function renderStage(id: string, of: 'plan' | 'case', body: unknown) {
    const { fetch, sent } = scriptedFetch((req) =>
      req.url.endsWith('/stage')
        ? json(200, body)
        : json(404, { error: { code: 'NOT_FOUND', message: 'No.' } }),
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <StageScreen api={new ApiClient({ getToken: async () => undefined, fetch })} id={id} of={of} />
      </FluentProvider>,
    );
    return sent;
  }

  it('shows a support plan’s adjustments and contact arrangements only, children by label', async () => {
    renderStage(SUPPORT, 'plan', view(supportPlan));
    const stage = await screen.findByTestId('stage-view');
    expect(within(stage).getByRole('heading', { name: 'Support plan · Child B' })).toBeTruthy();
    expect(within(stage).getByText('Child B may leave lessons early')).toBeTruthy();
    expect(within(stage).getByText('No contact with Child A; Child A uses the east stairs')).toBeTruthy();
    const text = document.body.textContent ?? '';
    for (const leak of [
      'Zebedee',
      'Philippa',
      'Quarrington',
      'Nightingale',
      'another class',
      'Okafor',
      'library',
    ]) {
      expect(text).not.toContain(leak);
    }
  });

  it('shows a case with no plan open from the case’s own stage address', async () => {
    const sent = renderStage(CASE_ID, 'case', view());
    const stage = await screen.findByTestId('stage-view');
    expect(within(stage).getByRole('heading', { level: 1 }).textContent).toBe('Case HSB-2026-7');
    expect(within(stage).getByText(/Support plan \(active\)/)).toBeTruthy();
    expect(within(stage).queryByRole('heading', { level: 2, name: /·/ })).toBeNull();
    expect(sent.map((r) => r.url).filter((u) => !u.startsWith('/api/content/'))).toEqual([
      `/api/cases/${CASE_ID}/stage`,
    ]);
  });
});

describe('share to stage', () => {
  const id = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';

  it('is not offered to people Teams does not let share', async () => {
    const { host } = fakeHost({ canShare: false });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ShareToStage stage={host.stage!} target={{ of: 'plan', id }} />
      </FluentProvider>,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: 'Share to stage' })).toBeNull();
  });

  it('warns that everyone, guests included, will see it, names them when known, and shares only on confirmation', async () => {
    const fake = fakeHost({
      canShare: true,
      participants: [
        { displayName: 'Dana DSL', kind: 'member' },
        { displayName: 'Pat Parent', kind: 'guest' },
        { displayName: 'Sol Social Worker', kind: 'external' },
      ],
    });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ShareToStage stage={fake.host.stage!} target={{ of: 'plan', id }} />
      </FluentProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Share to stage' }));
    const warning = await screen.findByText(/Everyone in this meeting will see it/);
    expect(warning.textContent).toContain('including guests and people from outside your organisation');
    await waitFor(() => expect(warning.textContent).toContain('Pat Parent and Sol Social Worker'));
    expect(warning.textContent).not.toContain('Dana DSL');
    expect(fake.shared).toEqual([]);

    // jsdom leaves Fluent's dialog aria-hidden (no layout for Tabster), hence `hidden: true`.
    await userEvent.click(screen.getByRole('button', { name: 'Cancel', hidden: true }));
    expect(fake.shared).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Share to stage' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Share to everyone', hidden: true }));
    await waitFor(() => expect(fake.shared).toEqual([`/stage/${id}`]));
  });

  it('shares a case with no plan open at the case’s stage address', async () => {
    const fake = fakeHost({ canShare: true });
    render(
      <FluentProvider theme={teamsLightTheme}>
        <ShareToStage stage={fake.host.stage!} target={{ of: 'case', id }} />
      </FluentProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Share to stage' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Share to everyone', hidden: true }));
    await waitFor(() => expect(fake.shared).toEqual([`/cases/${id}/stage`]));
  });

  it('still warns about guests when the roster is not available', () => {
    expect(audienceWarning(null)).toBe(
      'Everyone in this meeting will see it on the shared stage, including guests and people from outside your organisation.',
    );
  });
});
