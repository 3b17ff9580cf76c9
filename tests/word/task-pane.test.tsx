/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../word-addin/src/api/api-client.js';
import { SignInError } from '../../core/api/browser-sign-in.js';
import { browserProfileStore, PROFILE_KEY } from '../../word-addin/src/settings/profile-store.js';
import { App } from '../../word-addin/src/ui/app.js';
import type { HostStatus } from '../../word-addin/src/ui/pane-services.js';
import { clauseBlock, clauseTag } from '../../word-addin/src/word/document-blocks.js';
import { assessment, CANARY_LEARNER, CANARY_OTHER_CHILD, completeAssessment } from './fixtures/assessment.js';
import { ID_A, NAME_A, NAME_B, PLAN_A, PLAN_B, planA, planB, theCase } from './fixtures/case.js';
import { clause, PROFILE, RICH_BODY } from './fixtures/clauses.js';
import {
  FakeApi,
  FakeDocument,
  FakeSettings,
  paneServices,
  settingsStore,
} from './fixtures/fake-services.js';

// jsdom has no layout, so no ResizeObserver; Fluent's TabList only needs the constructor to exist.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const library = [
  clause({ id: 'policy.purpose', section: 'purpose-scope', order: 10, title: 'Purpose of this policy' }),
  clause({
    id: 'policy.roles-dsl',
    version: 2,
    section: 'roles',
    order: 20,
    title: 'The designated safeguarding lead',
    body: RICH_BODY,
    variables: ['schoolName', 'dslName', 'deputyDslNames'],
  }),
  clause({
    id: 'policy.nudes',
    section: 'online-nudes',
    order: 30,
    title: 'Sharing nudes and semi-nudes',
    body: 'Staff never view or forward nudes. Tell {{dslName}} at once.',
    variables: ['dslName'],
  }),
  clause({
    id: 'referral.child-voice',
    kind: 'referral',
    section: 'child-voice',
    order: 80,
    title: "The child's voice and the parents' views",
    body: 'Give their exact words.',
    variables: [],
    checkedOn: '2026-12-02',
    verify: null,
  }),
];

function setUp(
  options: {
    host?: HostStatus;
    word?: FakeDocument | null;
    records?: ReturnType<typeof assessment>[];
    cases?: ConstructorParameters<typeof FakeApi>[2];
    teams?: string[];
  } = {},
) {
  const api = new FakeApi(library, options.records ?? [], options.cases);
  api.teams = options.teams ?? [];
  const word =
    options.word === undefined ? (options.host === 'word' ? new FakeDocument() : null) : options.word;
  const settings = new FakeSettings();
  settings.set(PROFILE_KEY, PROFILE);
  const services = paneServices(api, word, settingsStore(settings));
  api.team = services.team.get;
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} host={options.host ?? 'preview'} />
    </FluentProvider>,
  );
  return { api, word, settings, services, user };
}

/** Chooses the case, then the child of the case the referral is about (by their plan). */
async function chooseReferral(user: ReturnType<typeof userEvent.setup>, caseId: string, planId: string) {
  await user.click(await screen.findByRole('tab', { name: 'Referral' }));
  await user.selectOptions(await screen.findByLabelText('Case'), caseId);
  await user.selectOptions(await screen.findByLabelText('The child the referral is about'), planId);
}

const clauseButtons = () => within(screen.getByRole('list', { name: 'Clauses' })).getAllByRole('button');

describe('the task pane in preview mode (outside Word)', () => {
  it('shows whether each clause was checked against its edition, with what is left to check', async () => {
    const { user } = setUp();
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(clauseButtons()[0]!);
    const unchecked = screen.getByRole('article');
    expect(within(unchecked).getByText('Not yet checked against the current edition')).toBeTruthy();
    expect(within(unchecked).getByText('What is still to check')).toBeTruthy();
    expect(within(unchecked).getByText(library[0]!.verify!)).toBeTruthy();
    await user.click(clauseButtons()[3]!);
    const checked = screen.getByRole('article');
    expect(within(checked).getByText('Checked against KCSIE 2026 on 2 December 2026')).toBeTruthy();
    expect(within(checked).queryByText('What is still to check')).toBeNull();
  });

  it('moves focus to an opened clause’s title, so Insert is a Tab or two away', async () => {
    const { user } = setUp({ host: 'word' });
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(clauseButtons()[1]!);
    const article = screen.getByRole('article');
    expect(document.activeElement).toBe(within(article).getByRole('heading', { level: 3 }));
    // What Tab reaches after the title, in order (user-event cannot Tab on from a tabindex="-1" element).
    const reached = [
      ...article.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary'),
    ].filter((el) => !(el as HTMLButtonElement).disabled);
    const insert = within(article).getByRole('button', { name: 'Insert' });
    expect(reached.indexOf(insert)).toBeGreaterThanOrEqual(0);
    expect(reached.indexOf(insert)).toBeLessThanOrEqual(1);
  });

  it('browses, filters, searches, previews with the school’s details, and copies', async () => {
    const { api, services, user } = setUp();
    expect(await screen.findByText(/Preview mode/)).toBeTruthy();
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));

    await user.selectOptions(screen.getByLabelText('Kind'), 'referral');
    expect(clauseButtons().map((b) => b.textContent)).toEqual([expect.stringContaining("The child's voice")]);
    await user.selectOptions(screen.getByLabelText('Kind'), 'policy');
    await user.selectOptions(screen.getByLabelText('Section'), 'roles');
    expect(clauseButtons()).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Section'), '');

    await user.type(screen.getByLabelText('Search clauses'), 'nudes');
    await waitFor(() => expect(clauseButtons()).toHaveLength(1));
    expect(api.calls.clauses.at(-1)).toEqual({ q: 'nudes', kind: 'policy', section: undefined });

    await user.click(clauseButtons()[0]!);
    const preview = screen.getByRole('article');
    expect(within(preview).getByText(/Tell Priya Shah at once/)).toBeTruthy();
    expect(within(preview).getByRole<HTMLButtonElement>('button', { name: 'Insert' }).disabled).toBe(true);
    expect(within(preview).getByText(/Inserting needs Word/)).toBeTruthy();

    await user.click(within(preview).getByRole('button', { name: 'Copy text' }));
    expect(services.copied).toEqual([
      'Sharing nudes and semi-nudes\n\nStaff never view or forward nudes. Tell Priya Shah at once.',
    ]);
    expect(screen.queryByRole('button', { name: 'Insert whole policy' })).toBeNull();
  });

  it('names the school details a clause still needs', async () => {
    const api = new FakeApi(library);
    const services = paneServices(api, null, browserProfileStore(undefined));
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App services={services} host="preview" />
      </FluentProvider>,
    );
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(clauseButtons()[1]!);
    expect(
      screen.getByText(/Not filled in yet: \[school name\], \[DSL name\], \[deputy DSL names\]/),
    ).toBeTruthy();
  });

  it('checks pasted text for labelling terms and suggests alternatives', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('tab', { name: 'Language' }));
    await user.type(
      await screen.findByLabelText(/Text to check/),
      'The perpetrator said it was "just banter".',
    );
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Check text' }).disabled).toBe(false),
    );
    await user.click(screen.getByRole('button', { name: 'Check text' }));
    const results = screen.getByRole('region', { name: 'Language check results' });
    expect(within(results).getByText('2 terms to look at.')).toBeTruthy();
    expect(within(results).getByText('perpetrator')).toBeTruthy();
    expect(within(results).getByText('the child who displayed harmful sexual behaviour')).toBeTruthy();
    // Quoted words are someone's exact words: flagged as a prompt, not an error.
    expect(within(results).getByText('in quotation marks')).toBeTruthy();
  });

  it('explains checking needs Word', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('tab', { name: 'Check' }));
    expect(await screen.findByText(/Checking needs Word/)).toBeTruthy();
  });
});

describe('the task pane in Word', () => {
  it('inserts the chosen clause, and the whole policy in order with section headings', async () => {
    const { word, user } = setUp({ host: 'word' });
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(clauseButtons()[1]!);
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    await screen.findByText('Inserted “The designated safeguarding lead”.');
    expect(word!.inserted).toHaveLength(1);
    expect(word!.inserted[0]![0]!.tag).toBe('hsb:policy.roles-dsl@2');

    await user.click(screen.getByRole('button', { name: 'Insert whole policy' }));
    await screen.findByText('Inserted the whole policy: 3 clauses.');
    const policy = word!.inserted[1]!;
    expect(policy.map((b) => b.tag)).toEqual([
      'hsb:policy.purpose@1',
      'hsb:policy.roles-dsl@2',
      'hsb:policy.nudes@1',
    ]);
    expect(policy.map((b) => b.headingBefore)).toEqual([
      'Purpose and scope',
      'Roles and responsibilities',
      'Online incidents and sharing nudes',
    ]);
  });

  it('checks the document, explains each finding, and updates them', async () => {
    const word = new FakeDocument();
    const [purpose, , nudes] = library;
    const outdated = word.add('hsb:policy.roles-dsl@1', 'Old DSL clause', 'old text');
    const edited = word.add(
      clauseTag(purpose!),
      purpose!.title,
      'Purpose of this policy\nOur own words now.',
    );
    word.insertBlocks([clauseBlock(nudes!, { ...PROFILE, dslName: 'Former DSL' })]);
    word.add('hsb:policy.withdrawn@1', 'Withdrawn', 'x');
    const { user } = setUp({ host: 'word', word });

    await user.click(await screen.findByRole('tab', { name: 'Check' }));
    await user.click(await screen.findByRole('button', { name: 'Check this document' }));
    expect(await screen.findByText('Newer version available')).toBeTruthy();
    expect(screen.getByText('Edited in this document')).toBeTruthy();
    expect(screen.getByText('School details changed')).toBeTruthy();
    expect(screen.getByText('Not in the library')).toBeTruthy();
    expect(screen.getByText(/This is version 1; the library has version 2/)).toBeTruthy();
    // Sections with no clause are listed, and can be added.
    expect(screen.getByText('Definitions')).toBeTruthy();

    // "Update all" leaves the edited clause alone unless asked.
    await user.click(screen.getByRole('button', { name: 'Update all (2)' }));
    await screen.findByText('Updated 2 clauses.');
    expect(outdated.tag).toBe('hsb:policy.roles-dsl@2');
    expect(outdated.text).toContain('Priya Shah');
    expect(edited.text).toContain('Our own words now.');

    await user.click(screen.getByRole('checkbox', { name: /Also replace the clause edited/ }));
    await user.click(screen.getByRole('button', { name: 'Update all (1)' }));
    await screen.findByText('Updated 1 clause.');
    expect(edited.text).not.toContain('Our own words now.');
    expect(screen.getByText('3 up to date')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add Definitions at the cursor' }));
    await screen.findByText('Added “Definitions” at the cursor.');
  });

  it('reads the selection for the language check', async () => {
    const word = new FakeDocument();
    word.selectionText = 'He is a predator.';
    const { user } = setUp({ host: 'word', word });
    await user.click(screen.getByRole('tab', { name: 'Language' }));
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Check selection' }).disabled).toBe(false),
    );
    await user.click(screen.getByRole('button', { name: 'Check selection' }));
    expect(await screen.findByText('predator')).toBeTruthy();
    expect(word.reads).toEqual(['selection']);
  });
});

describe('the referral builder', () => {
  it('flags what a thin assessment is missing and inserts the pre-filled sections', async () => {
    const thin = assessment({ learner: { name: CANARY_LEARNER, yearGroup: 'Year 8' } });
    const { word, settings, user } = setUp({ host: 'word', records: [thin] });
    await chooseReferral(user, `case-${thin.id}`, thin.id);

    const missing = await screen.findByRole('list', { name: 'Missing from the case or the plan' });
    const labels = within(missing)
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent);
    expect(labels).toEqual(
      expect.arrayContaining([
        'What you have tried and its effect',
        "The child's voice",
        'Parents told — or why not',
      ]),
    );
    expect(screen.getByText(/things are missing from the case or the plan/)).toBeTruthy();
    expect(screen.getByText('Nothing from the case or the plan was left out or replaced.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Insert referral' }));
    await screen.findByText('Inserted the referral for HSB-2026-0042.');
    const blocks = word!.inserted[0]!;
    expect(blocks[0]).toMatchObject({
      tag: 'hsb-referral:referrer',
      headingBefore: 'Referral to children’s social care (HSB-2026-0042)',
    });
    expect(blocks.slice(1).every((b) => b.headingBefore === undefined)).toBe(true);
    expect(word!.controls.find((c) => c.tag === 'hsb-referral:child')!.text).toContain(CANARY_LEARNER);

    // Child data only in document text: never in tags, titles or document settings.
    const outside = JSON.stringify({
      tags: word!.controls.map((c) => [c.tag, c.title]),
      settings: [...settings.values],
    });
    expect(outside).not.toContain(CANARY_LEARNER);
  });

  it('never names the other children, and reports a complete assessment as complete', async () => {
    const full = completeAssessment();
    const { word, user } = setUp({ host: 'word', records: [full] });
    await chooseReferral(user, `case-${full.id}`, full.id);
    expect(await screen.findByText(/Everything the case and the plan can supply is there/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Missing from the case or the plan' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Insert referral' }));
    await screen.findByText(/Inserted the referral/);
    expect(JSON.stringify(word!.controls)).not.toContain(CANARY_OTHER_CHILD);
    expect(document.body.textContent).not.toContain(CANARY_OTHER_CHILD);
  });

  it('copies a referral without the name of a child typed into the record, in any form, and says so', async () => {
    const record = completeAssessment();
    record.otherChildren[0]!.name = 'Zoë Sparrowhåwk';
    record.incidents[0]!.description = 'Touched Zoe\u0308 Sparrowha\u030awk over clothing.';
    record.risks[0]!.strategies[0]!.action = 'Keeps away from ZOË';
    const { services, user } = setUp({ host: 'word', records: [record] });
    await chooseReferral(user, `case-${record.id}`, record.id);
    await user.click(await screen.findByRole('button', { name: 'Copy referral' }));
    await screen.findByText('Copied.');
    const copied = services.copied.join('\n');
    expect(copied.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).not.toMatch(/zoe|sparrowhawk/);
    expect(copied).toContain('Keeps away from another child');
    expect(
      screen.getAllByText("Names of the other children are left out: 4 mentions replaced by 'another child'.")
        .length,
    ).toBeGreaterThan(0);
  });

  it('builds the referral about the child chosen in the case, naming no other child anywhere', async () => {
    const kase = { ...theCase(), id: '3c4d5e6f-0000-4000-8000-000000000001' };
    const { word, settings, services, user } = setUp({
      host: 'word',
      records: [planA(), planB()],
      cases: [kase],
    });
    await user.click(await screen.findByRole('tab', { name: 'Referral' }));
    await user.selectOptions(await screen.findByLabelText('Case'), kase.id);
    const picker = await screen.findByLabelText('The child the referral is about');
    // The children are offered by pseudonym and role, never by name.
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([
      ['', 'Choose a child…'],
      [PLAN_A, 'Child A: displayed harmful sexual behaviour'],
      [PLAN_B, 'Child B: harmed'],
    ]);
    await user.selectOptions(picker, PLAN_B);

    // The pane says what it left out, and why.
    const leftOut = await screen.findByRole('list', { name: 'Left out of this draft' });
    expect(
      within(leftOut)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "Names of the other children are left out: 3 mentions replaced by 'another child'.",
      '1 line about another child left out: the case’s notes that are only about another child stay in the case.',
      '2 police fields (investigation status, bail conditions) left out: the case does not record what the police agreed may be shared.',
      '1 other child’s plan not used: a child’s plan, wishes and support stay in their own record.',
    ]);

    await user.click(screen.getByRole('button', { name: 'Insert referral' }));
    await screen.findByText('Inserted the referral for HSB-2026-0007.');
    await user.click(screen.getByRole('button', { name: 'Copy referral' }));
    await screen.findByText('Copied.');
    const fold = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const inDocument = JSON.stringify(word!.controls) + services.copied.join('\n');
    expect(inDocument).toContain(NAME_B);
    expect(inDocument).toContain('Wants another child kept away at lunch.');
    for (const shown of [inDocument, document.body.textContent ?? '']) {
      expect(fold(shown)).not.toMatch(/zephyrine|canarywood/);
      expect(shown).not.toContain(ID_A);
    }
    // Tags carry the form block only; titles and settings hold no child data.
    expect(word!.controls.every((c) => /^hsb-referral:[a-z-]+$/.test(c.tag))).toBe(true);
    const outside = JSON.stringify({
      titles: word!.controls.map((c) => c.title),
      settings: [...settings.values],
    });
    expect(fold(outside)).not.toMatch(/zephyrine|canarywood|quillon|sparrowhawk/);
    expect(NAME_A).not.toBe(NAME_B);
  });

  it('explains a refusal instead of showing an empty list', async () => {
    const { api, user } = setUp({ host: 'word' });
    api.failWith = new ApiError(403, 'NOT_A_MEMBER', 'Forbidden.');
    await user.click(await screen.findByRole('tab', { name: 'Referral' }));
    expect(await screen.findByText(/not as a member of your school’s safeguarding team/)).toBeTruthy();

    api.failWith = null;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Case')).toBeTruthy();
  });

  it('explains a cancelled sign-in', async () => {
    const { api, user } = setUp({ host: 'word' });
    // What the API client throws when the user closes the sign-in prompt.
    api.failWith = new ApiError(401, 'SIGN_IN_CANCELLED', new SignInError('CANCELLED').message);
    await user.click(await screen.findByRole('tab', { name: 'Referral' }));
    expect(await screen.findByText(/Sign-in was cancelled/)).toBeTruthy();
  });
});

describe('more than one safeguarding team', () => {
  it('asks which team’s assessments to use, then sends that choice with every call', async () => {
    const teamA = '0b8f5a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    const record = completeAssessment();
    const { api, services, user } = setUp({
      host: 'word',
      records: [record],
      teams: [teamA, '9c7e6d5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b'],
    });
    // The clause library needs sign-in only, not a team.
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(screen.getByRole('tab', { name: 'Referral' }));
    const picker = await screen.findByLabelText('Safeguarding team (Microsoft 365 group id)');
    await user.selectOptions(picker, teamA);
    await user.click(screen.getByRole('button', { name: 'Use this team' }));
    await user.selectOptions(await screen.findByLabelText('Case'), `case-${record.id}`);
    await user.selectOptions(await screen.findByLabelText('The child the referral is about'), record.id);
    expect(await screen.findByText(/Everything the case and the plan can supply is there/)).toBeTruthy();
    expect(services.team.get()).toBe(teamA);
    expect(api.calls.casesFor).toEqual([undefined, teamA, teamA]);
  });
});

describe('school details', () => {
  it('saves only the school profile into the document settings', async () => {
    const { settings, user } = setUp({ host: 'word' });
    await user.click(screen.getByRole('tab', { name: 'School' }));
    const dsl = await screen.findByLabelText('Designated safeguarding lead (DSL)');
    await user.clear(dsl);
    await user.type(dsl, 'Sam Okafor');
    await user.clear(screen.getByLabelText('Headteacher'));
    await user.click(screen.getByRole('button', { name: 'Save school details' }));
    expect(await screen.findByText('Saved in this document.')).toBeTruthy();
    expect(settings.saved).toBe(1);
    expect([...settings.values.keys()]).toEqual([PROFILE_KEY]);
    expect(settings.values.get(PROFILE_KEY)).toEqual({ ...PROFILE, dslName: 'Sam Okafor' });

    // The new details fill the clauses straight away.
    await user.click(screen.getByRole('tab', { name: 'Clauses' }));
    await waitFor(() => expect(clauseButtons()).toHaveLength(4));
    await user.click(clauseButtons()[2]!);
    expect(screen.getByText(/Tell Sam Okafor at once/)).toBeTruthy();
  });
});
