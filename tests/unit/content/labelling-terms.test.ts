import { findLabellingTerms } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';

const guide = realContent().language;
const found = (text: string) => findLabellingTerms(text, guide).map((m) => [m.termId, m.matched]);

describe('findLabellingTerms', () => {
  it('returns each match with offsets into the text, its scope, alternatives and reason', () => {
    const text = 'Notes: the perpetrator was seen by the lockers.';
    const [match] = findLabellingTerms(text, guide);
    expect(match).toMatchObject({ termId: 'perpetrator', matched: 'perpetrator', scope: 'child', quoted: false });
    expect(text.slice(match!.start, match!.end)).toBe('perpetrator');
    expect(match!.alternatives).toContain('the child who displayed harmful sexual behaviour');
    expect(match!.why).toMatch(/label/i);
  });

  it('matches whole words case-insensitively, never inside another word', () => {
    expect(found('ABUSER and Abusers')).toEqual([
      ['abuser', 'ABUSER'],
      ['abuser', 'Abusers'],
    ]);
    expect(found('a perverse outcome; perhaps; superpredator; offenders')).toEqual([['offender', 'offenders']]);
  });

  it('prefers the longest phrase: "juvenile sex offender" is one match, not "offender"', () => {
    expect(found('He is a juvenile sex offender.')).toEqual([['juvenile-sex-offender', 'juvenile sex offender']]);
    expect(found('the alleged perpetrator')).toEqual([['perpetrator', 'alleged perpetrator']]);
    expect(found('a sex offender')).toEqual([['offender', 'sex offender']]);
  });

  it('treats a hyphen, a space or a line break between words alike', () => {
    expect(found('peer on peer abuse')).toEqual([['peer-on-peer', 'peer on peer abuse']]);
    expect(found('attention\nseeking')).toEqual([['attention-seeking', 'attention\nseeking']]);
    expect(found('Boys will be\u00a0boys')).toEqual([['boys-will-be-boys', 'Boys will be\u00a0boys']]);
  });

  it('marks a match inside quotation marks, straight or curly, as quoted', () => {
    const [straight] = findLabellingTerms('She said "he is a pervert" and left.', guide);
    expect(straight!.quoted).toBe(true);
    const [curly] = findLabellingTerms('He said it was “just banter”.', guide);
    expect(curly!.quoted).toBe(true);
    const [outside] = findLabellingTerms('"Stop it," she said. He is a pervert.', guide);
    expect(outside!.quoted).toBe(false);
    // A quotation left open does not run on into the next paragraph.
    const [nextParagraph] = findLabellingTerms('She said "stop.\n\nThe perpetrator left.', guide);
    expect(nextParagraph!.quoted).toBe(false);
  });

  it('finds nothing in child-centred writing', () => {
    expect(
      findLabellingTerms(
        'The child who displayed harmful sexual behaviour and the child harmed were each offered a key adult.',
        guide,
      ),
    ).toEqual([]);
  });

  it('is fast enough to run on every keystroke of a long record', () => {
    const text = 'On Monday the child who displayed harmful sexual behaviour said "it was just banter". '.repeat(500);
    findLabellingTerms(text, guide);
    const start = performance.now();
    const matches = findLabellingTerms(text, guide);
    expect(matches).toHaveLength(500);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
