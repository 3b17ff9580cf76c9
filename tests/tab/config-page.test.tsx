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

function renderConfig(context: Parameters<typeof fakeHost>[0]) {
  const fake = fakeHost({ configurable: true, ...context });
  const { fetch } = scriptedFetch(() => json(200, { items: rows }));
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

  it('in a meeting, links the meeting to an assessment through the tab’s entity id', async () => {
    const fake = renderConfig({ context: { frame: 'settings', meetingId: 'meeting-1' } });
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Assessment' }), ID);
    await waitFor(() => expect(fake.validity.at(-1)).toBe(true));
    expect(await fake.pressSave()).toEqual({
      entityId: `assessment:${ID}`,
      route: '/meeting',
      suggestedDisplayName: 'HSB-2026-0004',
    });
  });
});
