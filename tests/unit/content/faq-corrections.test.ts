import { wordCount, type FaqEntry } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';

/**
 * The FAQ answers a safeguarding trainer found wrong or missing (issue #13), pinned on the served text
 * so a later edit cannot quietly bring a wrong statement back.
 */

const lib = realContent();

function faq(id: string): FaqEntry {
  const entry = lib.faq.find((e) => e.id === id);
  if (!entry) throw new Error(`No FAQ ${id}`);
  return entry;
}

/** The answer with Markdown emphasis removed and whitespace collapsed, for phrase checks. */
function plain(id: string): string {
  return faq(id)
    .answer.replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

describe('anonymity: the complainant, not whoever reports', () => {
  it.each(['faq.rumours-on-social-media', 'faq.who-needs-to-know-anonymity'])(
    '%s names the complainant and the 1992 Act',
    (id) => {
      const text = plain(id);
      expect(text).toContain('complainant');
      expect(text).toContain('sexual offences (amendment) act 1992');
      expect(text).not.toMatch(/anyone who reports/);
      expect(faq(id).sources.some((s) => s.url === 'https://www.legislation.gov.uk/ukpga/1992/34/section/1')).toBe(true);
    },
  );
});

describe('viewing a nude image: the UKCIS safeguards in full', () => {
  const text = plain('faq.can-i-view-the-image');

  it.each([
    ['only when unavoidable', /unavoidable/],
    ['the headteacher consulted first', /consults the headteacher first/],
    ['another senior member of staff present', /another senior member of staff present/],
    ['same sex as the child where possible', /same sex as the child views it where possible/],
    ['on school premises', /on school premises/],
    ['recorded', /records who viewed it/],
  ])('names %s', (_label, pattern) => {
    expect(text).toMatch(pattern);
  });

  it('tells staff never to view, forward or delete', () => {
    expect(text).toMatch(/does not view, copy, forward, print, save or delete it/);
  });
});

describe('the other corrected answers', () => {
  it('Ofsted: no overall grade, safeguarding met or not met', () => {
    const text = plain('faq.ofsted-inspection-hsb');
    expect(text).toMatch(/no single overall grade since september 2024/);
    expect(text).toMatch(/met or not met/);
    expect(text).not.toMatch(/judged ineffective|overall judgement|overall effectiveness/);
  });

  it('a doubted report: nobody tests the child’s account', () => {
    const text = plain('faq.false-or-malicious-report');
    expect(text).toMatch(/nobody tests the child's account/);
    expect(text).toMatch(/unsubstantiated .* not the same as false/);
  });

  it('witnesses: the police before any accounts where a sexual assault may have happened', () => {
    expect(plain('faq.witnesses-and-friendship-groups')).toMatch(
      /sexual assault.*contacts the police before anyone takes accounts from witnesses/,
    );
  });

  it('a young child touching others: parents are not alerted first where harm at home is possible', () => {
    const text = plain('faq.young-child-touching-others');
    expect(text).toMatch(/where harm at home is possible.*does not alert the parents first/);
    expect(text).toMatch(/takes advice from children's social care/);
  });

  it('the closed helpline: national routes beside the local ones', () => {
    const text = plain('faq.hsb-helpline-closed');
    for (const service of ['professionals online safety helpline', 'nspcc helpline', 'stop it now', 'ceop']) {
      expect(text).toContain(service);
    }
    expect(text).toMatch(/children's social care front door/);
  });

  it('siblings: the DSL does not alert the parents first where that could put the child at risk', () => {
    expect(plain('faq.sibling-concerns')).toMatch(/doesn't alert the parents first/);
  });

  it('consent: no referral waits for it where a child may be at risk', () => {
    expect(plain('faq.sharing-information-consent')).toMatch(/no referral, child protection or otherwise, waits for it/);
  });
});

describe('the missing topics', () => {
  it.each([
    ['faq.sextortion', [/don't pay/, /stop all contact/, /keep the evidence/, /ceop/, /report remove/, /he is the victim/]],
    ['faq.ai-generated-nudes', [/exactly as you would to a real nude image of a child/, /protection of children act 1978/]],
    ['faq.showing-pornography-to-others', [/younger children/]],
    ['faq.exposure-or-masturbation-in-public', [/developmental|development/]],
    ['faq.lgbt-targeted-sexual-harassment', [/sexual harassment/, /outed/]],
    ['faq.boys-harmed-and-girls-who-display-hsb', [/exactly the same/]],
    ['faq.adult-student-and-younger-pupil', [/an adult involved/, /under 16/]],
    ['faq.intimate-care-early-years-and-special-schools', [/intimate care procedure/]],
    ['faq.end-of-criminal-case', [/any sexual offence, not only rape/, /conviction|convicted/, /caution/, /no further action/]],
    ['faq.asking-csc-to-lead-a-strategy-meeting', [/strategy discussion/, /escalation procedure/]],
    ['faq.policy-for-pupils-and-parents', [/pupil version/, /parent version/]],
    ['faq.other-settings-care-and-organisations', [/children's home/, /safeguarding lead/, /same thresholds/]],
  ] as const)('%s is served and covers its point', (id, patterns) => {
    const text = plain(id);
    for (const pattern of patterns) expect(text).toMatch(pattern);
  });
});

describe('style across every answer', () => {
  it('no answer repeats the old "the DSL decides … records" closing line', () => {
    const offenders = lib.faq.filter((e) => /\bthe DSL decides\b[^.\n]{0,120}\brecords?\b/i.test(e.answer));
    expect(offenders.map((e) => e.id)).toEqual([]);
  });

  it('no answer opens with "What the guidance says" before the steps', () => {
    const offenders = lib.faq.filter((e) => /^\s*\**what the guidance says/i.test(e.answer));
    expect(offenders.map((e) => e.id)).toEqual([]);
  });

  it('most answers are under 180 words', () => {
    const short = lib.faq.filter((e) => wordCount(e.answer) < 180).length;
    expect(short).toBeGreaterThan(lib.faq.length / 2);
  });

});
