/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { classify, parseClassificationInput, type ClassificationInput } from '../../core/index.js';
import { AssessmentEditor, type SectionId } from '../../tab/src/editor/assessment-editor';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { LanguageGuideProvider } from '../../tab/src/language/hinted-textarea';
import { hackettGuide, languageGuide, riskTemplate } from './support/content';
import { ServiceApi } from './support/fake-api';

const template = riskTemplate();
const optionTitle = (id: string) => template.decision.options.find((o) => o.id === id)!.title;
const levelTitle = (id: string) => hackettGuide().levels.find((l) => l.id === id)!.title;
let api: ServiceApi;
let sent: ClassificationInput[];

/** POST /api/classify in-process: the server's own parsing and rules, as the route runs them. */
async function classifyInProcess(input: ClassificationInput) {
  sent.push(input);
  return classify(parseClassificationInput(JSON.parse(JSON.stringify(input))));
}

beforeEach(() => {
  api = new ServiceApi();
  sent = [];
});
afterEach(() => api.close());

function Harness({ controller }: { controller: AutosaveController }) {
  const [section, setSection] = useState<SectionId>('incidents');
  return (
    <FluentProvider theme={teamsLightTheme}>
      <LanguageGuideProvider guide={languageGuide()}>
        <AssessmentEditor
          controller={controller}
          template={template}
          hackett={hackettGuide()}
          classify={classifyInProcess}
          contentUnavailable={false}
          section={section}
          onSection={setSection}
        />
      </LanguageGuideProvider>
    </FluentProvider>
  );
}

async function renderIncidents(incidents = [{}, {}]) {
  const created = await api.create({ learner: { name: 'Sam Learner' }, incidents });
  const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
    debounceMs: 30,
  });
  render(<Harness controller={controller} />);
  return { id: created.record.id, user: userEvent.setup({ delay: null }) };
}

describe('the incident section’s guided placement', () => {
  it('places two 12-year-olds’ "mutual" sexual acts with the server’s rules, and records nothing', async () => {
    const { user, id } = await renderIncidents();
    const before = JSON.stringify((await api.getAssessment(id)).record.incidents);
    const [first] = screen.getAllByRole('button', { name: 'Think it through with guided questions' });
    await user.click(first!);
    const guided = screen.getByRole('region', { name: 'Guided placement' });
    const ages = within(guided).getAllByRole('spinbutton');
    await user.type(ages[0]!, '12');
    await user.type(ages[1]!, '12');
    await user.click(within(guided).getByRole('checkbox', { name: 'Sexual acts, or acting them out' }));
    await user.click(within(guided).getByRole('radio', { name: /^Mutual/ }));
    await user.click(within(guided).getByRole('radio', { name: /^Similar age/ }));
    await user.click(within(guided).getByRole('radio', { name: 'Once' }));
    await user.click(within(guided).getByRole('button', { name: 'Suggest a placement' }));

    const result = await within(guided).findByRole('status', { name: 'Suggested placement' });
    expect(sent).toEqual([
      {
        children: [{ age: 12 }, { age: 12 }],
        seen: ['sexual-acts'],
        consent: 'mutual',
        power: 'equal',
        frequency: 'once',
        aggravating: [],
      },
    ]);
    expect(within(result).getByRole('heading').textContent).toBe(
      `Suggested placement: ${levelTitle('abusive')}`,
    );
    const actions = within(within(result).getByRole('list', { name: 'Actions to consider' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(actions).toEqual(
      expect.arrayContaining([optionTitle('referral-csc'), optionTitle('report-police')]),
    );
    expect(result.textContent).toMatch(/under 13/);
    // The DSL still chooses: the incident's level is untouched.
    await new Promise((r) => setTimeout(r, 80));
    expect(JSON.stringify((await api.getAssessment(id)).record.incidents)).toBe(before);
  });

  it('shows the "DSL decides" note once on the page, with one guided placement open at a time', async () => {
    const { user } = await renderIncidents();
    const [first, second] = screen.getAllByRole('button', { name: 'Think it through with guided questions' });
    await user.click(first!);
    let guided = screen.getByRole('region', { name: 'Guided placement' });
    await user.type(within(guided).getAllByRole('spinbutton')[0]!, '14');
    await user.click(within(guided).getByRole('checkbox', { name: 'Sexual talk, jokes or comments' }));
    await user.click(within(guided).getByRole('radio', { name: /^Mutual/ }));
    await user.click(within(guided).getByRole('radio', { name: /^Similar age/ }));
    await user.click(within(guided).getByRole('radio', { name: 'Once' }));
    await user.click(within(guided).getByRole('button', { name: 'Suggest a placement' }));
    await within(guided).findByRole('status');
    expect(screen.getAllByText(/The DSL decides/)).toHaveLength(1);

    await user.click(second!);
    expect(screen.getAllByRole('region', { name: 'Guided placement' })).toHaveLength(1);
    guided = screen.getByRole('region', { name: 'Guided placement' });
    expect(within(guided).queryByRole('status')).toBeNull();
  });

  it('asks for what is missing instead of calling the server', async () => {
    const { user } = await renderIncidents([{}]);
    await user.click(screen.getByRole('button', { name: 'Think it through with guided questions' }));
    const guided = screen.getByRole('region', { name: 'Guided placement' });
    await user.click(within(guided).getByRole('button', { name: 'Suggest a placement' }));
    await waitFor(() => expect(within(guided).getByText(/Give at least one child’s age/)).toBeTruthy());
    expect(sent).toEqual([]);
  });

  it('starts an online incident with the setting "online"', async () => {
    const { user } = await renderIncidents([{ online: true }]);
    await user.click(screen.getByRole('button', { name: 'Think it through with guided questions' }));
    const guided = screen.getByRole('region', { name: 'Guided placement' });
    expect(
      (within(guided).getByRole('combobox', { name: 'Where it happened' }) as HTMLSelectElement).value,
    ).toBe('online');
  });
});
