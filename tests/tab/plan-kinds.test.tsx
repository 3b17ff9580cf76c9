/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { AssessmentEditor, sectionsFor, type SectionId } from '../../tab/src/editor/assessment-editor';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { RiskTrend } from '../../tab/src/editor/sections/reviews-section';
import { LanguageGuideProvider } from '../../tab/src/language/hinted-textarea';
import { hackettGuide, languageGuide, riskTemplate } from './support/content';
import { ServiceApi } from './support/fake-api';
import { fill } from './support/fill';

let api: ServiceApi;
beforeEach(() => {
  api = new ServiceApi();
});
afterEach(() => api.close());

function Harness({ controller, start }: { controller: AutosaveController; start: SectionId }) {
  const [section, setSection] = useState<SectionId>(start);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <LanguageGuideProvider guide={languageGuide()}>
        <AssessmentEditor
          controller={controller}
          template={riskTemplate()}
          hackett={hackettGuide()}
          contentUnavailable={false}
          section={section}
          onSection={setSection}
        />
      </LanguageGuideProvider>
    </FluentProvider>
  );
}

async function renderEditor(start: SectionId, body: unknown) {
  const created = await api.create(body);
  const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
    debounceMs: 30,
    now: () => new Date(2026, 2, 10, 10, 42),
  });
  render(<Harness controller={controller} start={start} />);
  return { id: created.record.id, user: userEvent.setup({ delay: null }) };
}

// A Fluent tab repeats its text (to reserve room for bold), so names are read from the content slot.
const tabs = () =>
  within(screen.getByRole('tablist', { name: 'Sections of the assessment' }))
    .getAllByRole('tab')
    .map((t) => t.querySelector('.fui-Tab__content')!.textContent);

describe('plans of each kind', () => {
  it('a support plan has the child’s wishes and support, and nothing about risks or the other child', async () => {
    const { user, id } = await renderEditor('risks', { learner: { name: 'Ria' }, kind: 'support-plan' });
    expect(tabs()).toEqual(['Learner', 'Wishes and support', 'Review plan', 'Sign-off', 'Make active']);
    // An address naming a section this plan lacks opens the first one instead.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Learner');
    await user.click(screen.getByRole('tab', { name: 'Wishes and support' }));
    await fill(
      user,
      screen.getByRole('textbox', { name: 'What they want to happen' }),
      'To sit away from the other child',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: /Report Remove/ }), 'discussed');
    await waitFor(async () =>
      expect((await api.getAssessment(id)).record.supportPlan).toMatchObject({
        wantsToHappen: 'To sit away from the other child',
        onlineHelp: { reportRemove: 'discussed' },
      }),
    );
  });

  it('a risk assessment records support and interventions and who covers the key adult', async () => {
    const { user, id } = await renderEditor('support', { learner: { name: 'Sam' } });
    expect(tabs()).toContain('Support and key adult');
    expect(tabs()).not.toContain('Wishes and support');
    await fill(user, screen.getByRole('textbox', { name: 'Support and interventions' }), 'Weekly sessions');
    await fill(
      user,
      screen.getByRole('textbox', { name: 'Who covers when the key adult is away' }),
      'Head of year',
    );
    await waitFor(async () =>
      expect((await api.getAssessment(id)).record).toMatchObject({
        support: 'Weekly sessions',
        keyAdultCover: 'Head of year',
      }),
    );
  });

  it('a plan in a case has no list of other children: the case holds them', () => {
    expect(sectionsFor({ kind: 'risk-assessment', caseId: 'c' })).not.toContain('children');
    expect(sectionsFor({ kind: 'risk-assessment' })).toContain('children');
  });
});

describe('reviews', () => {
  it('show how the overall risk changed over time, and what set each level', () => {
    render(
      <FluentProvider theme={teamsLightTheme}>
        <RiskTrend
          history={[
            { level: null, on: '2026-03-01T09:00:00Z', source: 'risks' },
            { level: 'high', on: '2026-03-02T09:00:00Z', source: 'risks' },
            { level: 'medium', on: '2026-03-30', source: 'review', reviewId: 'r1' },
          ]}
        />
      </FluentProvider>,
    );
    const items = within(screen.getByRole('list', { name: 'Overall risk over time' })).getAllByRole(
      'listitem',
    );
    expect(items.map((i) => i.textContent)).toEqual([
      '1 Mar 2026: not yet scored (from the risks)',
      '2 Mar 2026: High (from the risks)',
      '30 Mar 2026: Medium (set at a review)',
    ]);
  });
});
