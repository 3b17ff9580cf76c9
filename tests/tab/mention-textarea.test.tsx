/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Field, FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { insertMention, matchCandidates, mentionQueryAt } from '../../tab/src/editor/mention-query';
import {
  MentionProvider,
  MentionTextarea,
  type MentionCandidate,
} from '../../tab/src/editor/mention-textarea';

const RIA = { id: '22222222-2222-4222-8222-222222222222', name: 'Ria Patel', label: 'Child B' };
const ZOE = { id: '33333333-3333-4333-8333-333333333333', name: 'Zoë Ångström', label: 'Child C' };

afterEach(cleanup);

function Box({ candidates, initial = '' }: { candidates: MentionCandidate[]; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <MentionProvider candidates={candidates}>
        <Field label="What happened">
          <MentionTextarea value={value} onChange={setValue} />
        </Field>
        <output data-testid="value">{value}</output>
      </MentionProvider>
    </FluentProvider>
  );
}

describe('finding the @ being typed', () => {
  it('opens at an @ that starts a word, not inside an email address or across a line', () => {
    expect(mentionQueryAt('Near @Ri', 8)).toEqual({ start: 5, query: 'Ri' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Near @Zoë Å', 11)).toEqual({ start: 5, query: 'Zoë Å' });
    expect(mentionQueryAt('mail head@school.org', 20)).toBeNull();
    expect(mentionQueryAt('Near @Ri\nthen', 13)).toBeNull();
    expect(mentionQueryAt('@ Ria', 5)).toBeNull();
  });

  it('matches any word of the name, or the label, without accents or case', () => {
    expect(matchCandidates([RIA, ZOE], 'zoe').map((c) => c.id)).toEqual([ZOE.id]);
    expect(matchCandidates([RIA, ZOE], 'ANGS').map((c) => c.id)).toEqual([ZOE.id]);
    expect(matchCandidates([RIA, ZOE], 'child b').map((c) => c.id)).toEqual([RIA.id]);
    expect(matchCandidates([RIA, ZOE], '')).toHaveLength(2);
    expect(matchCandidates([RIA, ZOE], 'sam')).toEqual([]);
  });

  it('puts the name where the @ was, with one space after it', () => {
    expect(insertMention('Near @Ri at break', 5, 8, 'Ria Patel')).toEqual({
      text: 'Near Ria Patel at break',
      caret: 14,
    });
    expect(insertMention('Near @Ri', 5, 8, 'Ria Patel')).toEqual({ text: 'Near Ria Patel ', caret: 15 });
    expect(insertMention('Near @Ri.', 5, 8, 'Ria Patel').text).toBe('Near Ria Patel.');
  });
});

describe('MentionTextarea', () => {
  it('lists the children on @, moves with the arrows and chooses with Enter', async () => {
    const user = userEvent.setup();
    render(<Box candidates={[RIA, ZOE]} />);
    const box = screen.getByRole('textbox', { name: 'What happened' });
    await user.click(box);
    await user.type(box, 'Kept apart from @');
    const list = screen.getByRole('listbox', { name: 'Children to mention' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Ria Patel · Child B', 'Zoë Ångström · Child C']);
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(screen.getByText(/2 children to mention/)).toBeTruthy();

    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value').textContent).toBe('Kept apart from Zoë Ångström ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(box);
    await user.type(box, 'at break.');
    expect(screen.getByTestId('value').textContent).toBe('Kept apart from Zoë Ångström at break.');
  });

  it('narrows the list as the name is typed and chooses with the pointer', async () => {
    const user = userEvent.setup();
    render(<Box candidates={[RIA, ZOE]} />);
    const box = screen.getByRole('textbox', { name: 'What happened' });
    await user.type(box, 'Told @ri');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Ria Patel · Child B']);
    await user.click(screen.getByRole('option'));
    expect(screen.getByTestId('value').textContent).toBe('Told Ria Patel ');
  });

  it('Escape closes the list without changing the text, until another @ is typed', async () => {
    const user = userEvent.setup();
    render(<Box candidates={[RIA]} />);
    const box = screen.getByRole('textbox', { name: 'What happened' });
    await user.type(box, 'Email @');
    expect(screen.getByRole('listbox')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(box, 'x');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByTestId('value').textContent).toBe('Email @x');
    await user.type(box, ' @');
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('is a plain text box, Enter making a new line, when there is no child to mention', async () => {
    const user = userEvent.setup();
    render(<Box candidates={[]} />);
    const box = screen.getByRole('textbox', { name: 'What happened' });
    await user.type(box, 'Hi @{Enter}there');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.getAttribute('aria-autocomplete')).toBeNull();
    expect(screen.getByTestId('value').textContent).toBe('Hi @\nthere');
  });
});
