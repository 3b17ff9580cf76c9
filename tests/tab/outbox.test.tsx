/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { OutboxScreen } from '../../tab/src/actions/outbox';
import { ApiClient } from '../../tab/src/api/api-client';
import { AuthProblems } from '../../tab/src/app/auth-problems';
import { Session } from '../../tab/src/app/session';
import { fakeHost } from './support/fake-host';
import { json, scriptedFetch } from './support/http';

const entry = (over: Record<string, unknown>) => ({
  id: 'n1',
  to: { id: 'local:alex-morgan-dsl', displayName: 'Alex Morgan (DSL)' },
  caseRef: 'HSB-2026-0004',
  activityType: 'actionAssigned',
  text: 'An action in HSB-2026-0004 is yours, due 20 Mar 2026.',
  createdAt: '2026-03-10T10:42:00Z',
  link: '/tab/#/assessments/0f676d75-dbb4-4af1-bb92-05c4121d98b0',
  ...over,
});

/** The outbox inside the session, as the app shows it: it knows the mode from GET /api/me. */
function setup(mode: 'local' | 'm365', items: unknown[] = []) {
  const host = fakeHost();
  const { fetch, sent } = scriptedFetch((req) => {
    if (req.url === '/api/me')
      return json(200, { displayName: 'Local user (no sign-in)', kind: 'user', mode });
    if (req.url === '/api/notifications/outbox') return json(200, { items });
    return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });
  const api = new ApiClient({ getToken: (r) => host.host.getToken(r), fetch });
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Session api={api} host={host.host} authProblems={new AuthProblems()}>
        {() => <OutboxScreen api={api} />}
      </Session>
    </FluentProvider>,
  );
  return { sent };
}

describe('the outbox', () => {
  it('lists, newest first as the server sends them, to whom, the case, when and the text', async () => {
    setup('local', [
      entry({ id: 'n2', to: { id: 'local-user', displayName: 'Local user (no sign-in)' } }),
      entry({ id: 'n1', createdAt: '2026-03-09T08:05:00Z' }),
    ]);
    const list = await screen.findByRole('list', { name: 'Notifications sent' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByText(/^To/).textContent)).toEqual([
      'To Local user (no sign-in) · HSB-2026-0004',
      'To Alex Morgan (DSL) · HSB-2026-0004',
    ]);
    expect(items[1]!.textContent).toContain('An action in HSB-2026-0004 is yours, due 20 Mar 2026.');
    expect(items[1]!.textContent).toContain('9 Mar 2026');
    expect(within(items[1]!).getByRole('link', { name: 'Open the plan' }).getAttribute('href')).toBe(
      '/tab/#/assessments/0f676d75-dbb4-4af1-bb92-05c4121d98b0',
    );
    expect(screen.getByText(/Teams activity-feed notification/)).toBeTruthy();
  });

  it('says so when nothing has been sent', async () => {
    setup('local');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Nothing has been sent yet\./);
  });

  it('is not asked for in a school’s tenant, where notifications go to Teams', async () => {
    const { sent } = setup('m365');
    await screen.findByText(/notifications go to Teams and there is no outbox/);
    expect(sent.map((r) => r.url)).not.toContain('/api/notifications/outbox');
  });
});
