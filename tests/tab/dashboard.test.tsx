/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import { Dashboard } from '../../tab/src/dashboard/dashboard';
import { json, scriptedFetch } from './support/http';

const row = (caseRef: string, over: Record<string, unknown>) => ({
  id: `id-${caseRef}`,
  caseRef,
  status: 'active',
  learnerName: `Learner ${caseRef.slice(-1)}`,
  yearGroup: 'Year 8',
  overallRisk: 'medium',
  nextDue: '2026-04-01',
  updatedAt: '2026-03-01T00:00:00Z',
  overdue: false,
  ...over,
});

function setup() {
  const { fetch, sent } = scriptedFetch((req) => {
    if (req.method === 'POST') return json(201, { id: 'new-id', caseRef: 'HSB-2026-0009' }, { ETag: '"v1"' });
    return json(200, {
      items: [
        row('HSB-2026-0001', {}),
        row('HSB-2026-0002', { overdue: true, nextDue: '2026-03-01', overallRisk: 'high' }),
      ],
    });
  });
  const opened: string[] = [];
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Dashboard
        api={new ApiClient({ getToken: async () => undefined, fetch })}
        onOpen={(id) => opened.push(id)}
        initialView="children"
      />
    </FluentProvider>,
  );
  return { sent, opened };
}

describe('the dashboard', () => {
  it('lists assessments with status, overall risk and next review, overdue first and marked in words', async () => {
    setup();
    const table = await screen.findByRole('table', { name: 'Risk assessments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'HSB-2026-0002',
      'HSB-2026-0001',
    ]);
    expect(within(rows[0]!).getByText('Overdue')).toBeTruthy();
    expect(within(rows[0]!).getByText('High')).toBeTruthy();
    expect(within(rows[1]!).queryByText('Overdue')).toBeNull();
    expect(screen.getByText('2 assessments · 1 with an overdue review')).toBeTruthy();
  });

  it('asks the server again when the status or review filter changes, and filters risk and text locally', async () => {
    const { sent } = setup();
    await screen.findByRole('table');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Review' }), 'due14');
    await waitFor(() =>
      expect(sent.at(-1)!.url).toBe('/api/assessments?status=draft%2Cactive&dueWithinDays=14'),
    );
    const before = sent.length;
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Overall risk' }), 'high');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find' }), '0002');
    expect(sent.length).toBe(before);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('starts a draft with the learner’s name and opens it', async () => {
    const { sent, opened } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'New assessment' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create draft', hidden: true }));
    expect(await screen.findByText('Enter the learner’s name.')).toBeTruthy();
    await userEvent.type(
      screen.getByRole('textbox', { name: /learner’s name/i, hidden: true }),
      'Sam Learner',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Create draft', hidden: true }));
    await waitFor(() => expect(opened).toEqual(['new-id']));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ learner: { name: 'Sam Learner' } });
  });
});
