import {
  ContentError,
  DomainError,
  parseContentLibrary,
  type ContentFile,
} from '../../../core/index.js';
import { realContentFiles, withEdit, withExtra, without } from '../../helpers/content.js';

/**
 * Each rule of content/README.md rejects a crafted bad file, and the error names the file and the field
 * a writer must fix. Every case starts from the real content (which loads) and breaks one thing.
 */

function errorOf(files: ContentFile[]): ContentError {
  try {
    parseContentLibrary(files);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('the content loaded, but it should have been rejected');
}

function expectRejected(files: ContentFile[], file: string, field: string, problem: RegExp): void {
  const error = errorOf(files);
  expect({ file: error.file, field: error.field }).toEqual({ file, field });
  expect(error.problem).toMatch(problem);
  expect(error.message).toContain(file);
}

const POLICY = 'policy/01-purpose-scope-aims.md';
const FAQ = 'faq/upskirting.md';
const CONTEXT = 'risk-assessment/contexts/01-classroom.yaml';

const replace = (from: string | RegExp, to: string) => (text: string) => text.replace(from, to);

describe('content validation', () => {
  it('accepts the real content (the baseline every case below breaks)', () => {
    expect(() => parseContentLibrary(realContentFiles())).not.toThrow();
  });

  it('is a coded domain error, so the HTTP mapping never shows its details to users', () => {
    const error = errorOf(withEdit(POLICY, replace('version: 1', 'version: 0')));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('CONTENT_INVALID');
    expect(error.message).toBe(`${POLICY}: version: ${error.problem}`);
  });

  describe('variables', () => {
    it('rejects a variable the text uses but does not declare', () => {
      expectRejected(
        withEdit(POLICY, replace('This policy sets out how', '{{dslName}} and this policy set out how')),
        POLICY,
        'body',
        /\{\{dslName\}\}.*does not declare/,
      );
    });

    it('rejects a declared variable the text never uses', () => {
      expectRejected(
        withEdit(POLICY, replace('variables: [schoolName]', 'variables: [schoolName, sencoName]')),
        POLICY,
        'variables',
        /sencoName.*never uses/,
      );
    });

    it('rejects a variable that is not part of the school profile (child data never is)', () => {
      expectRejected(
        withEdit(POLICY, replace('This policy sets out how', '{{childName}}: this policy sets out how')),
        POLICY,
        'body',
        /\{\{childName\}\} is not a school-profile variable/,
      );
      expectRejected(
        withEdit(POLICY, replace('variables: [schoolName]', 'variables: [schoolName, childName]')),
        POLICY,
        'variables.1',
        /Use only: schoolName/,
      );
    });

    it('checks variables in YAML lists too, naming the list item', () => {
      expectRejected(
        withEdit(CONTEXT, replace('variables: [sencoName]', 'variables: []')),
        CONTEXT,
        'prompts.7',
        /\{\{sencoName\}\}.*does not declare/,
      );
    });

    it('rejects a stray brace pair that is not a variable', () => {
      expectRejected(
        withEdit(POLICY, replace('This policy sets out', 'This {{policy sets out')),
        POLICY,
        'body',
        /"\{\{" or "\}\}"/,
      );
    });
  });

  describe('ids, versions and order', () => {
    it('rejects a duplicate id, naming both files', () => {
      const error = errorOf(withEdit(FAQ, replace('id: faq.upskirting', 'id: faq.airdrop-unwanted-images')));
      expect(error.file).toMatch(/^faq\//);
      expect(error.field).toBe('id');
      expect(error.problem).toMatch(/already the id of faq\//);
    });

    it('rejects an id without the prefix of its folder', () => {
      expectRejected(
        withEdit(FAQ, replace('id: faq.upskirting', 'id: policy.upskirting')),
        FAQ,
        'id',
        /Use "faq\."/,
      );
    });

    it('rejects a version below 1', () => {
      expectRejected(withEdit(POLICY, replace('version: 1', 'version: 0')), POLICY, 'version', /At least 1/);
    });

    it('rejects two policy clauses with the same order', () => {
      expectRejected(
        withEdit('policy/02-purpose-scope-where-it-applies.md', replace(/^order: \d+$/m, 'order: 10')),
        'policy/02-purpose-scope-where-it-applies.md',
        'order',
        /already the order of policy\/01-purpose-scope-aims\.md/,
      );
    });
  });

  describe('sources and editions', () => {
    it('rejects an item with no source', () => {
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, 'sources: []\n')),
        POLICY,
        'sources',
        /at least one source/,
      );
    });

    it('rejects an item whose sources field is missing', () => {
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, '')),
        POLICY,
        'sources',
        /^Missing\.$/,
      );
    });

    it('rejects a source whose address is not a web address', () => {
      expectRejected(
        withEdit(POLICY, replace(/url: https:\/\/\S*/, 'url: gov.uk/kcsie')),
        POLICY,
        'sources.0.url',
        /https web address/,
      );
    });

    it('rejects a source on a host that is not an official publisher, naming the field', () => {
      expectRejected(
        withEdit(POLICY, (t) =>
          t.replace(/^sources:\n/m, 'sources:\n  - title: KCSIE Part five (mirror)\n    url: https://www.keepingchildrensafeineducation.co.uk/part_five_ch_sex_viol.html\n'),
        ),
        POLICY,
        'sources.0.url',
        /Cite the official publisher, not a copy/,
      );
      expectRejected(
        withEdit(POLICY, replace(/url: https:\/\/\S*/, 'url: http://www.gov.uk/government/publications/keeping-children-safe-in-education--2')),
        POLICY,
        'sources.0.url',
        /https web address/,
      );
    });

    it('rejects an edition without a year, one it does not cite, or one no longer in force', () => {
      expectRejected(
        withEdit(POLICY, replace('guidanceEdition: KCSIE 2026', 'guidanceEdition: KCSIE')),
        POLICY,
        'guidanceEdition',
        /with its year/,
      );
      expectRejected(
        withEdit(POLICY, replace('guidanceEdition: KCSIE 2026', 'guidanceEdition: KCSIE 2026; UKCIS 2024')),
        POLICY,
        'sources',
        /follows UKCIS 2024 but does not cite that edition/,
      );
      expectRejected(
        withEdit(POLICY, replace('guidanceEdition: KCSIE 2026', 'guidanceEdition: Some Blog 2025')),
        POLICY,
        'guidanceEdition',
        /"Some Blog 2025" is not a document/,
      );
      expectRejected(
        withEdit(POLICY, replace('guidanceEdition: KCSIE 2026', 'guidanceEdition: KCSIE 2025')),
        POLICY,
        'guidanceEdition',
        /not the edition in force; follow KCSIE 2026/,
      );
    });

    it("rejects KCSIE cited only through its undated page, which moves on to next year's edition", () => {
      expectRejected(
        withEdit(POLICY, (t) =>
          t.replace(
            /url: https:\/\/assets\.publishing\.service\.gov\.uk\/media\/\S*Keeping_children_safe_in_education_2026\.pdf/,
            'url: https://www.gov.uk/government/publications/keeping-children-safe-in-education--2',
          ),
        ),
        POLICY,
        'sources',
        /follows KCSIE 2026 but does not cite that edition/,
      );
    });

    it('requires a verify note until the item is checked, and a check no older than the edition', () => {
      const unverified = withEdit(POLICY, (t) => t.replace(/^verify: .*\n(?: {2}.*\n)*/m, ''));
      expectRejected(unverified, POLICY, 'verify', /until the facts are checked/);
      const checked = withEdit(POLICY, (t) => t.replace(/^verify: .*\n(?: {2}.*\n)*/m, 'checkedOn: 2026-12-02\n'));
      expect(() => parseContentLibrary(checked)).not.toThrow();
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^verify: .*\n(?: {2}.*\n)*/m, 'checkedOn: 2026-06-30\n')),
        POLICY,
        'checkedOn',
        /before KCSIE 2026 was published \(2026-07-07\)/,
      );
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^verify: /m, 'checkedOn: 2026-02-30\nverify: ')),
        POLICY,
        'checkedOn',
        /YYYY-MM-DD/,
      );
    });

    it('accepts a source that names its edition and the section relied on, and rejects an unknown field', () => {
      const sectioned = withEdit(POLICY, (t) =>
        t.replace(/^( {4}section: ).*$/m, '$1"Part five, paras 447-452"'),
      );
      const lib = parseContentLibrary(sectioned);
      expect(lib.policy.find((c) => c.id === 'policy.purpose-scope-aims')!.sources[0]!.section).toBe(
        'Part five, paras 447-452',
      );
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^sources:\n {2}- title: (.*)\n/m, 'sources:\n  - title: $1\n    paragraph: "12"\n')),
        POLICY,
        'sources.0.paragraph',
        /Unknown field/,
      );
    });
  });

  describe('sections and coverage', () => {
    it('rejects a section the policy does not have', () => {
      expectRejected(
        withEdit(POLICY, replace('section: purpose-scope', 'section: purpose')),
        POLICY,
        'section',
        /Use one of: purpose-scope/,
      );
    });

    it('rejects a policy with a heading no clause covers', () => {
      expectRejected(
        without((p) => p === 'policy/42-training.md'),
        'policy/',
        'section',
        /No clause covers: training/,
      );
    });

    it('rejects a referral form with a block no clause covers', () => {
      expectRejected(
        without((p) => p === 'referral/13-below-threshold.md'),
        'referral/',
        'section',
        /No clause covers: below-threshold/,
      );
    });
  });

  describe('FAQ entries', () => {
    const filler = Array.from({ length: 200 }, () => 'word').join(' ');

    it('rejects an answer over the word limit', () => {
      expectRejected(
        withEdit(FAQ, (t) => `${t.trimEnd()} ${filler}\n`),
        FAQ,
        'body',
        /has \d+ words; keep it between 60 and 220/,
      );
    });

    it('rejects an answer under 60 words', () => {
      expectRejected(
        withEdit(FAQ, (t) => `${t.slice(0, t.indexOf('---', 4) + 4)}Tell the DSL. The DSL will decide what happens next.\n`),
        FAQ,
        'body',
        /has 10 words/,
      );
    });

    it('rejects the old boilerplate closing line, as its own paragraph or ending another', () => {
      expectRejected(
        withEdit(FAQ, (t) => `${t.trimEnd()}\n\nThe DSL decides the response and records the decision and the reasons.\n`),
        FAQ,
        'body',
        /Drop the closing "The DSL decides … records …" line/,
      );
      expectRejected(
        withEdit(FAQ, (t) => `${t.trimEnd()} The DSL decides and records why.\n`),
        FAQ,
        'body',
        /Drop the closing/,
      );
    });

    it('rejects a related id that names no clause or section', () => {
      expectRejected(
        withEdit(FAQ, replace('related: [policy.definitions', 'related: [policy.no-such-section')),
        FAQ,
        'related.0',
        /neither a clause id nor a section/,
      );
    });

    it('resolves a related id that is a clause id as well as a section anchor', () => {
      const files = withEdit(FAQ, replace('related: [policy.definitions', 'related: [policy.training'));
      expect(() => parseContentLibrary(files)).not.toThrow();
    });

    it('rejects a tag that is not lower-case kebab-case', () => {
      expectRejected(
        withEdit(FAQ, replace('tags: [upskirting,', 'tags: [Up Skirting,')),
        FAQ,
        'tags.0',
        /kebab-case/,
      );
    });
  });

  describe('format', () => {
    it('rejects an unknown field rather than dropping it', () => {
      expectRejected(
        withEdit(POLICY, replace('version: 1', 'version: 1\nauthor: someone')),
        POLICY,
        'author',
        /Unknown field/,
      );
    });

    it('rejects a link in the body, naming the line of the file', () => {
      const files = withEdit(POLICY, replace('Our aims are to:', 'Our [aims](https://example.org) are to:'));
      const line = files.find((f) => f.path === POLICY)!.text.split('\n').findIndex((l) => l.includes('[aims]')) + 1;
      expectRejected(files, POLICY, 'body', new RegExp(`^line ${line}: Links are not allowed`));
    });

    it('rejects other Markdown outside the subset', () => {
      const cases: [string, RegExp][] = [
        ['## Aims', /Only "### " sub-headings/],
        ['| a | b |', /Tables/],
        ['<b>Aims</b>', /HTML/],
        ['* aims', /Start bullets with "- "/],
        ['**aims', /bold marker is not closed/],
        ['*aims*', /single "\*"/],
        ['See www.example.org', /Web addresses/],
      ];
      for (const [line, problem] of cases) {
        expectRejected(withEdit(POLICY, replace('Our aims are to:', line)), POLICY, 'body', problem);
      }
    });

    it('rejects invalid YAML, naming the line', () => {
      const files = withEdit(CONTEXT, replace('order: 10', 'order: @10'));
      const line = files.find((f) => f.path === CONTEXT)!.text.split('\n').indexOf('order: @10') + 1;
      expectRejected(files, CONTEXT, `line ${line}`, /not valid YAML/);
    });

    it('rejects a duplicate key in front matter, naming the line of the file', () => {
      expectRejected(withEdit(POLICY, replace('version: 1', 'version: 1\nversion: 2')), POLICY, 'line 4', /appears twice/);
    });

    it('rejects a Markdown file without front matter', () => {
      expectRejected(
        withEdit(POLICY, (t) => t.replace(/^---\n/, '')),
        POLICY,
        '',
        /front matter/,
      );
    });

    it('rejects a file in a place the format does not describe', () => {
      expectRejected(
        withExtra({ path: 'policies/extra.md', text: '---\nid: policy.x\n---\nx' }),
        'policies/extra.md',
        '',
        /Not a file content\/README\.md describes/,
      );
    });

    it('rejects content with a required file missing', () => {
      expectRejected(
        without((p) => p === 'guides/language.yaml'),
        'guides/language.yaml',
        '',
        /missing/,
      );
    });
  });

  describe('template and guides match the assessment model', () => {
    it('rejects a context that is not one of core’s risk contexts, and a missing one', () => {
      expectRejected(
        withEdit(CONTEXT, replace('id: context.classroom', 'id: context.library')),
        CONTEXT,
        'id',
        /one of: classroom/,
      );
      expectRejected(
        without((p) => p === CONTEXT),
        'risk-assessment/contexts/',
        'id',
        /No file describes: classroom/,
      );
    });

    it('rejects a decision guide missing one of the four options', () => {
      expectRejected(
        withEdit('risk-assessment/decision.yaml', replace('  - id: early-help', '  - id: manage-internally')),
        'risk-assessment/decision.yaml',
        'options.1',
        /"manage-internally" appears twice/,
      );
    });

    it('rejects Hackett levels out of continuum order', () => {
      expectRejected(
        withEdit('guides/hackett.yaml', (t) =>
          t.replace('  - id: normal', '  - id: TEMP').replace('  - id: inappropriate', '  - id: normal').replace('  - id: TEMP', '  - id: inappropriate'),
        ),
        'guides/hackett.yaml',
        'levels',
        /in this order: normal, inappropriate, problematic, abusive, violent/,
      );
    });

    it('rejects a scale without its three points', () => {
      expectRejected(
        withEdit('risk-assessment/scales.yaml', replace('  - value: 3\n    label: "Likely"', '  - value: 2\n    label: "Likely"')),
        'risk-assessment/scales.yaml',
        'likelihood.2',
        /"2" appears twice/,
      );
    });

    it('rejects a phrase two language terms both claim', () => {
      expectRejected(
        withEdit('guides/language.yaml', replace('match: ["abuser", "abusers"', 'match: ["perpetrator", "abusers"')),
        'guides/language.yaml',
        'terms.1.match.0',
        /already matched by term "perpetrator"/,
      );
    });

    it('rejects a language term with a scope other than child or any', () => {
      expectRejected(
        withEdit('guides/language.yaml', replace('scope: child', 'scope: children')),
        'guides/language.yaml',
        'terms.0.scope',
        /"child" or "any"/,
      );
    });
  });
});
