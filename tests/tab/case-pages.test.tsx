/** @jest-environment jsdom */
import './support/dom';
import { afterEach, describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import { CaseScreen } from '../../tab/src/cases/case-screen';
import { ChildScreen } from '../../tab/src/cases/child-screen';
import { AppToaster } from '../../tab/src/ui/toasts';
import { json, scriptedFetch, type Sent } from './support/http';

const CASE = '99999999-9999-4999-8999-999999999999';
const SAM = '11111111-1111-4111-8111-111111111111';
const RIA = '22222222-2222-4222-8222-222222222222';
const OUTSIDER = '33333333-3333-4333-8333-333333333333';
const PLAN = '44444444-4444-4444-8444-444444444444';

const theCase = {
  id: CASE,
  createdAt: 'x',
  updatedAt: 'x',
  version: 3,
  caseRef: 'HSB-2026-7',
  status: 'open',
  labelsIssued: 2,
  participants: [
    { childId: SAM, roles: ['displayedHsb'], label: 'Child A', assessmentId: PLAN },
    { childId: RIA, roles: ['harmed'], label: 'Child B' },
  ],
  incidents: [
    {
      id: 'i1',
      date: '2026-03-02',
      location: 'Year 8 corridor',
      hackettLevel: 'problematic',
      description: `@[child:${SAM}] touched @[child:${RIA}] over clothing.`,
    },
  ],
  decision: {
    options: ['referral-csc'],
    factors: ['power-imbalance'],
    rationale: `Age gap between @[child:${SAM}] and @[child:${RIA}].`,
  },
  agencies: {
    referrals: [
      { id: 'r1', to: 'childrens-social-care', on: '2026-03-03', status: 'accepted', outcome: 'Assessment' },
    ],
    socialWorker: { name: 'Jo Allen', team: 'North' },
    cscStatus: 'child-in-need',
    police: {
      reference: 'CRN-42',
      officer: 'PC Lee',
      bailConditions: `No contact with @[child:${RIA}].`,
      agreedSharing: [{ what: 'Bail conditions', with: 'Form tutors' }],
    },
    specialistAssessment: 'requested',
  },
};

const chronology = [
  {
    id: 'e2',
    date: '2026-03-04',
    kind: 'note',
    summary: 'Date was wrong: it was the 2nd.',
    by: 'DSL',
    caseId: CASE,
    corrects: 'e1',
    recordedAt: '2026-03-04T10:00:00Z',
  },
  {
    id: 'e1',
    date: '2026-03-01',
    kind: 'incident',
    summary: `Reported by @[child:${OUTSIDER}].`,
    by: 'DSL',
    caseId: CASE,
    recordedAt: '2026-03-01T10:00:00Z',
  },
];

const child = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  createdAt: 'x',
  updatedAt: 'x',
  version: 1,
  retainUntil: null,
  ...extra,
});

function answer(req: Sent): Response {
  if (req.url === `/api/cases/${CASE}`) return json(200, theCase, { ETag: '"3"' });
  if (req.url === `/api/cases/${CASE}/chronology` && req.method === 'POST') {
    return json(201, { id: 'e3', ...(req.body as object), by: 'DSL', recordedAt: 'x' });
  }
  if (req.url === `/api/cases/${CASE}/chronology`) return json(200, { items: chronology });
  if (req.url === `/api/children/${SAM}`) return json(200, child(SAM, 'Sam Stone'), { ETag: '"1"' });
  // Ria's record cannot be read by this caller: the page falls back to her pseudonym.
  if (req.url === `/api/children/${RIA}`) {
    return json(404, { error: { code: 'NOT_FOUND', message: 'Not found.' } });
  }
  throw new Error(`unexpected ${req.method} ${req.url}`);
}

afterEach(cleanup);

function wrap(ui: React.ReactNode) {
  return render(<FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>);
}

describe('the case page', () => {
  it('shows the children with labels and roles, links to plans, and mentions as names to staff', async () => {
    const { fetch } = scriptedFetch(answer);
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    expect(await screen.findByRole('heading', { name: /Case HSB-2026-7/ })).toBeTruthy();
    const children = within(screen.getByRole('list', { name: 'Children in the case' }));
    const [sam, ria] = children.getAllByRole('listitem');
    expect(sam!.textContent).toContain('Child A');
    expect(sam!.textContent).toContain('Sam Stone');
    expect(within(sam!).getByRole('button', { name: 'Open Sam Stone’s risk assessment' })).toBeTruthy();
    expect(
      (within(sam!).getByRole('checkbox', { name: 'Displayed harmful sexual behaviour' }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    // Ria's record cannot be read here: she is her pseudonym, and her role is still shown.
    expect(ria!.textContent).toContain('Child B');
    expect((within(ria!).getByRole('checkbox', { name: 'Child harmed' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(within(ria!).getByRole('button', { name: 'Start a support plan' })).toBeTruthy();
    expect(within(ria!).getByRole('button', { name: 'Remove Child B from the case' })).toBeTruthy();
    expect(within(sam!).queryByRole('button', { name: /Remove/ })).toBeNull();

    const incident = within(screen.getByRole('region', { name: /Incident 1/ }));
    const what = incident.getByRole('textbox', { name: /What happened/ }) as HTMLTextAreaElement;
    // Staff edit with the readable child named; a child whose record is unreadable stays a mention.
    expect(what.value).toBe(`Sam Stone touched @[child:${RIA}] over clothing.`);
    expect((incident.getByRole('textbox', { name: /Where/ }) as HTMLInputElement).value).toBe(
      'Year 8 corridor',
    );
    expect(
      (screen.getByRole('checkbox', { name: /Any imbalance of power/i }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (screen.getByRole('textbox', { name: /Why \(the DSL’s reasons\)/ }) as HTMLTextAreaElement).value,
    ).toBe(`Age gap between Sam Stone and @[child:${RIA}].`);
  });

  it('shows the multi-agency picture in fields: referrals, social worker, CSC status, police and specialist assessment', async () => {
    const { fetch } = scriptedFetch(answer);
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    const referral = within(await screen.findByRole('region', { name: /Referral 1/ }));
    expect((referral.getByRole('combobox', { name: 'Referred to' }) as HTMLSelectElement).value).toBe(
      'childrens-social-care',
    );
    expect((referral.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('accepted');
    expect((referral.getByRole('textbox', { name: 'Outcome' }) as HTMLTextAreaElement).value).toBe(
      'Assessment',
    );
    expect(
      (screen.getByRole('combobox', { name: 'Children’s social care status' }) as HTMLSelectElement).value,
    ).toBe('child-in-need');
    expect((screen.getByRole('textbox', { name: 'Social worker' }) as HTMLInputElement).value).toBe(
      'Jo Allen',
    );
    expect((screen.getByRole('textbox', { name: 'Police reference' }) as HTMLInputElement).value).toBe(
      'CRN-42',
    );
    expect((screen.getByRole('textbox', { name: 'Police officer' }) as HTMLInputElement).value).toBe(
      'PC Lee',
    );
    expect((screen.getByRole('textbox', { name: /Bail conditions/ }) as HTMLTextAreaElement).value).toBe(
      `No contact with @[child:${RIA}].`,
    );
    expect(
      (screen.getByRole('textbox', { name: 'What the police agreed may be shared' }) as HTMLInputElement)
        .value,
    ).toBe('Bail conditions');
    expect(
      (screen.getByRole('combobox', { name: /Specialist \(e.g. AIM\) assessment/ }) as HTMLSelectElement)
        .value,
    ).toBe('requested');
  });

  it('adds a referral with focus on its first field, and autosaves the case with If-Match', async () => {
    const { fetch, sent } = scriptedFetch((req) => {
      if (req.method === 'PUT' && req.url === `/api/cases/${CASE}`) {
        return json(200, { ...(req.body as object), version: 4 }, { ETag: '"4"' });
      }
      return answer(req);
    });
    const user = userEvent.setup();
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    await user.click(await screen.findByRole('button', { name: 'Add a referral' }));
    const added = within(screen.getByRole('region', { name: /Referral 2/ }));
    const to = added.getByRole('combobox', { name: 'Referred to' });
    await waitFor(() => expect(document.activeElement).toBe(to));
    await user.selectOptions(to, 'police');
    await user.type(added.getByRole('textbox', { name: 'Their reference' }), 'CAD-7');
    const puts = () => sent.filter((r) => r.method === 'PUT');
    const referralOf = (r: Sent) =>
      (r.body as typeof theCase).agencies.referrals[1] as Record<string, unknown>;
    await waitFor(() => expect(puts().some((r) => referralOf(r)?.reference === 'CAD-7')).toBe(true), {
      timeout: 8000,
    });
    // Each save carries the ETag the previous one returned (autosave may save mid-typing).
    expect(puts().map((r) => r.headers['If-Match'])).toEqual(puts().map((_, i) => (i === 0 ? '"3"' : '"4"')));
    const put = puts().at(-1)!;
    const body = put.body as typeof theCase;
    expect(referralOf(put)).toMatchObject({
      to: 'police',
      on: '2026-03-10',
      reference: 'CAD-7',
      status: 'made',
    });
    // What staff saw as a name goes back as typed; the server makes it a mention again.
    expect(body.incidents[0]!.description).toBe(`Sam Stone touched @[child:${RIA}] over clothing.`);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved/), {
      timeout: 4000,
    });
  });

  it('removes a referral with Undo: nothing is saved while Undo is offered, and Undo brings it back', async () => {
    const { fetch, sent } = scriptedFetch((req) => {
      if (req.method === 'PUT' && req.url === `/api/cases/${CASE}`) {
        return json(200, { ...(req.body as object), version: 4 }, { ETag: '"4"' });
      }
      return answer(req);
    });
    const user = userEvent.setup();
    wrap(
      <>
        <CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />
        <AppToaster />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Remove referral 1' }));
    expect(screen.queryByRole('region', { name: /^Referral 1/ })).toBeNull();
    expect(screen.getByText('Referral 1 removed')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    // Another change saves meanwhile, with the referral still in the case.
    await user.click(screen.getByRole('textbox', { name: /Police reference/ }));
    await user.type(document.activeElement!, '-1');
    const puts = () => sent.filter((r) => r.method === 'PUT');
    await waitFor(() => expect(puts().length).toBeGreaterThan(0), { timeout: 4000 });
    const body = puts().at(-1)!.body as typeof theCase;
    expect(body.agencies.police.reference).toBe('CRN-42-1');
    expect(body.agencies.referrals.map((r) => r.id)).toEqual(['r1']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const back = screen.getByRole('region', { name: /^Referral 1/ });
    expect(back.contains(document.activeElement)).toBe(true);
  });

  it('reads the chronology oldest first, marks corrections both ways, and adds an entry', async () => {
    const { fetch, sent } = scriptedFetch(answer);
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    const timeline = await screen.findByRole('list', { name: 'Chronology' }, { timeout: 5000 });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Reported by another child.');
    expect(items[0]!.textContent).toContain('Corrected by the entry of 4 Mar 2026');
    expect(items[1]!.textContent).toContain('Corrects the incident entry of 1 Mar 2026');

    const form = within(screen.getByRole('form', { name: 'Add an entry' }));
    await userEvent.click(form.getByRole('button', { name: 'Add entry' }));
    expect(await form.findByText('Say what happened.')).toBeTruthy();
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Kind' }), 'meeting');
    await userEvent.selectOptions(form.getByRole('combobox', { name: /About/ }), SAM);
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Corrects/ }), 'e1');
    await userEvent.type(form.getByRole('textbox', { name: /What happened/ }), 'Met Sam Stone’s parents.');
    await userEvent.click(form.getByRole('button', { name: 'Add entry' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      date: '2026-03-10',
      kind: 'meeting',
      summary: 'Met Sam Stone’s parents.',
      childId: SAM,
      corrects: 'e1',
    });
    // The page reads the chronology again, so the new entry shows as the server recorded it.
    await waitFor(() => expect(sent.filter((r) => r.url === `/api/cases/${CASE}/chronology`).length).toBe(3));
  });

  it('“Correct” on an entry starts a new entry pointing at it, with focus in its text', async () => {
    const { fetch } = scriptedFetch(answer);
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Correct the incident entry of 1 Mar 2026' },
        { timeout: 5000 },
      ),
    );
    const form = within(screen.getByRole('form', { name: 'Add an entry' }));
    expect((form.getByRole('combobox', { name: /Corrects/ }) as HTMLSelectElement).value).toBe('e1');
    await waitFor(() =>
      expect(document.activeElement).toBe(form.getByRole('textbox', { name: /What happened/ })),
    );
  });

  it('adds a child by find-or-create with their roles; the save sends them for the server to label', async () => {
    const NEW = '55555555-5555-4555-8555-555555555555';
    const { fetch, sent } = scriptedFetch((req) => {
      if (req.url.startsWith('/api/children?q=')) return json(200, { items: [] });
      if (req.url === '/api/children' && req.method === 'POST') {
        return json(201, child(NEW, 'Alex New', { yearGroup: 'Year 8' }), { ETag: '"1"' });
      }
      if (req.method === 'PUT' && req.url === `/api/cases/${CASE}`) {
        return json(200, { ...(req.body as object), version: 4 }, { ETag: '"4"' });
      }
      return answer(req);
    });
    const user = userEvent.setup();
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    const add = within(await screen.findByRole('region', { name: 'Add a child to the case' }));
    await user.type(add.getByRole('textbox', { name: 'Child’s name' }), 'Alex New');
    await user.type(add.getByRole('textbox', { name: 'Year group' }), 'Year 8');
    await user.click(add.getByRole('button', { name: 'Find child' }));
    await user.click(await add.findByRole('button', { name: 'Choose this child' }));
    // Nothing is saved until the child's part is given: a role makes plans, which are never removed.
    expect(add.getByRole('button', { name: 'Add to the case' }).hasAttribute('disabled')).toBe(true);
    await user.click(add.getByRole('checkbox', { name: 'Witness' }));
    await user.click(add.getByRole('button', { name: 'Add to the case' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true), { timeout: 5000 });
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Alex New', yearGroup: 'Year 8' });
    const body = sent.find((r) => r.method === 'PUT')!.body as typeof theCase;
    expect(body.participants.at(-1)).toMatchObject({ childId: NEW, roles: ['witness'] });
    const children = within(screen.getByRole('list', { name: 'Children in the case' }));
    expect(children.getAllByRole('listitem').at(-1)!.textContent).toContain('Alex New');
  });

  it('starts the plan a child’s role calls for, in this case', async () => {
    const { fetch, sent } = scriptedFetch((req) =>
      req.url === '/api/assessments' ? json(201, { id: PLAN }, { ETag: '"1"' }) : answer(req),
    );
    wrap(<CaseScreen api={new ApiClient({ fetch })} id={CASE} today="2026-03-10" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start a support plan' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/assessments/${PLAN}`));
    expect(sent.find((r) => r.url === '/api/assessments')!.body).toEqual({
      caseId: CASE,
      childId: RIA,
      kind: 'support-plan',
    });
  });
});

describe('the child page', () => {
  it('shows the child’s details, their plans only, and their chronology without naming other children', async () => {
    const { fetch, sent } = scriptedFetch((req) => {
      if (req.url === `/api/children/${SAM}`) {
        return json(
          200,
          child(SAM, 'Sam Stone', {
            dateOfBirth: '2013-05-06',
            yearGroup: 'Year 8',
            sex: 'male',
            send: 'ADHD',
            keyAdult: 'Mr Khan',
            retainUntil: '2038-05-06',
          }),
          { ETag: '"1"' },
        );
      }
      if (req.url === `/api/children/${SAM}/chronology`) {
        return json(200, {
          items: [
            {
              id: 'c1',
              date: '2026-03-02',
              kind: 'incident',
              summary: `@[child:${SAM}] and @[child:${RIA}] in the corridor.`,
              by: 'DSL',
              childId: SAM,
              recordedAt: 'x',
            },
          ],
        });
      }
      if (req.url === '/api/assessments') {
        const row = { caseRef: 'HSB-2026-7', caseId: CASE, status: 'active', learnerName: 'x' };
        return json(200, {
          items: [
            {
              ...row,
              id: PLAN,
              childId: SAM,
              kind: 'risk-assessment',
              overallRisk: 'high',
              nextDue: '2026-04-01',
            },
            { ...row, id: 'other', childId: RIA, kind: 'support-plan', overallRisk: null, nextDue: null },
          ],
        });
      }
      throw new Error(`unexpected ${req.url}`);
    });
    wrap(<ChildScreen api={new ApiClient({ fetch })} id={SAM} />);
    expect(await screen.findByRole('heading', { name: 'Sam Stone' })).toBeTruthy();
    for (const text of ['6 May 2013', 'Year 8', 'Male', 'ADHD', 'Mr Khan', '6 May 2038']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText('Not recorded')).toBeTruthy(); // vulnerabilities
    const plans = within(screen.getByRole('table', { name: 'Plans' }))
      .getAllByRole('row')
      .slice(1);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.textContent).toMatch(/Risk assessment.*HSB-2026-7.*High.*1 Apr 2026/);
    expect(screen.getByText('Sam Stone and another child in the corridor.')).toBeTruthy();
    // The child's id travels in the path only.
    expect(sent.every((r) => !r.url.includes('?'))).toBe(true);
  });
});
