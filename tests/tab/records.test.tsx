/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient, type Child } from '../../tab/src/api/api-client';
import { RecordsPanel } from '../../tab/src/records/records-panel';
import { RetentionScreen } from '../../tab/src/records/retention-screen';
import { json, scriptedFetch } from './support/http';

const SAM = '11111111-1111-4111-8111-111111111111';

const child = (over: Partial<Child> = {}): Child => ({
  id: SAM,
  createdAt: 'x',
  updatedAt: 'x',
  version: 1,
  name: 'Sam Stone',
  yearGroup: 'Year 8',
  dateOfBirth: '2013-05-06',
  retainUntil: '2038-05-06',
  ...over,
});

afterEach(cleanup);

/** Fluent marks a dialog aria-hidden while it animates in, which hides its accessible name from queries. */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog', { hidden: true });
  const labelledBy = dialog.getAttribute('aria-labelledby')!;
  expect(document.getElementById(labelledBy)!.textContent).toBe(title);
  return dialog;
}

describe('records on the child page', () => {
  it('records a transfer from a labelled, keyboard-operable dialog and offers the child’s own file', async () => {
    const { fetch, sent } = scriptedFetch(() =>
      json(201, {
        transfer: {
          id: 'abcdefabcdef',
          receivingSchool: 'Hillside Academy',
          sentOn: '2026-03-02',
          method: 'by-hand',
          sentBy: 'Dee Esel',
          recordedAt: 'x',
        },
        documents: [{ assessmentId: 'p1', caseRef: 'HSB-2026-7', kind: 'risk-assessment', href: '/api/x' }],
        exportHref: `/api/children/${SAM}/export`,
      }),
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RecordsPanel api={new ApiClient({ fetch })} child={child()} onChanged={() => undefined} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', { name: 'Transfer the child-protection file', hidden: true }),
    );
    const dialog = await dialogTitled('Transfer the child-protection file');
    await user.type(
      within(dialog).getByRole('textbox', { name: /Receiving school/, hidden: true }),
      'Hillside Academy',
    );
    await user.click(within(dialog).getByRole('radio', { name: /By hand/, hidden: true }));
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText(/Transfer recorded/)).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.url).toBe(`/api/children/${SAM}/transfers`);
    expect(post.body).toMatchObject({ receivingSchool: 'Hillside Academy', method: 'by-hand' });
    expect(JSON.stringify(post.body)).not.toContain('sentBy');
    expect(
      within(dialog).getByRole('button', {
        name: /Risk assessment \(HSB-2026-7\), Word document/,
        hidden: true,
      }),
    ).toBeTruthy();
    expect(
      within(dialog).getByRole('button', { name: /machine-readable \(JSON\)/, hidden: true }),
    ).toBeTruthy();
  });

  it('asks for the date of birth when it is missing', async () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RecordsPanel
          api={new ApiClient({ fetch: scriptedFetch(() => json(200, {})).fetch })}
          child={child({ dateOfBirth: undefined, retainUntil: null })}
          onChanged={() => undefined}
        />
      </FluentProvider>,
    );
    expect(screen.getByText(/The date of birth is not recorded/)).toBeTruthy();
    expect(screen.getByLabelText('Date of birth')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the date of birth' })).toBeTruthy();
  });

  it('shows a late transfer and lets the receipt be recorded', async () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RecordsPanel
          api={new ApiClient({ fetch: scriptedFetch(() => json(200, {})).fetch })}
          child={child({
            transfers: [
              {
                id: 'abcdefabcdef',
                receivingSchool: 'Hillside Academy',
                sentOn: '2020-01-06',
                method: 'secure-transfer-service',
                sentBy: 'Dee Esel',
                recordedAt: 'x',
              },
            ],
          })}
          onChanged={() => undefined}
        />
      </FluentProvider>,
    );
    const table = screen.getByRole('table', { name: 'Child-protection file transfers' });
    expect(within(table).getByText('No receipt after five school days')).toBeTruthy();
    await userEvent
      .setup()
      .click(within(table).getByRole('button', { name: 'Record receipt', hidden: true }));
    expect(await dialogTitled('Record receipt')).toBeTruthy();
  });

  it('erases only after the year group is typed, warning not to write a name', async () => {
    const { fetch, sent } = scriptedFetch(() =>
      json(200, { id: 'e1', at: 'x', actorId: 'a', reason: 'r', counts: {} }),
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RecordsPanel api={new ApiClient({ fetch })} child={child()} onChanged={() => undefined} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Erase (retention)', hidden: true }));
    const dialog = await dialogTitled('Erase this child’s records');
    expect(within(dialog).getByText(/Do not write the child’s name/)).toBeTruthy();
    const erase = within(dialog).getByRole('button', { name: 'Erase permanently', hidden: true });
    await user.type(
      within(dialog).getByRole('textbox', { name: /Why the record is being erased/, hidden: true }),
      'Reached 25.',
    );
    await user.type(
      within(dialog).getByRole('textbox', { name: /To confirm, type “Year 8”/, hidden: true }),
      'Sam Stone',
    );
    expect(erase.hasAttribute('disabled') || erase.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.clear(within(dialog).getByRole('textbox', { name: /To confirm/, hidden: true }));
    await user.type(within(dialog).getByRole('textbox', { name: /To confirm/, hidden: true }), 'year 8');
    await user.click(erase);
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')).toMatchObject({
      url: `/api/children/${SAM}/erase`,
      body: { reason: 'Reached 25.' },
    });
  });
});

describe('retention review list', () => {
  it('lists records due and children without a date of birth, with what to do', async () => {
    const { fetch, sent } = scriptedFetch(() =>
      json(200, {
        today: '2026-03-10',
        withinDays: 90,
        items: [
          {
            childId: SAM,
            name: 'Sam Stone',
            yearGroup: null,
            dateOfBirth: '2000-01-01',
            retainUntil: '2025-01-01',
            reason: 'due',
          },
          {
            childId: 'x',
            name: 'Ria Reed',
            yearGroup: 'Year 7',
            dateOfBirth: null,
            retainUntil: null,
            reason: 'no-date-of-birth',
          },
        ],
      }),
    );
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RetentionScreen api={new ApiClient({ fetch })} />
      </FluentProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Records due for retention review' });
    expect(within(table).getByText('Review now: the retention date has passed')).toBeTruthy();
    expect(within(table).getByText('Record the date of birth')).toBeTruthy();
    expect(sent[0]!.url).toBe('/api/retention/due?withinDays=90');
  });
});
