/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Button, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DateField } from '../../tab/src/ui/date-field';

afterEach(cleanup);

/** The field as a form uses it: the saved value lives in the form, and every change is recorded. */
function Harness({ initial, min, max }: { initial?: string; min?: string; max?: string }) {
  const [value, setValue] = useState<string | undefined>(initial);
  const [changes, setChanges] = useState<(string | undefined)[]>([]);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <Button>Before</Button>
      <DateField
        label="Date of the meeting"
        path="meeting.date"
        value={value}
        min={min}
        max={max}
        onChange={(v) => {
          setValue(v);
          setChanges((c) => [...c, v]);
        }}
      />
      <Button>After</Button>
      <Button onClick={() => setValue('2026-04-01')}>Set elsewhere</Button>
      <output data-testid="saved">{JSON.stringify({ value: value ?? null, changes })}</output>
    </FluentProvider>
  );
}

const saved = () =>
  JSON.parse(screen.getByTestId('saved').textContent!) as {
    value: string | null;
    changes: (string | null)[];
  };
const box = () => screen.getByRole('combobox', { name: 'Date of the meeting' });

describe('the date field', () => {
  it('shows a saved date as day/month/year and carries the field’s path', () => {
    render(<Harness initial="2026-03-05" />);
    expect(box()).toHaveProperty('value', '05/03/2026');
    expect(box().getAttribute('data-path')).toBe('meeting.date');
    expect(box().getAttribute('placeholder')).toBe('dd/mm/yyyy');
  });

  it.each(['5/3/2026', '5 March 2026', '2026-03-05', '05/03/2026'])(
    'takes "%s" typed and shows it as 05/03/2026',
    async (typed) => {
      render(<Harness />);
      const user = userEvent.setup();
      await user.type(box(), typed);
      await user.tab();
      expect(saved().value).toBe('2026-03-05');
      expect(box()).toHaveProperty('value', '05/03/2026');
    },
  );

  it('keeps text that is not a date, says so with a code, and leaves the saved date alone', async () => {
    render(<Harness initial="2026-01-10" />);
    const user = userEvent.setup();
    await user.clear(box());
    await user.type(box(), '31/02/2026');
    await user.tab();
    expect(box()).toHaveProperty('value', '31/02/2026');
    const message = screen.getByText(/not a date this field can read/);
    expect(message.closest('[data-error-code]')?.getAttribute('data-error-code')).toBe('DATE_INVALID');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(saved().value).toBe('2026-01-10');

    // Corrected, the message goes and the date is saved.
    await user.clear(box());
    await user.type(box(), '28/02/2026');
    await user.tab();
    expect(saved().value).toBe('2026-02-28');
    expect(screen.queryByText(/not a date this field can read/)).toBeNull();
  });

  it('drops the message when the date is set from elsewhere, showing that date', async () => {
    render(<Harness initial="2026-01-10" />);
    const user = userEvent.setup();
    await user.clear(box());
    await user.type(box(), 'soon');
    await user.tab();
    expect(screen.getByText(/not a date this field can read/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Set elsewhere' }));
    expect(screen.queryByText(/not a date this field can read/)).toBeNull();
    expect(box()).toHaveProperty('value', '01/04/2026');
  });

  it('refuses a date outside its range with the limit in British form, keeping the text', async () => {
    render(<Harness min="2025-09-01" max="2026-08-31" />);
    const user = userEvent.setup();
    await user.type(box(), '1 September 2026');
    await user.tab();
    expect(box()).toHaveProperty('value', '1 September 2026');
    const message = screen.getByText('Enter 31/08/2026 or earlier.');
    expect(message.closest('[data-error-code]')?.getAttribute('data-error-code')).toBe('DATE_TOO_LATE');
    expect(saved().changes).toEqual([]);

    await user.clear(box());
    await user.type(box(), '31/8/2025');
    await user.tab();
    expect(screen.getByText('Enter 01/09/2025 or later.')).toBeTruthy();
    expect(saved().changes).toEqual([]);
  });

  it('clears the date when the box is emptied', async () => {
    render(<Harness initial="2026-03-05" />);
    const user = userEvent.setup();
    await user.clear(box());
    await user.tab();
    expect(saved()).toEqual({ value: null, changes: [null] });
  });

  it('is one Tab stop: the calendar icon is reached from the box, not by Tab', () => {
    render(<Harness />);
    const field = box().closest('.fui-Field')!;
    const stops = [...field.querySelectorAll<HTMLElement>('input, button, a[href], [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !el.hasAttribute('data-tabster-dummy'),
    );
    expect(stops).toEqual([box()]);
  });

  it('opens a calendar from the keyboard that starts on Monday and names days in British order', async () => {
    render(<Harness initial="2026-03-05" />);
    const user = userEvent.setup();
    box().focus();
    await user.keyboard('{ArrowDown}');
    const calendar = await screen.findByRole('dialog', { name: 'Calendar' });
    const headers = within(calendar)
      .getAllByRole('columnheader', { hidden: true })
      .map((h) => h.getAttribute('aria-label') ?? h.getAttribute('title') ?? h.textContent);
    expect(headers[0]).toBe('Monday');
    expect(headers[6]).toBe('Sunday');
    await user.click(within(calendar).getByRole('button', { name: '12, March, 2026', hidden: true }));
    await waitFor(() => expect(saved().value).toBe('2026-03-12'));
    expect(box()).toHaveProperty('value', '12/03/2026');
  });
});
