import { describe, expect, it } from '@jest/globals';
import { hintMatcher } from '../../tab/src/language/language-hints';
import { languageGuide } from './support/content';

const match = hintMatcher(languageGuide());
const ids = (text: string) => match(text).map((h) => h.term.id);

describe('language hints from the language guide', () => {
  it('flags labels for a child with the guide’s alternatives', () => {
    const [hint] = match('The perpetrator waited by the toilets.');
    expect(hint?.term.id).toBe('perpetrator');
    expect(hint?.found).toBe('perpetrator');
    expect(hint?.term.alternatives).toContain('the child who displayed harmful sexual behaviour');
  });

  it('matches whole words and phrases in any case, across line breaks, once per term', () => {
    expect(ids('ABUSER. Abusers.')).toEqual(['abuser']);
    expect(ids('It was just\nbanter, boys will be boys')).toEqual(
      expect.arrayContaining(['banter', 'boys-will-be-boys']),
    );
    expect(ids('a sex offender')).toEqual(['offender']);
  });

  it('does not flag words that only contain a term', () => {
    expect(ids('She used the perpetratorial form')).toEqual([]);
    expect(ids('A bantering tone')).toEqual([]);
  });

  it('leaves a child’s quoted words alone, as the guide asks', () => {
    expect(ids('She said “he is a pervert” and left.')).toEqual([]);
    expect(ids('He said "it was banter" but the perpetrator was seen')).toEqual(['perpetrator']);
  });

  it('with no guide loaded, flags nothing', () => {
    expect(hintMatcher(null)('perpetrator')).toEqual([]);
  });
});
