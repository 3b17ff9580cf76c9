// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package pulls
// in an ESM-only dependency (strip-bom 5) that Jest 30 on Node 20 cannot load, so this file alone
// swaps in the enum.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

import { contentLabels } from '../../core/content/labels.js';
import { requiredPolicySections } from '../../core/content/sections.js';
import { buildReferral } from '../../core/referral/index.js';
import { checkClauses } from '../../word-addin/src/check/check-clauses.js';
import { comparableText } from '../../word-addin/src/check/comparable-text.js';
import {
  blockText,
  clauseBlock,
  CLAUSE_TAG_PREFIX,
  referralBlock,
  REFERRAL_TAG_PREFIX,
} from '../../word-addin/src/word/document-blocks.js';
import { createWordDocument, type WordApi } from '../../word-addin/src/word/word-document.js';
import { CANARY_LEARNER, completeAssessment } from './fixtures/assessment.js';
import { riskTemplate } from './fixtures/fake-services.js';
import { clause, policyLibrary, PROFILE, RICH_BODY } from './fixtures/clauses.js';
import { FakeWord, type FakeControl } from './fixtures/fake-word.js';

const wordOf = (fake: FakeWord) => createWordDocument(fake.mock as unknown as WordApi);

describe('the Word document module against office-addin-mock', () => {
  it('inserts a clause with one Word.run and one sync, tagged, titled, styled and filled', async () => {
    const fake = new FakeWord({ paragraphs: ['Our HSB policy'] });
    const rich = clause({
      id: 'policy.roles-dsl',
      version: 2,
      title: 'The DSL at {{schoolName}}',
      body: RICH_BODY,
    });

    await wordOf(fake).insertBlocks([clauseBlock(rich, PROFILE)]);

    expect(fake.mock.run).toHaveBeenCalledTimes(1);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    const [control, ...others] = fake.controls();
    expect(others).toHaveLength(0);
    expect(control).toMatchObject({ tag: 'hsb:policy.roles-dsl@2', title: 'The DSL at Oakfield Academy' });
    // The control comes after the cursor's paragraph, which is left as it was.
    expect(fake.nodes[0]).toMatchObject({ text: 'Our HSB policy' });
    expect(fake.nodes[1]).toBe(control);

    const paragraphs = control!.paragraphs.map((p) => ({
      text: p.text,
      style: p.style,
      list: p.list?.kind,
    }));
    expect(paragraphs).toEqual([
      { text: 'The DSL at Oakfield Academy', style: 'Heading2', list: undefined },
      {
        text: 'The DSL at Oakfield Academy is Priya Shah, supported by Tom Reed and Ana Costa.',
        style: 'Normal',
        list: undefined,
      },
      { text: 'listen and do not promise confidentiality;', style: 'Normal', list: 'bullet' },
      { text: 'record the child’s words exactly.', style: 'Normal', list: 'bullet' },
      { text: 'Reporting to the police', style: 'Heading3', list: undefined },
      { text: 'Call 999 if a child is in danger.', style: 'Normal', list: 'number' },
      { text: 'Tell the DSL straight away.', style: 'Normal', list: 'number' },
      { text: 'Staff never view or forward images.', style: 'Normal', list: undefined },
    ]);
    // Both list items share one list; the numbered list is a different one.
    expect(control!.paragraphs[2]!.list).toBe(control!.paragraphs[3]!.list);
    expect(control!.paragraphs[5]!.list).not.toBe(control!.paragraphs[2]!.list);
    // Bold comes from **…** and is set explicitly on every run.
    expect(control!.paragraphs[1]!.runs.map((r) => [r.text, r.bold])).toEqual([
      ['The DSL at Oakfield Academy is ', false],
      ['Priya Shah', true],
      [', supported by Tom Reed and Ana Costa.', false],
    ]);
  });

  it('inserts the whole policy, every clause in order with its section heading, in one sync', async () => {
    const fake = new FakeWord();
    const library = policyLibrary(50);
    let previous = '';
    const blocks = library.map((c) => {
      const heading = c.section !== previous ? `Section ${c.section}` : undefined;
      previous = c.section;
      return clauseBlock(c, PROFILE, heading);
    });

    await wordOf(fake).insertBlocks(blocks);

    expect(fake.sync).toHaveBeenCalledTimes(1);
    expect(fake.mock.run).toHaveBeenCalledTimes(1);
    expect(fake.controls().map((c) => c.tag)).toEqual(library.map((c) => `hsb:${c.id}@${c.version}`));
    const headings = fake.nodes.filter((n) => !('tag' in n) && n.style === 'Heading1').map((n) => n.text);
    expect(headings).toEqual(blocks.flatMap((b) => (b.headingBefore ? [b.headingBefore] : [])));
  });

  it('checks 50 controls in one sync, finds the outdated and the edited clause, and updates them', async () => {
    const library = policyLibrary(50);
    const fake = new FakeWord();
    const word = wordOf(fake);
    await word.insertBlocks(library.map((c) => clauseBlock(c, PROFILE)));
    // A control that is not ours, and one from another session of our own, are ignored or unknown.
    fake.addControl('school-letterhead', 'Letterhead', ['Oakfield Academy']);
    const stray = fake.addControl('hsb:policy.withdrawn@1', 'Withdrawn clause', ['Old text']);

    // Someone edits clause 7; clause 12 was inserted from an older version of the library.
    const controls = fake.controls();
    const edited = controls[6]!;
    edited.paragraphs[1]!.runs[0]!.text = 'Paragraph one, reworded by the school.';
    const outdated = controls[11]!;
    const olderVersion = library[11]!.version;
    library[11] = {
      ...library[11]!,
      version: olderVersion + 1,
      body: `${library[11]!.body}\n\nA new paragraph.`,
    };
    fake.sync.mockClear();

    const read = await word.readTaggedControls(CLAUSE_TAG_PREFIX);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    expect(read).toHaveLength(51);

    const report = checkClauses(read, library, PROFILE);
    expect(report.counts).toEqual({ current: 48, details: 0, edited: 1, outdated: 1, unknown: 1 });
    expect(report.findings.find((f) => f.state === 'edited')).toMatchObject({
      controlId: edited.id,
      clauseId: 'policy.clause-7',
    });
    expect(report.findings.find((f) => f.state === 'outdated')).toMatchObject({
      controlId: outdated.id,
      version: olderVersion,
      latestVersion: olderVersion + 1,
    });
    expect(report.findings.find((f) => f.state === 'unknown')).toMatchObject({ controlId: stray.id });
    expect(report.missingSections).toEqual([]);

    fake.sync.mockClear();
    const updates = report.findings
      .filter((f) => f.state === 'edited' || f.state === 'outdated')
      .map((f) => ({
        controlId: f.controlId,
        block: clauseBlock(
          library.find((c) => c.id === f.clauseId)!,
          PROFILE,
        ),
      }));
    await expect(word.replaceBlocks(updates)).resolves.toBe(2);
    expect(fake.sync).toHaveBeenCalledTimes(1);
    expect(outdated.tag).toBe(`hsb:policy.clause-12@${olderVersion + 1}`);
    expect(outdated.paragraphs[outdated.paragraphs.length - 1]!.text).toBe('A new paragraph.');
    expect(outdated.paragraphs[0]).toMatchObject({
      style: 'Heading2',
      text: 'Clause 12 for Oakfield Academy',
    });

    const again = checkClauses(await word.readTaggedControls(CLAUSE_TAG_PREFIX), library, PROFILE);
    expect(again.counts).toEqual({ current: 50, details: 0, edited: 0, outdated: 0, unknown: 1 });
  });

  it('tells a change of school details apart from an edit, and updates them to the profile', async () => {
    const library = policyLibrary(4);
    const fake = new FakeWord();
    const word = wordOf(fake);
    await word.insertBlocks(library.map((c) => clauseBlock(c, {})));
    const newProfile = { ...PROFILE, dslName: 'Sam Okafor' };

    const report = checkClauses(await word.readTaggedControls(CLAUSE_TAG_PREFIX), library, newProfile);
    expect(report.findings.map((f) => f.state)).toEqual(['details', 'details', 'details', 'details']);
    // Four clauses cover four of the policy sections.
    expect(report.missingSections).toHaveLength(requiredPolicySections.length - 4);

    await word.replaceBlocks(
      report.findings.map((f, i) => ({
        controlId: f.controlId,
        block: clauseBlock(library[i]!, newProfile),
      })),
    );
    const after = checkClauses(await word.readTaggedControls(CLAUSE_TAG_PREFIX), library, newProfile);
    expect(after.counts.current).toBe(4);
    expect(fake.controls()[1]!.text).toContain('Sam Okafor');
  });

  it('fails an update when a control was deleted since the check', async () => {
    const fake = new FakeWord();
    const word = wordOf(fake);
    await expect(
      word.replaceBlocks([{ controlId: 999_999, block: clauseBlock(clause({ id: 'policy.a' }), PROFILE) }]),
    ).rejects.toThrow('ItemNotFound');
  });

  it('inserts a referral: child data only in the text, never in tags or titles; gaps highlighted', async () => {
    const fake = new FakeWord();
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses: [],
      profile: PROFILE,
      today: '2026-02-20',
      labels: contentLabels(riskTemplate()),
    });

    await wordOf(fake).insertBlocks(draft.sections.map(referralBlock));

    expect(fake.sync).toHaveBeenCalledTimes(1);
    const controls = fake.controls();
    expect(controls.map((c) => c.tag)).toEqual(draft.sections.map((s) => `${REFERRAL_TAG_PREFIX}${s.block}`));
    for (const c of controls) {
      expect(c.tag).not.toContain(CANARY_LEARNER);
      expect(c.title).not.toContain(CANARY_LEARNER);
    }
    const child = controls.find((c) => c.tag === 'hsb-referral:child')!;
    expect(child.text).toContain(`Name: ${CANARY_LEARNER}`);
    const gaps = controls.flatMap((c) => c.paragraphs.flatMap((p) => p.runs)).filter((r) => r.highlight);
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.every((r) => r.highlight === 'Yellow' && r.text.startsWith('['))).toBe(true);
    // Bullets in the referral become one list per run of bullets.
    const behaviour = controls.find((c) => c.tag === 'hsb-referral:behaviour')!;
    expect(behaviour.paragraphs.filter((p) => p.list?.kind === 'bullet')).toHaveLength(2);
    // Referral sections are not clauses: the clause check does not see them.
    await expect(wordOf(fake).readTaggedControls(CLAUSE_TAG_PREFIX)).resolves.toEqual([]);
  });

  it('reads the selection, or the whole document when nothing is selected, in one sync', async () => {
    const selected = new FakeWord({ selectedText: 'the perpetrator', bodyText: 'All of it.' });
    await expect(wordOf(selected).readText('selection')).resolves.toBe('the perpetrator');
    expect(selected.sync).toHaveBeenCalledTimes(1);
    await expect(wordOf(selected).readText('document')).resolves.toBe('All of it.');

    const nothing = new FakeWord({ selectedText: '', bodyText: 'Whole document.' });
    await expect(wordOf(nothing).readText('selection')).resolves.toBe('Whole document.');
  });

  it('writes exactly the text the check compares against', async () => {
    const fake = new FakeWord();
    const block = clauseBlock(clause({ id: 'policy.rich', body: RICH_BODY }), PROFILE);
    await wordOf(fake).insertBlocks([block]);
    const control: FakeControl = fake.controls()[0]!;
    expect(control.text.split('\r')).toEqual(blockText(block).split('\n'));
    expect(comparableText(control.text)).toBe(comparableText(blockText(block)));
  });
});
