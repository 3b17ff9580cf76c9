/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import { ConfigPage } from '../../tab/src/config/config-page';
import { fakeHost } from './support/fake-host';
import { json, scriptedFetch } from './support/http';

const ID = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';
const rows = [
  {
    id: ID,
    caseRef: 'HSB-2026-0004',
    status: 'active',
    learnerName: 'Zebedee Quarrington',
    yearGroup: 'Year 9',
    overallRisk: 'high',
    nextDue: null,
    updatedAt: 'x',
    overdue: false,
  },
];

const CASE = '99999999-9999-4999-8999-999999999999';
const cases = [
  {
    id: CASE,
    caseRef: 'HSB-2026-7',
    status: 'open',
    updatedAt: 'x',
    participants: [{ childId: ID, roles: ['displayedHsb'], label: 'Child A' }],
  },
];

function renderConfig(context: Parameters<typeof fakeHost>[0]) {
  const fake = fakeHost({ configurable: true, ...context });
  const { fetch } = scriptedFetch((req) =>
    json(200, { items: req.url === '/api/cases?status=open' ? cases : rows }),
  );
  render(
    <FluentProvider theme={teamsLightTheme}>
      <ConfigPage api={new ApiClient({ getToken: async () => 't', fetch })} host={fake.host} />
    </FluentProvider>,
  );
  return fake;
}

describe('the tab configuration page', () => {
  it('sets a channel tab up as the dashboard by default', async () => {
    const fake = renderConfig({ context: { frame: 'settings' } });
    await waitFor(() => expect(fake.validity.at(-1)).toBe(true));
    expect(await fake.pressSave()).toEqual({
      entityId: 'dashboard',
      route: '/',
      suggestedDisplayName: 'HSB assessments',
    });
  });

  it('can pin one assessment, named by its case reference only', async () => {
    const fake = renderConfig({ context: { frame: 'settings' } });
    await userEvent.click(screen.getByRole('radio', { name: 'One assessment' }));
    await waitFor(() => expect(fake.validity.at(-1)).toBe(false));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Assessment' }), ID);
    expect(screen.queryByText(/Zebedee/)).toBeNull();
    await waitFor(() => expect(fake.validity.at(-1)).toBe(true));
    expect(await fake.pressSave()).toEqual({
      entityId: `assessment:${ID}`,
      route: `/assessments/${ID}`,
      suggestedDisplayName: 'HSB-2026-0004',
    });
  });

  it('in a meeting, links the meeting to a case through the tab’s entity id', async () => {
    const fake = renderConfig({ context: { frame: 'settings', meetingId: 'meeting-1' } });
    expect(screen.getByRole('radio', { name: 'Link a case to this meeting' })).toHaveProperty(
      'checked',
      true,
    );
    await waitFor(() => expect(fake.validity.at(-1)).toBe(false));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Case' }), CASE);
    await waitFor(() => expect(fake.validity.at(-1)).toBe(true));
    expect(await fake.pressSave()).toEqual({
      entityId: `case:${CASE}`,
      route: '/meeting',
      suggestedDisplayName: 'HSB-2026-7',
    });
  });

  it('in a meeting, can leave the case to be chosen in the side panel', async () => {
    const fake = renderConfig({ context: { frame: 'settings', meetingId: 'meeting-1' } });
    await userEvent.click(screen.getByRole('radio', { name: 'Choose or start one during the meeting' }));
    await waitFor(() => expect(fake.validity.at(-1)).toBe(true));
    expect(await fake.pressSave()).toEqual({
      entityId: 'meeting',
      route: '/meeting',
      suggestedDisplayName: 'HSB assessment',
    });
  });
});
