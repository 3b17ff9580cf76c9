/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Assessment } from '../../core/assessment/schema';
import { AssessmentEditor, type SectionId } from '../../tab/src/editor/assessment-editor';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { useCloseOnLeave, useLeaveWarning } from '../../tab/src/editor/use-autosave';
import { LanguageGuideProvider } from '../../tab/src/language/hinted-textarea';
import { AppToaster } from '../../tab/src/ui/toasts';
import { UNDO_MS } from '../../tab/src/ui/undo-removal';
import { languageGuide, riskTemplate } from './support/content';
import { ServiceApi, TODAY } from './support/fake-api';
import { fill } from './support/fill';

const template = riskTemplate();
const guide = languageGuide();
const DEBOUNCE_MS = 50;
let api: ServiceApi;

beforeEach(() => {
  jest.useFakeTimers();
  api = new ServiceApi();
});
afterEach(async () => {
  jest.useRealTimers();
  await api.close();
});

function Harness({ controller, start }: { controller: AutosaveController; start: SectionId }) {
  const [section, setSection] = useState<SectionId>(start);
  useCloseOnLeave(controller);
  useLeaveWarning(controller);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <LanguageGuideProvider guide={guide}>
        <AssessmentEditor
          controller={controller}
          template={template}
          contentUnavailable={false}
          section={section}
          onSection={setSection}
        />
      </LanguageGuideProvider>
      <AppToaster />
    </FluentProvider>
  );
}

const strategies = [
  { action: 'Seating plan in English', owner: 'English teacher', inPlace: true },
  { action: 'Separate lunch times', owner: 'Head of year', inPlace: false },
  { action: 'Check-ins with the key adult', owner: 'Key adult', inPlace: false },
];

async function renderEditor(start: SectionId, extra: Record<string, unknown> = {}) {
  const created = await api.create({
    learner: { name: 'Sam Learner' },
    risks: [{ context: 'classroom', description: 'Sits near', likelihood: 2, impact: 2, strategies }],
    ...extra,
  });
  const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
    debounceMs: DEBOUNCE_MS,
  });
  const view = render(<Harness controller={controller} start={start} />);
  const user = userEvent.setup({ delay: null, advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
  return { controller, id: created.record.id, user, view };
}

/** Runs timers and lets the fake API's promises settle in between. */
async function wait(ms: number) {
  for (let left = ms; left > 0; left -= 25) {
    await act(async () => {
      jest.advanceTimersByTime(Math.min(25, left));
      await Promise.resolve();
    });
  }
  await act(async () => {
    await new Promise(jest.requireActual<typeof import('timers')>('timers').setImmediate);
  });
}

const actions = async (id: string) =>
  (await api.getAssessment(id)).record.risks[0]!.strategies.map((s) => s.action);
const lastPut = () =>
  [...api.calls].reverse().find((c) => c.method === 'PUT')?.body as Partial<Assessment> | undefined;
const strategyFields = () =>
  screen.queryAllByRole('textbox', { name: /^Strategy \d/ }).map((el) => (el as HTMLInputElement).value);
const undoButton = () => screen.getByRole('button', { name: 'Undo' });

describe('Remove with Undo', () => {
  it('takes the entry out of view at once and asks nothing, but saves nothing while Undo is offered', async () => {
    const { user, id } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 1' }));
    expect(strategyFields()).toEqual([strategies[1]!.action, strategies[2]!.action]);
    expect(screen.getByText('Strategy removed')).toBeTruthy();
    expect(document.activeElement).toBe(undoButton());
    await wait(DEBOUNCE_MS * 4);
    expect(api.puts()).toBe(0);
    expect(await actions(id)).toEqual(strategies.map((s) => s.action));
  });

  it('Undo puts the entry back in its place with focus in its first field', async () => {
    const { user, id } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 2' }));
    expect(strategyFields()).toHaveLength(2);
    await user.click(undoButton());
    expect(strategyFields()).toEqual(strategies.map((s) => s.action));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Strategy 2/ }));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await wait(UNDO_MS + DEBOUNCE_MS * 4);
    expect(api.puts()).toBe(0);
    expect(await actions(id)).toEqual(strategies.map((s) => s.action));
  });

  it('saves the removal once the toast lapses, and not before', async () => {
    const { user, id } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 1' }));
    // Focus on the toast pauses it; the person moves on.
    await user.tab();
    expect(document.activeElement).not.toBe(document.body);
    await wait(UNDO_MS - 1000);
    expect(api.puts()).toBe(0);
    await wait(1000 + DEBOUNCE_MS * 4);
    expect(screen.queryByText('Strategy removed')).toBeNull();
    expect(lastPut()?.risks?.[0]?.strategies?.map((s) => s.action)).toEqual([
      strategies[1]!.action,
      strategies[2]!.action,
    ]);
    expect(await actions(id)).toEqual([strategies[1]!.action, strategies[2]!.action]);
  });

  it('does not lapse while the toast has focus', async () => {
    const { user } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 1' }));
    expect(document.activeElement).toBe(undoButton());
    await wait(UNDO_MS * 2);
    expect(api.puts()).toBe(0);
    expect(undoButton()).toBeTruthy();
  });

  it('does not lapse while the pointer is over the toast, and lapses after it leaves', async () => {
    const { user, id } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 1' }));
    await user.tab();
    const toast = screen.getByText('Strategy removed');
    await user.hover(toast);
    await wait(UNDO_MS * 2);
    expect(api.puts()).toBe(0);
    await user.unhover(toast);
    await wait(UNDO_MS + DEBOUNCE_MS * 4);
    expect(await actions(id)).toEqual([strategies[1]!.action, strategies[2]!.action]);
  });

  it('holds back two pending removals when another edit is saved, and keeps both undoable', async () => {
    const { user, id } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 1' }));
    await user.click(screen.getByRole('button', { name: 'Remove strategy 2' }));
    expect(strategyFields()).toEqual([strategies[1]!.action]);
    const risk = screen.getByRole('textbox', { name: 'The risk' });
    await fill(user, risk, ' the other child');
    await wait(DEBOUNCE_MS * 4);
    const sent = lastPut();
    expect(sent?.risks?.[0]?.description).toBe('Sits near the other child');
    expect(sent?.risks?.[0]?.strategies?.map((s) => s.action)).toEqual(strategies.map((s) => s.action));
    expect(await actions(id)).toEqual(strategies.map((s) => s.action));
    // The view still shows them removed after the save came back.
    expect(strategyFields()).toEqual([strategies[1]!.action]);
    const [first] = screen.getAllByRole('button', { name: 'Undo' });
    await user.click(first!);
    expect(strategyFields()).toEqual([strategies[0]!.action, strategies[1]!.action]);
  });

  it('commits a pending removal when the page is left', async () => {
    const { user, id, view } = await renderEditor('risks');
    await user.click(screen.getByRole('button', { name: 'Remove strategy 3' }));
    view.unmount();
    await wait(DEBOUNCE_MS * 4);
    expect(await actions(id)).toEqual([strategies[0]!.action, strategies[1]!.action]);
  });

  // The document is left with the toast still up: Teams takes the tab's frame away (pagehide), or
  // the browser unloads it (beforeunload, then pagehide).
  const leaveDocument: Record<string, () => void> = {
    pagehide: () => window.dispatchEvent(new Event('pagehide')),
    beforeunload: () => {
      window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
      window.dispatchEvent(new Event('pagehide'));
    },
  };

  it.each(Object.keys(leaveDocument))(
    'saves a pending removal when the document is left before the toast lapses (%s)',
    async (event) => {
      const { user, id } = await renderEditor('risks');
      await user.click(screen.getByRole('button', { name: 'Remove strategy 2' }));
      await wait(DEBOUNCE_MS * 4);
      expect(api.puts()).toBe(0);
      leaveDocument[event]!();
      await wait(DEBOUNCE_MS * 4);
      expect(await actions(id)).toEqual([strategies[0]!.action, strategies[2]!.action]);
      expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    },
  );

  it.each(Object.keys(leaveDocument))(
    'removes nothing when Undo came before the document was left (%s)',
    async (event) => {
      const { user, id } = await renderEditor('risks');
      await user.click(screen.getByRole('button', { name: 'Remove strategy 2' }));
      await user.click(undoButton());
      leaveDocument[event]!();
      await wait(UNDO_MS + DEBOUNCE_MS * 4);
      expect(api.puts()).toBe(0);
      expect(await actions(id)).toEqual(strategies.map((s) => s.action));
    },
  );

  it('removes a context without asking, and Undo brings it back with its strategies', async () => {
    const { user, id } = await renderEditor('risks');
    const title = template.contexts.find((c) => c.id === 'context.classroom')!.title;
    await user.click(screen.getByRole('button', { name: `Remove ${title}` }));
    expect(screen.queryByRole('region', { name: title })).toBeNull();
    expect(screen.queryByRole('button', { name: /Yes, remove/ })).toBeNull();
    expect(screen.getByText(`${title} removed`)).toBeTruthy();
    await user.click(undoButton());
    const card = screen.getByRole('region', { name: title });
    expect(within(card).getAllByRole('textbox', { name: /^Strategy \d/ })).toHaveLength(3);
    expect(card.contains(document.activeElement)).toBe(true);
    expect((await api.getAssessment(id)).record.risks).toHaveLength(1);
  });
});

describe('focus after Remove in other sections', () => {
  it('attendees: focus goes to Undo, and Undo restores the row', async () => {
    const { user } = await renderEditor('meeting', {
      meeting: {
        attendees: [
          { name: 'A Teacher', role: 'DSL' },
          { name: 'B Parent', role: 'Parent' },
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: 'Remove A Teacher' }));
    expect(screen.queryByRole('button', { name: 'Remove A Teacher' })).toBeNull();
    expect(screen.getByText('Attendee removed')).toBeTruthy();
    expect(document.activeElement).toBe(undoButton());
    await user.click(undoButton());
    const rows = within(screen.getByRole('table', { name: 'Attendees' })).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('A Teacher');
    expect(rows[1]!.contains(document.activeElement)).toBe(true);
  });

  it('sharing: focus goes to Undo, and after the toast closes by Escape focus stays near the list', async () => {
    const { user, id } = await renderEditor('sharing', {
      sharing: [{ audience: 'staff', who: 'Form tutor' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove Form tutor' }));
    expect(document.activeElement).toBe(undoButton());
    await user.keyboard('{Escape}');
    await wait(DEBOUNCE_MS * 4);
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await api.getAssessment(id)).record.sharing).toEqual([]);
  });

  it('incidents: Undo links the incident to the other children again', async () => {
    const created = await api.create({
      learner: { name: 'Sam Learner' },
      incidents: [{ id: 'inc1', description: 'Comments in class' }],
      otherChildren: [{ id: 'ch1', name: 'Other Child', role: 'harmed', incidentIds: ['inc1'] }],
    });
    const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
      debounceMs: DEBOUNCE_MS,
    });
    render(<Harness controller={controller} start="incidents" />);
    const user = userEvent.setup({ delay: null, advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    await user.click(screen.getByRole('button', { name: /^Remove incident 1/ }));
    expect(controller.getState().draft.otherChildren[0]!.incidentIds ?? []).toEqual([]);
    expect(document.activeElement).toBe(undoButton());
    await user.click(undoButton());
    expect(controller.getState().draft.otherChildren[0]!.incidentIds).toEqual(['inc1']);
    expect(screen.getByRole('region', { name: /^Incident 1/ }).contains(document.activeElement)).toBe(true);
  });
});

describe('focus after Add and after a change of status', () => {
  const firstFieldOf = (group: HTMLElement) =>
    group.querySelector<HTMLElement>('input, select, textarea, button:not([disabled])');

  it('attendees: focus returns to the add-form’s first field and the new entry is announced', async () => {
    const { user } = await renderEditor('meeting');
    const form = screen.getByRole('group', { name: 'Add an attendee' });
    await fill(user, within(form).getByRole('textbox', { name: /Attendee’s name/ }), 'A Teacher');
    await fill(user, within(form).getByRole('textbox', { name: /^Role/ }), 'DSL');
    await user.click(within(form).getByRole('button', { name: 'Add attendee' }));
    await wait(100);
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: /Attendee’s name/ }));
    expect(within(form).getByRole('status').textContent).toBe('Attendee 1 added.');
    expect(screen.getByRole('button', { name: 'Remove A Teacher' })).toBeTruthy();
  });

  it('sharing: focus returns to “Shared with” for the next entry', async () => {
    const { user } = await renderEditor('sharing');
    const form = screen.getByRole('group', { name: 'Record who it is shared with' });
    await user.selectOptions(within(form).getByRole('combobox', { name: /Shared with/ }), 'staff');
    await fill(user, within(form).getByRole('textbox', { name: /Who/ }), 'Form tutor');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await wait(100);
    expect(document.activeElement).toBe(within(form).getByRole('combobox', { name: /Shared with/ }));
    expect(within(form).getByRole('status').textContent).toBe('Sharing entry 1 added.');
  });

  it('strategies: focus returns to the first field of the strategy form', async () => {
    const { user } = await renderEditor('risks');
    const form = screen.getByRole('group', { name: /^Add a strategy for / });
    await fill(user, within(form).getByRole('textbox', { name: /New strategy/ }), 'Walk with a buddy');
    await fill(user, within(form).getByRole('combobox', { name: /Who will do it/ }), 'Form tutor');
    await user.click(within(form).getByRole('button', { name: 'Add strategy' }));
    await wait(100);
    expect(strategyFields()).toHaveLength(4);
    expect(document.activeElement).toBe(firstFieldOf(form));
    expect(within(form).getByRole('status').textContent).toBe('Strategy 4 added.');
  });

  it('incidents: focus goes to the new incident’s first field', async () => {
    const { user } = await renderEditor('incidents');
    await user.click(screen.getByRole('button', { name: 'Add an incident' }));
    await wait(100);
    expect(document.activeElement?.getAttribute('data-path')).toBe('incidents.0.date');
  });

  it('Make active: focus goes to the section’s title, not to the page', async () => {
    const { user } = await renderEditor('status', {
      decision: { options: ['early-help'], rationale: 'Family agreed.' },
      review: { nextDue: '2026-04-01' },
    });
    await user.click(screen.getByRole('button', { name: 'Make active' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await user.click(within(dialog).getByRole('button', { name: 'Make active', hidden: true }));
    await wait(200);
    expect(screen.getByText('Active')).toBeTruthy();
    expect(document.activeElement).toBe(document.getElementById('section-title'));
  });

  it('Save review: focus goes to the message that the review was saved', async () => {
    // The review is dated today, as the service's clock has it.
    jest.setSystemTime(new Date(`${TODAY}T10:42:00Z`));
    const { user } = await renderEditor('status', {
      status: 'active',
      decision: { options: ['early-help'], rationale: 'Family agreed.' },
      review: { nextDue: '2026-04-01' },
    });
    await fill(
      user,
      screen.getByRole('textbox', { name: /Changes in behaviour since the last review/ }),
      'No further incidents.',
    );
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await screen.findByText(/^Review saved\./);
    await wait(200);
    expect(document.activeElement?.textContent).toMatch(/^Review saved\./);
  });
});
