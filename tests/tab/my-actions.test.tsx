/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contentLabels } from '../../core/content/labels';
import { groupActions, groupOf, type MyAction } from '../../tab/src/actions/groups';
import { MyActionsScreen } from '../../tab/src/actions/my-actions';
import { ApiClient, type MyActions } from '../../tab/src/api/api-client';
import { riskTemplate } from './support/content';
import { json, scriptedFetch } from './support/http';

const PLAN = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';
const SUPPORT = '1a2b3c4d-dbb4-4af1-bb92-05c4121d98b0';
const TODAY = '2026-03-10';

let made = 0;
const action = (over: Partial<MyAction>): MyAction => ({
  caseRef: 'HSB-2026-0004',
  assessmentId: PLAN,
  planKind: 'risk-assessment',
  itemKind: 'strategy',
  strategyId: `s-${++made}`,
  action: 'An action',
  context: 'classroom',
  overdue: false,
  inPlace: false,
  ...over,
});

function setup(answer: MyActions, template: 'loads' | 'fails' = 'loads') {
  const { fetch, sent } = scriptedFetch((req) => {
    if (req.url === '/api/actions/mine') return json(200, answer);
    if (req.url === '/api/content/risk-template' && template === 'loads') return json(200, riskTemplate());
    return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  render(
    <FluentProvider theme={teamsLightTheme}>
      <MyActionsScreen api={new ApiClient({ getToken: async () => undefined, fetch })} />
    </FluentProvider>,
  );
  return { sent, user: userEvent.setup() };
}

afterEach(() => window.history.replaceState(null, '', '#/'));

describe('grouping my actions', () => {
  it.each<[Partial<MyAction>, string]>([
    [{ due: '2026-03-01', overdue: true }, 'overdue'],
    [{ due: TODAY }, 'soon'],
    [{ due: '2026-03-17' }, 'soon'],
    [{ due: '2026-03-18' }, 'later'],
    [{}, 'undated'],
    [{ due: '2026-03-01', inPlace: true }, 'in-place'],
  ])('%j is %s', (over, group) => {
    expect(groupOf(action(over), TODAY)).toBe(group);
  });

  it('counts a week across a month end by the calendar', () => {
    expect(groupOf(action({ due: '2026-04-04' }), '2026-03-28')).toBe('soon');
    expect(groupOf(action({ due: '2026-04-05' }), '2026-03-28')).toBe('later');
  });

  it('leaves out empty groups and keeps the server’s order within one', () => {
    const a = action({ due: '2026-03-11', action: 'first' });
    const b = action({ due: '2026-03-12', action: 'second' });
    expect(groupActions({ today: TODAY, items: [a, b] })).toEqual([
      { id: 'soon', title: 'Due soon', items: [a, b] },
    ]);
  });
});

describe('the My actions view', () => {
  it('lists each action under its group, with the case, the plan, the context and an en-GB due date', async () => {
    const template = riskTemplate();
    setup({
      today: TODAY,
      items: [
        action({ action: 'Escort between lessons', due: '2026-03-02', overdue: true }),
        action({ action: 'Check the seating plan', due: '2026-03-12', context: 'toilets-changing' }),
        action({ action: 'Meet the form tutor', due: '2026-05-01' }),
        action({
          action: 'Weekly check-in with a trusted adult',
          assessmentId: SUPPORT,
          planKind: 'support-plan',
          itemKind: 'measure',
          caseRef: 'HSB-2026-0005',
        }),
      ],
    });
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([
      'Overdue (1)',
      'Due soon (1)',
      'Later (1)',
      'No date (1)',
    ]);
    const overdue = screen.getByRole('region', { name: 'Overdue (1)' });
    const item = within(overdue).getByRole('listitem');
    expect(item.textContent).toContain('HSB-2026-0004');
    expect(item.textContent).toContain('Due 2 Mar 2026');
    expect(within(item).getByText('Overdue')).toBeTruthy();
    const soon = within(screen.getByRole('region', { name: 'Due soon (1)' })).getByRole('listitem');
    await within(soon).findByText(`Risk assessment · ${contentLabels(template).context('toilets-changing')}`);
    const undated = within(screen.getByRole('region', { name: 'No date (1)' })).getByRole('listitem');
    expect(undated.textContent).toContain('HSB-2026-0005');
    expect(undated.textContent).toContain('Support plan · support measure');
    expect(undated.textContent).toContain('No due date');
  });

  it('links each action to where it is edited in its plan', async () => {
    const { user } = setup({
      today: TODAY,
      items: [
        action({ action: 'Escort between lessons', strategyId: 'st-1' }),
        action({
          action: 'Check-in',
          assessmentId: SUPPORT,
          planKind: 'support-plan',
          itemKind: 'measure',
          strategyId: 'm-1',
        }),
      ],
    });
    const strategy = await screen.findByRole('link', { name: 'Escort between lessons' });
    expect(strategy.getAttribute('href')).toBe(`#/assessments/${PLAN}/risks/st-1`);
    expect(screen.getByRole('link', { name: 'Check-in' }).getAttribute('href')).toBe(
      `#/assessments/${SUPPORT}/wishes/m-1`,
    );
    await user.click(strategy);
    expect(window.location.hash).toBe(`#/assessments/${PLAN}/risks/st-1`);
  });

  it('says plainly when nothing is theirs yet', async () => {
    setup({ today: TODAY, items: [] });
    const empty = await screen.findByRole('status');
    expect(empty.textContent).toBe(
      'No actions are yours yet. When someone makes you the owner of a strategy, it appears here.',
    );
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('still lists the actions when the guidance cannot be loaded', async () => {
    setup({ today: TODAY, items: [action({ action: 'Escort', context: 'toilets-changing' })] }, 'fails');
    await screen.findByRole('link', { name: 'Escort' });
    expect(screen.getByText('Risk assessment · Toilets changing')).toBeTruthy();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    const { fetch } = scriptedFetch(() =>
      json(500, { error: { code: 'INTERNAL', message: 'Something went wrong.' } }),
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <MyActionsScreen api={new ApiClient({ getToken: async () => undefined, fetch })} />
      </FluentProvider>,
    );
    await screen.findByText('Your actions could not be loaded');
    expect(screen.getByRole('button', { name: /try again/i })).toBeTruthy();
  });
});
