import {
  clausesOf,
  expandQuery,
  isGoodAnswer,
  markdownToPlainText,
  synonymGroups,
  searchClauses,
  searchFaq,
  yearGroupPhase,
  type ContentLibrary,
  type FaqEntry,
} from '../../../core/index.js';
import { stem, tokenize, processTerm } from '../../../core/content/text-terms.js';
import { realContent } from '../../helpers/content.js';

const lib = realContent();
const ids = (q: string, top = 3) => searchFaq(lib, q, { top }).map((h) => h.entry.id);

/** Every word of `q` is absent from all FAQ text, so any hit must come from a synonym. */
function absentFromFaq(q: string): boolean {
  const text = lib.faq
    .map((e) => `${e.question} ${e.tags.join(' ')} ${markdownToPlainText(e.answer)}`)
    .join(' ')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((w) => !new RegExp(`(?<![a-z])${w}`).test(text));
}

function tinyLibrary(entries: Pick<FaqEntry, 'id' | 'question' | 'answer' | 'tags'>[]): ContentLibrary {
  const faq: FaqEntry[] = entries.map((e) => ({
    ...e,
    version: 1,
    related: [],
    variables: [],
    sources: [{ title: 'KCSIE', url: 'https://www.gov.uk/' }],
    guidanceEdition: 'KCSIE 2025',
  }));
  // Only the FAQ matters to these tests; the rest of the library is not read by searchFaq.
  return { policy: [], referral: [], faq, riskTemplate: { contexts: [] } } as unknown as ContentLibrary;
}

describe('terms', () => {
  it('stems the endings staff and writers use so the forms meet', () => {
    for (const group of [
      ['touch', 'touches', 'touched', 'touching'],
      ['grope', 'groped', 'groping'],
      ['nude', 'nudes'],
      ['share', 'shared', 'sharing', 'shares'],
      ['grab', 'grabbed', 'grabbing'],
      ['body', 'bodies'],
    ]) {
      expect(new Set(group.map(stem)).size).toBe(1);
    }
    expect(stem('bus')).toBe('bus');
    expect(stem('class')).toBe('class');
    expect(stem('y10s')).toBe('y10s');
  });

  it('tokenises possessives, contractions and curly quotes the same way', () => {
    expect(tokenize('Children’s services don’t reply')).toEqual(['children', 'services', 'dont', 'reply']);
    expect(tokenize("children's")).toEqual(['children']);
    expect(processTerm('the')).toBeNull();
    expect(processTerm('Touching')).toBe('touch');
  });
});

describe('synonyms', () => {
  it('maps year groups to phase and ages', () => {
    for (const q of ['yr 8', 'y8', 'year 8', 'Year 8 boy', 'two Y8s']) {
      expect(expandQuery(q)).toEqual(expect.arrayContaining(['secondary', '12', '13']));
    }
    expect(yearGroupPhase(8)).toEqual({ phase: 'secondary', ages: [12, 13] });
    expect(yearGroupPhase(0)).toEqual({ phase: 'primary', ages: [4, 5] });
    expect(yearGroupPhase(3)).toEqual({ phase: 'primary', ages: [7, 8] });
    expect(yearGroupPhase(12)).toEqual({ phase: 'sixth-form', ages: [16, 17] });
    expect(yearGroupPhase(14)).toBeUndefined();
    for (const q of ['reception child', 'KS1', 'ks2 pupils', 'a 7 year old', 'aged 6']) {
      expect(expandQuery(q)).toContain('primary');
    }
    expect(expandQuery('a 14 yr old')).toContain('secondary');
    expect(expandQuery('2 years ago')).not.toContain('primary');
  });

  it('reads two ages or year groups side by side as a question about the gap between them', () => {
    for (const q of ['13 and 16', 'year 8 and year 11', 'yr 7 and 10', 'shes 14 and hes 17']) {
      expect({ q, terms: expandQuery(q) }).toEqual({ q, terms: expect.arrayContaining(['age-gap', 'imbalance']) });
    }
    expect(expandQuery('14 and 15')).toEqual(expect.arrayContaining(['similar-age']));
    expect(expandQuery('14 and 15')).not.toContain('age-gap');
    // Not ages: counts, or the same number twice.
    expect(expandQuery('20 and 40 pupils')).not.toContain('age-gap');
    expect(expandQuery('9 and 9')).not.toContain('age-gap');
  });

  it('answers one or two words half matched only when they name sexual behaviour', () => {
    const keywords = { score: 40, perWord: 20, coverage: 0.6, domainCoverage: 0.6, words: 2, otherSafeguarding: false };
    expect(isGoodAnswer({ ...keywords, onTopic: true })).toBe(true);
    expect(isGoodAnswer({ ...keywords, onTopic: false })).toBe(false);
    expect(isGoodAnswer({ ...keywords, coverage: 0.3, onTopic: true })).toBe(false);
  });

  it('maps everyday words for pressure, altered images and handling a matter in school', () => {
    expect(expandQuery('he keeps asking her for pics')).toContain('coercion');
    expect(expandQuery('a photoshopped picture')).toContain('deepfake');
    expect(expandQuery('can we deal with it in school')).toContain('internally');
  });

  it('maps a request for a checklist to first steps', () => {
    expect(expandQuery('a step by step checklist')).toContain('first-steps');
  });

  it('maps the words staff use to the words the guidance uses', () => {
    const cases: [string, string][] = [
      ['nude pics', 'nudes'],
      ['sexting', 'nudes'],
      ['AirDropped', 'airdrop'],
      ['air drop', 'airdrop'],
      ['on snapchat', 'online'],
      ['phone up skirt', 'upskirting'],
      ['an upskirt photo', 'upskirting'],
      ['grabbed her bum', 'touching'],
      ['he groped her', 'touching'],
      ['just messing about', 'banter'],
      ['joking', 'banter'],
      ['social services', 'csc'],
      ['children’s services', 'csc'],
      ['the MASH', 'mash'],
      ['ring 101', 'police'],
      ['999', 'police'],
      ['DSL is off sick', 'unavailable'],
      ['no dsl today', 'unavailable'],
      ['permex', 'exclusion'],
      ['the victim', 'harmed'],
      ['the perpetrator', 'displayed'],
      ['the alleged perpetrator', 'displayed'],
      ['a false allegation', 'false-report'],
      ['take it down', 'takedown'],
      ['two y10s dating', 'relationship'],
    ];
    for (const [q, term] of cases) expect({ q, terms: expandQuery(q) }).toEqual({ q, terms: expect.arrayContaining([term]) });
    expect(expandQuery('how do I write a record')).not.toContain('nudes');
  });

  it('leads every synonym to words the content really uses, and keeps triggers tidy', () => {
    const vocabulary = new Set(
      [
        ...lib.faq.map((e) => `${e.question} ${e.tags.join(' ')} ${markdownToPlainText(e.answer)}`),
        ...clausesOf(lib).map((c) => `${c.title} ${markdownToPlainText(c.body)}`),
      ]
        .flatMap(tokenize)
        .map(processTerm)
        .filter((t): t is string => Boolean(t)),
    );
    for (const group of synonymGroups) {
      for (const term of group.terms) {
        for (const token of tokenize(term).map(processTerm).filter(Boolean)) {
          expect({ group: group.id, token, known: vocabulary.has(token!) }).toEqual({
            group: group.id,
            token,
            known: true,
          });
        }
      }
      for (const trigger of group.triggers) expect(trigger).toMatch(/^[a-z0-9+'-]+(?: [a-z0-9+'-]+)*$/);
    }
  });

  it('finds the right answer from a word that appears nowhere in the FAQ', () => {
    const cases: [string, string, string][] = [
      ['someone sent a dick pic', 'dick', 'faq.airdrop-unwanted-images'],
      ['cyberflashing on the bus', 'cyberflashing', 'faq.airdrop-unwanted-images'],
      ['he groped her', 'groped', 'faq.touching-in-lunch-queue'],
      ['sexting', 'sexting', 'faq.nudes-when-to-involve-police'],
    ];
    for (const [q, word, id] of cases) {
      expect({ word, absent: absentFromFaq(word) }).toEqual({ word, absent: true });
      expect({ q, top3: ids(q) }).toEqual({ q, top3: expect.arrayContaining([id]) });
    }
  });
});

describe('searchFaq', () => {
  it('ranks the entry that answers the question first', () => {
    expect(ids('phone under skirt')[0]).toBe('faq.upskirting');
    expect(ids('DSL off sick, who do I tell')[0]).toBe('faq.dsl-unavailable');
    expect(ids('perm ex for sexual assault')[0]).toBe('faq.exclusion-after-hsb');
    expect(ids('year 3 boy, police under 10')[0]).toBe('faq.under-10s-criminal-responsibility');
  });

  it('lets the words typed outweigh the synonyms they bring in', () => {
    // "group chat" brings in social-media and online, which the rumours entry is about; "nudes" is what
    // was asked.
    expect(ids('nudes in group chat').slice(0, 2)).toEqual(['faq.nudes-in-group-chat', 'faq.rumours-on-social-media']);
  });

  it('matches misspellings (fuzzy) and unfinished words (prefix)', () => {
    expect(ids('upskiting')[0]).toBe('faq.upskirting');
    expect(ids('bluetoth')[0]).toBe('faq.airdrop-unwanted-images');
    expect(ids('exlcusion')[0]).toBe('faq.exclusion-after-hsb');
    expect(ids('retension of records')[0]).toBe('faq.retention-of-hsb-records');
    expect(ids('upsk')[0]).toBe('faq.upskirting');
    expect(ids('airdr')[0]).toBe('faq.airdrop-unwanted-images');
  });

  it('boosts the question over tags, and tags over the answer', () => {
    const tiny = tinyLibrary([
      { id: 'faq.in-answer', question: 'First question?', tags: ['alpha'], answer: 'The lanyard is blue.' },
      { id: 'faq.in-tags', question: 'Second question?', tags: ['lanyard'], answer: 'Nothing relevant here.' },
      { id: 'faq.in-question', question: 'Lanyard question?', tags: ['beta'], answer: 'Nothing relevant here.' },
    ]);
    expect(searchFaq(tiny, 'lanyard').map((h) => h.entry.id)).toEqual([
      'faq.in-question',
      'faq.in-tags',
      'faq.in-answer',
    ]);
  });

  it('lets words typed outrank synonyms', () => {
    const tiny = tinyLibrary([
      { id: 'faq.typed', question: 'Banter?', tags: ['x'], answer: 'a' },
      { id: 'faq.synonym', question: 'Culture?', tags: ['x'], answer: 'a' },
    ]);
    expect(searchFaq(tiny, 'banter').map((h) => h.entry.id)).toEqual(['faq.typed', 'faq.synonym']);
  });

  it('returns at most top hits, best first, and nothing for a query of stop words', () => {
    const hits = searchFaq(lib, 'nudes', { top: 4 });
    expect(hits).toHaveLength(4);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(searchFaq(lib, 'what do we do')).toEqual([]);
    expect(searchFaq(lib, '   ')).toEqual([]);
    expect(searchFaq(lib, 'zzqxj')).toEqual([]);
  });

  it('copes with a very long query', () => {
    const q = 'boy touched a girl at lunch '.repeat(200);
    expect(ids(q)).toContain('faq.touching-in-lunch-queue');
  });
});

describe('searchClauses', () => {
  it('filters by kind and by section', () => {
    const referral = searchClauses(lib, 'consent', { kind: 'referral' });
    expect(referral.length).toBeGreaterThan(0);
    expect(referral.every((h) => h.clause.kind === 'referral')).toBe(true);
    expect(referral[0]!.clause.id).toBe('referral.consent');

    const policy = searchClauses(lib, 'consent', { kind: 'policy' });
    expect(policy.every((h) => h.clause.kind === 'policy')).toBe(true);
    expect(policy[0]!.clause.section).toBe('definitions');

    const both = searchClauses(lib, 'consent', { top: 100 });
    expect(new Set(both.map((h) => h.clause.kind))).toEqual(new Set(['policy', 'referral']));

    const records = searchClauses(lib, 'retention', { section: 'records' });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((h) => h.clause.section === 'records')).toBe(true);
  });

  it('shares the synonyms with the FAQ', () => {
    expect(searchClauses(lib, 'phone under skirt', { kind: 'policy' })[0]!.clause.id).toBe(
      'policy.definitions-nudes-upskirting',
    );
    expect(searchClauses(lib, 'sexting', { kind: 'policy', top: 3 }).map((h) => h.clause.section)).toContain(
      'online-nudes',
    );
  });
});
