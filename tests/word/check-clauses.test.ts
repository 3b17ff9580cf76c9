import { requiredPolicySections } from '../../core/content/sections.js';
import { checkClauses } from '../../word-addin/src/check/check-clauses.js';
import { comparableText } from '../../word-addin/src/check/comparable-text.js';
import {
  blockText,
  clauseBlock,
  clauseTag,
  parseClauseTag,
} from '../../word-addin/src/word/document-blocks.js';
import { clause, PROFILE, RICH_BODY } from './fixtures/clauses.js';

const rich = clause({ id: 'policy.rich', version: 3, section: 'roles', body: RICH_BODY });
const written = blockText(clauseBlock(rich, PROFILE));
const control = (text: string, tag = clauseTag(rich), id = 1) => ({ id, tag, title: rich.title, text });
const stateOf = (text: string, profile = PROFILE) =>
  checkClauses([control(text)], [rich], profile).findings[0]!.state;

describe('comparing a control with the library text', () => {
  it('ignores what Word does to text without anyone editing it', () => {
    const asWordWindows = written.split('\n').join('\r');
    const asWordWeb = written.split('\n').join('\n');
    const autoFormatted = written
      .replace(/'/g, '’')
      .replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u00a0' : s));
    const withListNumbers = written
      .replace('Call 999', '1.\tCall 999')
      .replace('Tell the DSL', '2.\tTell the DSL')
      .replace('listen and', '•\tlisten and');
    const withBlankParagraphs = `\r${asWordWindows}\r\r`;
    const softBreaks = written.replace('Staff never', '\u00adStaff\u200b never');
    for (const text of [
      asWordWindows,
      asWordWeb,
      autoFormatted,
      withListNumbers,
      withBlankParagraphs,
      softBreaks,
    ]) {
      expect(stateOf(text)).toBe('current');
    }
  });

  it('counts a change of wording, however small, as an edit', () => {
    expect(stateOf(written.replace('Call 999', 'Call 111'))).toBe('edited');
    expect(stateOf(written.replace('exactly.', 'exactly, where possible.'))).toBe('edited');
    expect(stateOf(written.split('\n').slice(0, -1).join('\n'))).toBe('edited');
    expect(stateOf('')).toBe('edited');
  });

  it('counts a paragraph added after a school detail as an edit, not as a longer detail', () => {
    const endsWithValue = clause({
      id: 'policy.dsl',
      body: 'Our DSL is {{dslName}}',
      variables: ['dslName'],
    });
    const text = `${blockText(clauseBlock(endsWithValue, { dslName: 'Former DSL' }))}\nAnd a paragraph we added.`;
    const report = checkClauses([control(text, clauseTag(endsWithValue))], [endsWithValue], PROFILE);
    expect(report.findings[0]!.state).toBe('edited');
  });

  it('expects a detail used twice to be the same both times', () => {
    const twice = clause({ id: 'policy.twice', body: '{{schoolName}} staff, and {{schoolName}} governors.' });
    const state = (text: string) =>
      checkClauses([control(`Purpose of this policy\n${text}`, clauseTag(twice))], [twice], PROFILE)
        .findings[0]!.state;
    expect(state('Elm Primary staff, and Elm Primary governors.')).toBe('details');
    expect(state('Elm Primary staff, and all governors.')).toBe('edited');
  });

  it('sees text filled with other school details as "details", not an edit', () => {
    expect(stateOf(blockText(clauseBlock(rich, {})))).toBe('details');
    expect(stateOf(blockText(clauseBlock(rich, { ...PROFILE, schoolName: 'Elm Primary' })))).toBe('details');
    // A changed school name plus a changed word is an edit.
    const both = blockText(clauseBlock(rich, { ...PROFILE, schoolName: 'Elm Primary' })).replace(
      'never',
      'rarely',
    );
    expect(stateOf(both)).toBe('edited');
  });

  it('normalises the library side the same way', () => {
    expect(comparableText('A\u00a0“quoted”  word —\r\n- item')).toBe('A "quoted" word -\nitem');
  });
});

describe('checkClauses', () => {
  it('reports outdated, unknown and newer-than-library tags without reading their text', () => {
    const report = checkClauses(
      [
        control('anything', 'hsb:policy.rich@2', 1),
        control('anything', 'hsb:policy.rich@4', 2),
        control('anything', 'hsb:policy.gone@1', 3),
        control('anything', 'hsb:not a tag', 4),
      ],
      [rich],
      PROFILE,
    );
    expect(report.findings.map((f) => [f.controlId, f.state])).toEqual([
      [1, 'outdated'],
      [2, 'unknown'],
      [3, 'unknown'],
      [4, 'unknown'],
    ]);
    expect(report.findings[0]).toMatchObject({ version: 2, latestVersion: 3, section: 'roles' });
  });

  it('lists the required policy sections a policy document lacks, and none for a referral', () => {
    const policyReport = checkClauses([control(written)], [rich], PROFILE);
    expect(policyReport.missingSections).toEqual(requiredPolicySections.filter((s) => s !== 'roles'));

    const referral = clause({ id: 'referral.child', kind: 'referral', section: 'child' });
    const referralReport = checkClauses(
      [control(blockText(clauseBlock(referral, PROFILE)), clauseTag(referral))],
      [rich, referral],
      PROFILE,
    );
    expect(referralReport.missingSections).toEqual([]);
    expect(referralReport.counts.current).toBe(1);
  });

  it('parses only well-formed tags', () => {
    expect(parseClauseTag('hsb:policy.roles-dsl@12')).toEqual({ clauseId: 'policy.roles-dsl', version: 12 });
    for (const bad of [
      'hsb:policy.x',
      'hsb:policy.x@0',
      'hsb:Policy.X@1',
      'hsb:policy.x@1 ',
      'xhsb:policy.x@1',
    ]) {
      expect(parseClauseTag(bad)).toBeNull();
    }
  });
});
