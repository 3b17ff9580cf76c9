/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { AssessmentEditor } from '../../tab/src/editor/assessment-editor';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { toDraft, type Draft } from '../../tab/src/editor/draft';
import { LanguageGuideProvider } from '../../tab/src/language/hinted-textarea';
import {
  agendaSteps,
  currentStep,
  sectionOfStep,
  stepForPath,
  stepOfSection,
  type AgendaStepId,
} from '../../tab/src/meeting/agenda-steps';
import { hackettGuide, languageGuide, riskTemplate } from './support/content';
import { ServiceApi } from './support/fake-api';
import { fill } from './support/fill';

const template = riskTemplate();
const titleOf = (id: string) => template.contexts.find((c) => c.id === `context.${id}`)!.title;
const guide = languageGuide();
let api: ServiceApi;

beforeEach(() => {
  api = new ServiceApi();
});
afterEach(() => api.close());

const twoContexts = {
  learner: { name: 'Sam Learner' },
  risks: [
    {
      id: 'rc1',
      context: 'corridors',
      description: 'Unsupervised changeovers',
      likelihood: 2,
      impact: 3,
      strategies: [
        { id: 'st1', action: 'Staggered changeovers', owner: 'Head of Year 9', startDate: '2026-03-02' },
      ],
    },
    { id: 'rc2', context: 'online', description: 'Messages after school', likelihood: 2, impact: 2 },
  ],
};

async function draftOf(body: unknown): Promise<Draft> {
  const created = await api.create(body);
  return toDraft(created.record);
}

describe('the agenda, computed from the plan', () => {
  it('runs in meeting order, one step per context, with "Context n of N"', async () => {
    const steps = agendaSteps(await draftOf(twoContexts), template);
    expect(steps.map((s) => s.id)).toEqual([
      'attendees',
      'views',
      'context-rc1',
      'context-rc2',
      'decision',
      'actions',
      'review',
    ]);
    expect(steps[2]!.title).toBe(`Context 1 of 2: ${titleOf('corridors')}`);
    expect(steps[3]!.title).toBe(`Context 2 of 2: ${titleOf('online')}`);
  });

  it('has one step to add contexts when there are none yet', async () => {
    const steps = agendaSteps(await draftOf({ learner: { name: 'Sam Learner' } }), template);
    expect(steps.map((s) => s.id)).toEqual([
      'attendees',
      'views',
      'contexts',
      'decision',
      'actions',
      'review',
    ]);
  });

  it('marks a step done from what the plan holds, never by hand', async () => {
    const draft = await draftOf(twoContexts);
    const done = (d: Draft) => Object.fromEntries(agendaSteps(d, template).map((s) => [s.id, s.done]));
    expect(done(draft)).toEqual({
      attendees: false,
      views: false,
      'context-rc1': true,
      'context-rc2': false,
      decision: false,
      actions: true,
      review: false,
    });
    const filled: Draft = {
      ...draft,
      meeting: { attendees: [{ name: 'Dee Esel', role: 'DSL' }] },
      views: { learner: 'Wants to stay in the class.', parentsCarers: ' ' },
      decision: { options: ['manage-internally'], factors: [], rationale: 'Agreed in the meeting.' },
      review: { nextDue: '2026-04-01' },
    };
    expect(done(filled)).toMatchObject({ attendees: true, views: false, decision: true, review: true });
    expect(done({ ...filled, views: { learner: 'x', parentsCarers: 'y' } }).views).toBe(true);
    expect(done({ ...filled, decision: { ...filled.decision!, rationale: '' } }).decision).toBe(false);
  });

  it('stays with the contexts when the shown one is removed, and finds the step of a field', async () => {
    const draft = await draftOf(twoContexts);
    const steps = agendaSteps(draft, template);
    expect(currentStep(steps, 'context-gone')!.id).toBe('context-rc1');
    expect(currentStep(steps, undefined)!.id).toBe('attendees');
    expect(stepForPath(draft, 'risks.1.description')).toBe('context-rc2');
    expect(stepForPath(draft, 'meeting.attendees.0.role')).toBe('attendees');
    expect(stepForPath(draft, 'review.nextDue')).toBe('review');
    expect(stepForPath(draft, 'learner.name')).toBeNull();
  });

  it('switches between steps and sections where the meeting was', () => {
    expect(
      ['attendees', 'views', 'context-rc2', 'contexts', 'decision', 'actions', 'review'].map(sectionOfStep),
    ).toEqual(['meeting', 'views', 'risks', 'risks', 'decision', 'risks', 'plan']);
    expect(['meeting', 'views', 'risks', 'decision', 'plan', 'learner'].map(stepOfSection)).toEqual([
      'attendees',
      'views',
      'contexts',
      'decision',
      'review',
      undefined,
    ]);
  });

  it('opens the first context for the contexts', async () => {
    const steps = agendaSteps(await draftOf(twoContexts), template);
    expect(currentStep(steps, 'contexts')!.id).toBe('context-rc1');
  });

  it('has no agenda for a support plan', async () => {
    const draft = await draftOf({ learner: { name: 'Ria' } });
    expect(agendaSteps({ ...draft, kind: 'support-plan' }, template)).toEqual([]);
  });
});

function Harness({ controller, start }: { controller: AutosaveController; start: AgendaStepId }) {
  const [step, setStep] = useState<string>(start);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <LanguageGuideProvider guide={guide}>
        <AssessmentEditor
          controller={controller}
          template={template}
          hackett={hackettGuide()}
          contentUnavailable={false}
          section="learner"
          onSection={() => undefined}
          agenda={{ step, onStep: setStep }}
          compact
        />
      </LanguageGuideProvider>
    </FluentProvider>
  );
}

async function renderAgenda(start: AgendaStepId, body: unknown = twoContexts) {
  const created = await api.create(body);
  const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
    debounceMs: 30,
    now: () => new Date(2026, 2, 10, 10, 42),
  });
  render(<Harness controller={controller} start={start} />);
  return { id: created.record.id, user: userEvent.setup({ delay: null }) };
}

const heading = () => document.getElementById('section-title')!;
const saveStatus = () => screen.getByTestId('save-status');

describe('meeting mode in the plan editor', () => {
  it('shows one context at a time, and Next moves focus to the next step’s heading', async () => {
    const { user } = await renderAgenda('context-rc1');
    expect(heading().textContent).toBe(`Context 1 of 2: ${titleOf('corridors')}`);
    expect(document.querySelectorAll('[data-risk-id]')).toHaveLength(1);
    expect(screen.getByRole('region', { name: titleOf('corridors') })).toBeTruthy();
    expect(screen.queryByRole('region', { name: titleOf('online') })).toBeNull();

    await user.click(screen.getByRole('button', { name: `Next: ${titleOf('online')}` }));
    await waitFor(() => expect(heading().textContent).toBe(`Context 2 of 2: ${titleOf('online')}`));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(screen.getByRole('region', { name: titleOf('online') })).toBeTruthy();
    expect(screen.queryByRole('region', { name: titleOf('corridors') })).toBeNull();
    // A second Enter on the heading skips nothing.
    await user.keyboard('{Enter}');
    expect(heading().textContent).toBe(`Context 2 of 2: ${titleOf('online')}`);

    await user.click(screen.getByRole('button', { name: `Previous: ${titleOf('corridors')}` }));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(heading().textContent).toBe(`Context 1 of 2: ${titleOf('corridors')}`);
  });

  it('lists the steps with their progress and goes to one chosen from the list', async () => {
    const { user } = await renderAgenda('attendees');
    const agenda = screen.getByRole('navigation', { name: 'Agenda' });
    expect(within(agenda).getByText('Agenda: step 1 of 7, 2 done')).toBeTruthy();
    const steps = within(agenda)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps).toEqual([
      'Who is here, to do',
      'Views, to do',
      `${titleOf('corridors')}, done`,
      `${titleOf('online')}, to do`,
      'Decision, to do',
      'Actions, done',
      'Next review, to do',
    ]);
    expect(
      within(agenda)
        .getByRole('button', { name: /^Who is here/ })
        .getAttribute('aria-current'),
    ).toBe('step');
    await user.click(within(agenda).getByRole('button', { name: /^Actions/ }));
    await waitFor(() => expect(heading().textContent).toBe('Actions'));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(screen.getByText('Staggered changeovers')).toBeTruthy();
    expect(screen.getByText('Head of Year 9, from 2 Mar 2026; not yet in place')).toBeTruthy();
  });

  it('edits the same plan through the same autosave: views, and who could be harmed', async () => {
    const { user, id } = await renderAgenda('views');
    await fill(
      user,
      screen.getByRole('textbox', { name: /the learner’s views/i }),
      'Wants to stay in the class',
    );
    await fill(user, screen.getByRole('textbox', { name: /parents’ or carers’ views/i }), 'Support the plan');
    await waitFor(() => expect(saveStatus().textContent).toBe('Saved 10:42'));
    await waitFor(async () =>
      expect((await api.getAssessment(id)).record.views).toEqual({
        learner: 'Wants to stay in the class',
        parentsCarers: 'Support the plan',
      }),
    );
    const agenda = screen.getByRole('navigation', { name: 'Agenda' });
    await waitFor(() => expect(within(agenda).getByRole('button', { name: /^Views\W+done$/ })).toBeTruthy());

    await user.click(within(agenda).getByRole('button', { name: new RegExp(`^${titleOf('online')}`) }));
    const harmed = await screen.findByRole('group', { name: /who could be harmed/i });
    await user.click(within(harmed).getByRole('checkbox', { name: 'Other children' }));
    await user.click(within(harmed).getByRole('checkbox', { name: 'Staff' }));
    await waitFor(async () => {
      const { record } = await api.getAssessment(id);
      expect(record.risks.find((r) => r.id === 'rc2')!.affects).toEqual(['others', 'staff']);
    });
  });

  it('moves on to a context added during the meeting, with focus in its risk', async () => {
    const { user } = await renderAgenda('contexts', { learner: { name: 'Sam Learner' } });
    expect(heading().textContent).toBe('Risks by context');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Add a context' }), 'toilets-changing');
    await user.click(screen.getByRole('button', { name: 'Add context' }));
    await waitFor(() => expect(heading().textContent).toBe(`Context 1 of 1: ${titleOf('toilets-changing')}`));
    const card = screen.getByRole('region', { name: titleOf('toilets-changing') });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(card).getByRole('textbox', { name: /^the risk/i })),
    );
  });
});
