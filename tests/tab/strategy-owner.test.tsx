/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiClient } from '../../tab/src/api/api-client';
import { AssessmentEditor, type SectionId } from '../../tab/src/editor/assessment-editor';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { PeopleProvider } from '../../tab/src/ui/people-picker';
import { hackettGuide, riskTemplate } from './support/content';
import { ServiceApi } from './support/fake-api';
import { fill } from './support/fill';
import { json, scriptedFetch } from './support/http';

const template = riskTemplate();
const titleOf = (id: string) => template.contexts.find((c) => c.id === `context.${id}`)!.title;
const ALEX = { id: 'local:alex-morgan-dsl', displayName: 'Alex Morgan (DSL)', source: 'local' } as const;
const SAM = { id: 'local:sam-patel', displayName: 'Sam Patel', source: 'local' } as const;

let service: ServiceApi;
beforeEach(() => {
  service = new ServiceApi();
});
afterEach(() => service.close());

/** The plan editor as the tab shows it, with GET /api/people answering from a small local directory. */
async function renderEditor(body: unknown, start: SectionId = 'risks') {
  const created = await service.create(body);
  const controller = new AutosaveController(service, await service.getAssessment(created.record.id), {
    debounceMs: 30,
  });
  const { fetch } = scriptedFetch((req) => {
    const q = new URL(req.url, 'http://tab.test').searchParams.get('q') ?? '';
    const items = [ALEX, SAM].filter((p) => p.displayName.toLowerCase().startsWith(q.toLowerCase()));
    return json(200, { items });
  });
  function Harness() {
    const [section, setSection] = useState<SectionId>(start);
    return (
      <AssessmentEditor
        controller={controller}
        template={template}
        hackett={hackettGuide()}
        contentUnavailable={false}
        section={section}
        onSection={setSection}
      />
    );
  }
  render(
    <FluentProvider theme={teamsLightTheme}>
      <PeopleProvider api={new ApiClient({ getToken: async () => undefined, fetch })}>
        <Harness />
      </PeopleProvider>
    </FluentProvider>,
  );
  return { id: created.record.id, user: userEvent.setup({ delay: null }) };
}

const saved = async (id: string) => (await service.getAssessment(id)).record.risks[0]!.strategies;

describe('a strategy’s owner and due date', () => {
  it('adds a strategy owned by a member of staff chosen from the directory, with a due date', async () => {
    const { id, user } = await renderEditor({
      learner: { name: 'Sam Learner' },
      risks: [{ context: 'online', description: 'Group chats', likelihood: 2, impact: 2 }],
    });
    const add = screen.getByRole('group', { name: `Add a strategy for ${titleOf('online')}` });
    fireEvent.change(within(add).getByRole('textbox', { name: /new strategy/i }), {
      target: { value: 'Check chat settings' },
    });
    const who = within(add).getByRole('combobox', { name: /who will do it/i });
    await user.click(who);
    fireEvent.change(who, { target: { value: 'Alex' } });
    await user.click(await screen.findByRole('option', { name: 'Alex Morgan (DSL)' }));
    // The date field reads what was typed, day first, when the box is left.
    await fill(user, within(add).getByLabelText('Due (date)'), '20/03/2026');
    await user.tab();
    await user.click(within(add).getByRole('button', { name: 'Add strategy' }));
    await waitFor(async () =>
      expect(await saved(id)).toEqual([
        expect.objectContaining({
          action: 'Check chat settings',
          owner: 'Alex Morgan (DSL)',
          ownerId: ALEX.id,
          due: '2026-03-20',
        }),
      ]),
    );
    const row = screen.getByRole('group', { name: 'Strategy 1' });
    expect((within(row).getByRole('combobox', { name: 'Who' }) as HTMLInputElement).value).toBe(
      'Alex Morgan (DSL)',
    );
    // The row shows the saved date the en-GB way.
    expect((within(row).getByLabelText('Due') as HTMLInputElement).value).toBe('20/03/2026');
  });

  it('shows an owner typed before as a name, and gives the strategy to a person chosen instead', async () => {
    const { id, user } = await renderEditor({
      learner: { name: 'Sam Learner' },
      risks: [
        {
          context: 'online',
          description: 'Group chats',
          likelihood: 2,
          impact: 2,
          strategies: [{ id: 's1', action: 'Check chat settings', owner: 'Head of Year 9' }],
        },
      ],
    });
    const row = screen.getByRole('group', { name: 'Strategy 1' });
    const who = within(row).getByRole('combobox', { name: 'Who' }) as HTMLInputElement;
    expect(who.value).toBe('Head of Year 9');
    expect(within(row).getByText('A name typed freely: no one is told in Teams.')).toBeTruthy();
    // One change event per edit, not one per key: each key re-renders the whole plan editor.
    await user.click(who);
    fireEvent.change(who, { target: { value: 'Sam' } });
    await user.click(await screen.findByRole('option', { name: 'Sam Patel' }));
    await waitFor(async () =>
      expect(await saved(id)).toEqual([
        expect.objectContaining({ id: 's1', owner: 'Sam Patel', ownerId: SAM.id }),
      ]),
    );
    // Typing over a chosen person makes the owner a typed name again: the directory id goes.
    fireEvent.change(who, { target: { value: 'Sam Patel B' } });
    await waitFor(async () => {
      const [strategy] = await saved(id);
      expect(strategy).toMatchObject({ owner: 'Sam Patel B' });
      expect(strategy).not.toHaveProperty('ownerId');
    });
  });

  it('gives a support plan’s measure to a member of staff, with a due date', async () => {
    const { id, user } = await renderEditor({ learner: { name: 'Ria' }, kind: 'support-plan' }, 'wishes');
    const add = screen.getByRole('group', { name: 'Add a support measure for the child' });
    fireEvent.change(within(add).getByRole('textbox', { name: /new support measure/i }), {
      target: { value: 'Weekly check-in with a trusted adult' },
    });
    const who = within(add).getByRole('combobox', { name: /who will do it/i });
    await user.click(who);
    fireEvent.change(who, { target: { value: 'Sam' } });
    await user.click(await screen.findByRole('option', { name: 'Sam Patel' }));
    // The date field reads what was typed, day first, when the box is left.
    await fill(user, within(add).getByLabelText('Due (date)'), '01/04/2026');
    await user.tab();
    await user.click(within(add).getByRole('button', { name: 'Add support measure' }));
    await waitFor(async () =>
      expect((await service.getAssessment(id)).record.supportPlan?.measures).toEqual([
        expect.objectContaining({
          action: 'Weekly check-in with a trusted adult',
          owner: 'Sam Patel',
          ownerId: SAM.id,
          due: '2026-04-01',
        }),
      ]),
    );
    expect(screen.getByRole('group', { name: 'Support measure 1' })).toBeTruthy();
  });
});
