import { isGoodAnswer, processTerm, rankFaq, searchFaq } from '../../../core/index.js';
import { expandQueryDetailed } from '../../../core/content/synonyms.js';
import { realContent } from '../../helpers/content.js';

/**
 * Three ways staff word questions that the search once lost: US spellings of the content's British ones,
 * a meaning carried only by small words ("made it up"), and a question about sexual behaviour worded
 * mostly in everyday words, which the strict good-answer cut used to turn away.
 */
describe('FAQ search: wording staff use', () => {
  const lib = realContent();

  it('folds US spellings into the British ones the content uses, leaving short -ize words alone', () => {
    expect(processTerm('behavior')).toBe(processTerm('behaviour'));
    expect(processTerm('misbehaviors')).toBe(processTerm('misbehaviours'));
    expect(processTerm('sexualized')).toBe(processTerm('sexualised'));
    expect(processTerm('recognizing')).toBe(processTerm('recognising'));
    expect(processTerm('counseling')).toBe(processTerm('counselling'));
    expect(processTerm('size')).toBe('siz');
    expect(processTerm('prize')).not.toBe(processTerm('prise'));
  });

  it('counts a phrase made only of small words as something typed, so it alone can find its entry', () => {
    for (const q of ['made it up', 'they made it all up']) {
      expect(searchFaq(lib, q, { top: 3 })[0]?.entry.id).toBe('faq.false-or-malicious-report');
    }
  });

  it('answers a loosely matched question that names sexual behaviour, and declines its twin that does not', () => {
    const onTopic = 'pupils keep saying sexual stuff in my tutor time, where do I start';
    const offTopic = 'pupils keep saying unkind stuff in my tutor time, where do I start';
    expect(searchFaq(lib, onTopic, { top: 3 }).length).toBeGreaterThan(0);
    expect(searchFaq(lib, offTopic, { top: 3 })).toEqual([]);
  });

  // Written for this test. "boy" and "girl" fill the entry on boys harmed and girls who harm, so BM25
  // scored it highest on them while it failed the cut (they are not what is asked); the entry the
  // re-ranker puts first passed. Either passing now means there is an answer.
  it.each(['is it abuse when a boy and a girl of 14 both agreed', 'girl and boy in y10 say it was mutual, is it abuse'])(
    'answers when the first entry passes the cut though the strongest BM25 hit does not: %s',
    (q) => {
      const ranked = rankFaq(lib, q);
      const strongest = ranked.reduce((a, b) => (b.evidence.score > a.evidence.score ? b : a));
      expect(strongest.id).not.toBe(ranked[0]!.id);
      expect(isGoodAnswer(strongest.evidence)).toBe(false);
      expect(isGoodAnswer(ranked[0]!.evidence)).toBe(true);
      expect(searchFaq(lib, q, { top: 3 })[0]?.entry.id).toBe('faq.relationship-similar-age');
    },
  );

  it('lets a word that only says which child weigh less than what is asked, and still finds the entry about the sexes', () => {
    const top = (q: string) => searchFaq(lib, q, { top: 3 }).map((h) => h.entry.id);
    // Named as a boy and a girl, or as two pupils, the question is about the same thing.
    expect(top('is it abuse when a boy and a girl of 14 both agreed')[0]).toBe(
      top('is it abuse when two pupils of 14 both agreed')[0],
    );
    // A boy asking a girl for pictures is about pressure for images, not about the child's sex.
    expect(top('a boy keeps asking a girl for pics')).not.toContain('faq.boys-harmed-and-girls-who-display-hsb');
    expect(top('a girl has been touching boys in her class, do we treat it the same as if a boy did it')[0]).toBe(
      'faq.boys-harmed-and-girls-who-display-hsb',
    );
  });

  it('reads "consensual" as naming sexual behaviour', () => {
    expect(rankFaq(lib, 'two 15 year olds, it was consensual, do I have to report it')[0]?.evidence.onTopic).toBe(true);
    expect(rankFaq(lib, 'two 15 year olds, it was agreed, do I have to report it')[0]?.evidence.onTopic).toBe(false);
  });

  it('holds a question that does not name sexual behaviour to the strict cut', () => {
    const weak = { score: 12, perWord: 3, coverage: 0.5, domainCoverage: 0.5, words: 4, otherSafeguarding: false };
    expect(isGoodAnswer({ ...weak, onTopic: true })).toBe(true);
    expect(isGoodAnswer({ ...weak, onTopic: false })).toBe(false);
  });
});

describe('declining questions outside harmful sexual behaviour', () => {
  const lib = realContent();

  // School business and office IT, written for this test in general school vocabulary.
  it.each([
    'when do the autumn term reports have to be finished',
    'my laptop will not connect to the staff wifi',
    'who do I ask about my pension contributions as a teacher',
    'can a colleague cover my lunch duty next week',
  ])('declines school business: %s', (q) => {
    expect(searchFaq(lib, q, { top: 3 })).toEqual([]);
  });

  it.each([
    'a child came in with bruising on his face again',
    'worried a pupil is being drawn into extremism online',
    'girl in year 8 has been self-harming',
    'my tutee has been cutting herself again, who should I speak to',
    'a year 10 boy went missing overnight for the second time this month',
    'he says he is starving every morning and has not eaten since school dinner',
    'a boy in year 7 keeps saying he wants to die and nobody would miss him',
    'one of my tutees said her stepdad punched her last night',
    'a child arrived with a black eye and will not say how',
    'mum came to pick up her toddler and was clearly drunk',
  ])('declines a safeguarding concern other than sexual behaviour: %s', (q) => {
    expect(searchFaq(lib, q, { top: 3 })).toEqual([]);
  });

  // A touching word in another sense must not make the worry one about sexual behaviour.
  it.each([
    'social worker got in touch, the pupil has gone missing from care again',
    'her stepdad grabbed her by the wrist and there is bruising',
  ])('declines another concern whose words only look like touching: %s', (q) => {
    expect(expandQueryDetailed(q).some((e) => e.terms.includes('touching'))).toBe(false);
    expect(searchFaq(lib, q, { top: 3 })).toEqual([]);
  });

  it('reads the subject set aside ("nothing sexual") as not naming it, and the same worry named as sexual as naming it', () => {
    expect(searchFaq(lib, 'nothing sexual about it but there are bruises on his back, who do I tell', { top: 3 })).toEqual([]);
    expect(searchFaq(lib, 'a boy in my class was sexually assaulted by another pupil on the field', { top: 3 }).length).toBeGreaterThan(0);
  });

  it('still reads touching and grabbing between pupils as touching', () => {
    for (const q of ['a boy grabbed her in the corridor', 'he keeps touching her on the bus']) {
      expect(expandQueryDetailed(q).some((e) => e.terms.includes('touching'))).toBe(true);
    }
  });

  it.each([
    'boy keeps pinging pics round the year group chat',
    'two pupils in the same tutor group, one has accused the other, what now',
    'police took his phone, do we still run our own process',
  ])('still answers a question about the subject in few of its words: %s', (q) => {
    expect(searchFaq(lib, q, { top: 3 }).length).toBeGreaterThan(0);
  });

  it('counts nothing matched on school-life words alone toward the cut', () => {
    const evidence = { score: 40, perWord: 10, coverage: 0.8, words: 4, onTopic: false, otherSafeguarding: false };
    expect(isGoodAnswer({ ...evidence, domainCoverage: 0.8 })).toBe(true);
    expect(isGoodAnswer({ ...evidence, domainCoverage: 0 })).toBe(false);
    expect(isGoodAnswer({ ...evidence, domainCoverage: 0.8, otherSafeguarding: true })).toBe(false);
    expect(isGoodAnswer({ ...evidence, domainCoverage: 0, onTopic: true })).toBe(true);
  });
});
