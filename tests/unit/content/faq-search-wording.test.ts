import { isGoodAnswer, processTerm, searchFaq } from '../../../core/index.js';
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

  it('holds a question that does not name sexual behaviour to the strict cut', () => {
    const weak = { score: 12, perWord: 3, coverage: 0.5, words: 4 };
    expect(isGoodAnswer({ ...weak, onTopic: true })).toBe(true);
    expect(isGoodAnswer({ ...weak, onTopic: false })).toBe(false);
  });
});
