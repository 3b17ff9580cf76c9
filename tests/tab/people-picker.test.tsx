/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiClient, type Person } from '../../tab/src/api/api-client';
import {
  PEOPLE_SEARCH_DELAY_MS,
  PeoplePicker,
  PeopleProvider,
  type OwnerChoice,
} from '../../tab/src/ui/people-picker';
import { json } from './support/http';

const SAM = { id: '0f6c2a52-4a3e-4b8e-9d1f-2c7b5e9a1d01', displayName: 'Sam Patel', source: 'team' } as const;
const SAMIRA = {
  id: '0f6c2a52-4a3e-4b8e-9d1f-2c7b5e9a1d02',
  displayName: 'Samira Khan',
  jobTitle: 'Head of Year 9',
  source: 'directory',
} as const;
const directory: Person[] = [
  SAM,
  SAMIRA,
  { id: 'local:jo-williams', displayName: 'Jo Williams', source: 'directory' },
];

interface Call {
  q: string | null;
  signal: AbortSignal | undefined;
  answer: (people: Person[]) => void;
  fail: (status: number) => void;
}

/**
 * GET /api/people as the server answers it: names starting with `q`, team first. `hold` keeps an
 * answer back until the test releases it, to see what a slow, stale answer does.
 */
function peopleServer({ hold = false, status = 200 } = {}) {
  const calls: Call[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://tab.test');
    const q = url.searchParams.get('q');
    return new Promise<Response>((resolve) => {
      const call: Call = {
        q,
        signal: init?.signal ?? undefined,
        answer: (people) => resolve(json(200, { items: people })),
        fail: (code) =>
          resolve(json(code, { error: { code: 'INTERNAL', message: 'Something went wrong.' } })),
      };
      calls.push(call);
      if (hold) return;
      if (status !== 200) return call.fail(status);
      const start = (q ?? '').toLowerCase();
      call.answer(directory.filter((p) => p.displayName.toLowerCase().startsWith(start)));
    });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function setup(server = peopleServer(), initial: OwnerChoice = { owner: '' }) {
  const changes: OwnerChoice[] = [];
  function Harness() {
    const [value, setValue] = useState<OwnerChoice>(initial);
    return (
      <PeoplePicker
        label="Who will do it"
        required
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(
    <FluentProvider theme={teamsLightTheme}>
      <PeopleProvider api={new ApiClient({ getToken: async () => undefined, fetch: server.fetch })}>
        <Harness />
        <button type="button">Next field</button>
      </PeopleProvider>
    </FluentProvider>,
  );
  const user = userEvent.setup();
  const box = screen.getByRole('combobox', { name: /who will do it/i }) as HTMLInputElement;
  return { user, box, changes, server, last: () => changes[changes.length - 1] };
}

describe('the people picker', () => {
  it('asks the directory once for a name typed quickly, and groups the team before the school’s staff', async () => {
    jest.useFakeTimers();
    try {
      const { box, server } = setup();
      const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
      await user.type(box, 'Sam');
      act(() => jest.advanceTimersByTime(PEOPLE_SEARCH_DELAY_MS - 1));
      expect(server.calls).toEqual([]);
      await act(async () => {
        jest.advanceTimersByTime(1);
      });
      await waitFor(() => expect(server.calls.map((c) => c.q)).toEqual(['Sam']));
    } finally {
      jest.useRealTimers();
    }
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByRole('option', { name: 'Sam Patel' });
    const groups = within(listbox).getAllByRole('group');
    expect(groups.map((g) => g.textContent)).toEqual([
      expect.stringContaining('Safeguarding team'),
      expect.stringContaining('School staff'),
    ]);
    expect(within(groups[0]!).getByRole('option', { name: 'Sam Patel' })).toBeTruthy();
    expect(within(groups[1]!).getByRole('option', { name: /Samira Khan/ })).toBeTruthy();
  });

  it('drops a slow answer to an earlier search, and aborts it', async () => {
    const server = peopleServer({ hold: true });
    const { user, box } = setup(server);
    await user.type(box, 'Jo');
    await waitFor(() => expect(server.calls).toHaveLength(1));
    await user.type(box, 'x');
    await waitFor(() => expect(server.calls).toHaveLength(2));
    expect(server.calls[0]!.signal?.aborted).toBe(true);
    server.calls[1]!.answer([]);
    server.calls[0]!.answer([{ id: 'local:jo-williams', displayName: 'Jo Williams', source: 'directory' }]);
    await screen.findByRole('option', { name: 'Use “Jox” (not in the directory)' });
    expect(screen.queryByRole('option', { name: 'Jo Williams' })).toBeNull();
  });

  it('moves with the arrow keys without choosing, and chooses on Enter', async () => {
    const { user, box, last } = setup();
    await user.type(box, 'Sam');
    const samira = await screen.findByRole('option', { name: /Samira Khan/ });
    // Typing may already have highlighted the first match; arrow down to Samira whichever it was.
    for (let i = 0; i < 3 && box.getAttribute('aria-activedescendant') !== samira.id; i++) {
      await user.keyboard('{ArrowDown}');
      expect(last()).toEqual({ owner: 'Sam' });
    }
    expect(box.getAttribute('aria-activedescendant')).toBe(samira.id);
    expect(box.value).toBe('Sam');
    await user.keyboard('{Enter}');
    expect(last()).toEqual({ owner: 'Samira Khan', ownerId: SAMIRA.id });
    expect(box.value).toBe('Samira Khan');
    expect(screen.getByText(/Chosen from the directory/)).toBeTruthy();
  });

  it('never chooses on Tab: the name typed stays as typed', async () => {
    const { user, box, last } = setup();
    await user.type(box, 'Sam');
    await screen.findByRole('option', { name: 'Sam Patel' });
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(document.activeElement).not.toBe(box);
    expect(last()).toEqual({ owner: 'Sam' });
    expect(box.value).toBe('Sam');
  });

  it('closes on Escape without choosing', async () => {
    const { user, box, last } = setup();
    await user.type(box, 'Sam');
    await screen.findByRole('option', { name: 'Sam Patel' });
    await user.keyboard('{ArrowDown}{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(last()).toEqual({ owner: 'Sam' });
  });

  it('keeps a name that matches nobody as free text, with no directory id', async () => {
    const { user, box, last } = setup();
    await user.type(box, 'Ms Rivers');
    const keep = await screen.findByRole('option', { name: 'Use “Ms Rivers” (not in the directory)' });
    await user.click(keep);
    expect(last()).toEqual({ owner: 'Ms Rivers' });
    expect(box.value).toBe('Ms Rivers');
    expect(screen.getByText('A name typed freely: no one is told in Teams.')).toBeTruthy();
  });

  it('shows an owner typed before the directory existed as a free-text name, and a chosen one by name', async () => {
    setup(peopleServer(), { owner: 'Head of Year 9' });
    expect((screen.getByRole('combobox', { name: /who will do it/i }) as HTMLInputElement).value).toBe(
      'Head of Year 9',
    );
    expect(screen.getByText('A name typed freely: no one is told in Teams.')).toBeTruthy();
  });

  it('clears a chosen person when the name is deleted', async () => {
    const { user, box, last } = setup(peopleServer(), { owner: 'Sam Patel', ownerId: SAM.id });
    expect(box.value).toBe('Sam Patel');
    await user.clear(box);
    expect(last()).toEqual({ owner: '' });
    expect(box.value).toBe('');
  });

  it('says briefly when the directory cannot be searched, and still keeps a typed name', async () => {
    const { user, box, last } = setup(peopleServer({ status: 500 }));
    await user.type(box, 'Mr Okafor');
    await screen.findByText(/The staff directory could not be searched/);
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
    expect(last()).toEqual({ owner: 'Mr Okafor' });
    await user.click(screen.getByRole('option', { name: 'Use “Mr Okafor” (not in the directory)' }));
    expect(last()).toEqual({ owner: 'Mr Okafor' });
  });
});
