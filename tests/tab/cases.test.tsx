/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import { Dashboard } from '../../tab/src/dashboard/dashboard';
import { json, scriptedFetch, type Sent } from './support/http';

const ANNA_8 = '11111111-1111-4111-8111-111111111111';
const ANNA_10 = '22222222-2222-4222-8222-222222222222';

const caseRow = (caseRef: string, updatedAt: string) => ({
  id: `id-${caseRef}`,
  caseRef,
  status: 'open',
  participants: [
    { childId: ANNA_8, roles: ['displayedHsb'], label: 'Child A' },
    { childId: ANNA_10, roles: ['harmed', 'witness'], label: 'Child B' },
  ],
  updatedAt,
});

function setup(answer: (req: Sent) => Response) {
  const { fetch, sent } = scriptedFetch(answer);
  const cases: string[] = [];
  render(
    <FluentProvider theme={teamsLightTheme}>
      <Dashboard
        api={new ApiClient({ getToken: async () => undefined, fetch })}
        onOpen={() => undefined}
        onOpenCase={(id) => cases.push(id)}
        onOpenChild={() => undefined}
      />
    </FluentProvider>,
  );
  return { sent, cases };
}

afterEach(cleanup);

describe('the dashboard by case', () => {
  it('lists cases with pseudonyms and roles only, most recently changed first, and filters by reference', async () => {
    const { sent } = setup(() =>
      json(200, {
        items: [caseRow('HSB-2026-1', '2026-03-01T09:00:00Z'), caseRow('HSB-2026-2', '2026-03-05T09:00:00Z')],
      }),
    );
    const table = await screen.findByRole('table', { name: 'Cases' });
    expect(sent.map((r) => r.url)).toContain('/api/cases?status=open');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'HSB-2026-2',
      'HSB-2026-1',
    ]);
    expect(rows[0]!.textContent).toContain('Child A (Also displayed harmful sexual behaviour)');
    expect(rows[0]!.textContent).toContain('Child B (Child harmed, Witness)');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find' }), '2026-1');
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
  });

  it('keeps the filters when switching to plans by child, and asks for those plans', async () => {
    const { sent } = setup((req) =>
      req.url.startsWith('/api/cases') ? json(200, { items: [] }) : json(200, { items: [] }),
    );
    await screen.findByText('No open cases.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'closed');
    await waitFor(() => expect(sent.at(-1)!.url).toBe('/api/cases?status=closed'));
    await userEvent.click(screen.getByRole('tab', { name: 'By child' }));
    await waitFor(() => expect(sent.at(-1)!.url).toBe('/api/assessments?status=closed'));
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('closed');
  });

  it('says how to start when there is nothing yet', async () => {
    setup(() => json(200, { items: [] }));
    const empty = await screen.findByText(/Start with/);
    expect(empty.textContent).toMatch(/New case/);
    expect(empty.textContent).toMatch(/name and year group/);
  });
});

describe('a new case', () => {
  const found = [
    { id: ANNA_8, name: 'Anna Smith', yearGroup: 'Year 8', dateOfBirth: '2013-02-01', updatedAt: 'x' },
    { id: ANNA_10, name: 'Anna Smith', yearGroup: 'Year 10', dateOfBirth: null, updatedAt: 'x' },
  ];

  function answer(req: Sent): Response {
    if (req.url.startsWith('/api/children')) {
      return json(200, { items: req.url.includes('Anna') ? found : [] });
    }
    if (req.method === 'POST') return json(201, { id: 'case-id', caseRef: 'HSB-2026-3' }, { ETag: '"1"' });
    return json(200, { items: [] });
  }

  it('tells two children with one name apart, creates new ones, gives each roles, and opens the case', async () => {
    const { sent, cases } = setup(answer);
    await userEvent.click(await screen.findByRole('button', { name: 'New case' }));
    const name = await screen.findByRole('textbox', { name: 'Child’s name', hidden: true });

    await userEvent.type(name, 'Anna');
    await userEvent.click(screen.getByRole('button', { name: 'Find child', hidden: true }));
    expect(sent.at(-1)!.url).toBe('/api/children?q=Anna');
    expect(await screen.findByText('More than one child has this name. Which one is it?')).toBeTruthy();
    await userEvent.click(
      screen.getByRole('radio', { name: 'Anna Smith — Year 10, date of birth not recorded', hidden: true }),
    );
    expect(
      screen.getByRole('radio', { name: 'Anna Smith — Year 8, born 1 Feb 2013', hidden: true }),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add to the case', hidden: true }));

    await userEvent.type(name, 'Ben Jones');
    await userEvent.type(screen.getByRole('textbox', { name: /Year group/, hidden: true }), 'Year 9');
    await userEvent.click(screen.getByRole('button', { name: 'Find child', hidden: true }));
    expect(await screen.findByText('No child with this name is recorded yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add to the case', hidden: true }));

    // Anna (first added) is taken as the child who displayed the behaviour; she also was harmed.
    const annaRoles = screen.getByRole('group', { name: 'Roles of Anna Smith', hidden: true });
    await userEvent.click(within(annaRoles).getByRole('checkbox', { name: 'Child harmed', hidden: true }));
    // A third role is not offered.
    expect(
      (within(annaRoles).getByRole('checkbox', { name: 'Witness', hidden: true }) as HTMLInputElement)
        .disabled,
    ).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));
    await waitFor(() => expect(cases).toEqual(['case-id']));
    // Until the new case's page takes it, focus is on what says the case is opening, not the page.
    expect(document.activeElement?.getAttribute('role')).toBe('status');
    expect(document.activeElement?.textContent).toBe('Opening the new case…');
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      participants: [
        { child: { id: ANNA_10 }, roles: ['displayedHsb', 'harmed'] },
        { child: { name: 'Ben Jones', yearGroup: 'Year 9' }, roles: ['harmed'] },
      ],
    });
  });

  it('will not create a case without a child, or a child without a role', async () => {
    const { sent } = setup(answer);
    await userEvent.click(await screen.findByRole('button', { name: 'New case' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Create case', hidden: true }));
    expect(await screen.findByText('Add at least one child to the case.')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Child’s name', hidden: true }), 'Cara');
    await userEvent.click(screen.getByRole('button', { name: 'Find child', hidden: true }));
    await userEvent.click(await screen.findByRole('button', { name: 'Add to the case', hidden: true }));
    const roles = screen.getByRole('group', { name: 'Roles of Cara', hidden: true });
    await userEvent.click(
      within(roles).getByRole('checkbox', {
        name: 'Displayed harmful sexual behaviour',
        hidden: true,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Create case', hidden: true }));
    expect(await screen.findByText('Give each child at least one role.')).toBeTruthy();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
  });
});
