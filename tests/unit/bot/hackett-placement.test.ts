import fc from 'fast-check';
import {
  ageBands,
  behaviourKinds,
  consentAnswers,
  frequencyAnswers,
  placeOnContinuum,
  powerAnswers,
  type PlacementAnswers,
} from '../../../bot/src/bot/hackett-placement.js';

const RANK = { normal: 0, inappropriate: 1, problematic: 2, abusive: 3, violent: 4 } as const;
const equalsOnce = { consent: 'mutual', power: 'equal', frequency: 'once' } as const;

describe('placeOnContinuum', () => {
  it.each<[Partial<PlacementAnswers> & Pick<PlacementAnswers, 'ageBand' | 'seen'>, keyof typeof RANK]>([
    [{ ageBand: 'under-5', seen: ['looking-showing'], ...equalsOnce }, 'normal'],
    [{ ageBand: '13-17', seen: ['touching-clothed'], ...equalsOnce }, 'normal'],
    [{ ageBand: '9-13', seen: ['talk'], ...equalsOnce }, 'normal'],
    [{ ageBand: '5-9', seen: ['talk'], ...equalsOnce }, 'inappropriate'],
    [{ ageBand: '13-17', seen: ['images'], ...equalsOnce }, 'inappropriate'],
    [{ ageBand: '9-13', seen: ['images'], ...equalsOnce }, 'problematic'],
    [{ ageBand: '5-9', seen: ['sexual-acts'], ...equalsOnce }, 'problematic'],
    [{ ageBand: '13-17', seen: ['talk'], ...equalsOnce, consent: 'unclear' }, 'problematic'],
    [{ ageBand: '13-17', seen: ['talk'], ...equalsOnce, consent: 'not-given' }, 'problematic'],
    [
      { ageBand: '13-17', seen: ['talk'], ...equalsOnce, consent: 'not-given', frequency: 'repeated' },
      'abusive',
    ],
    [{ ageBand: '13-17', seen: ['touching-clothed'], ...equalsOnce, consent: 'not-given' }, 'abusive'],
    [{ ageBand: '9-13', seen: ['touching-clothed'], ...equalsOnce, power: 'misused' }, 'abusive'],
    [{ ageBand: '9-13', seen: ['touching-clothed'], ...equalsOnce, power: 'some' }, 'problematic'],
    [{ ageBand: '13-17', seen: ['touching-clothed'], ...equalsOnce, frequency: 'repeated' }, 'problematic'],
    [{ ageBand: '13-17', seen: ['talk', 'force'], ...equalsOnce }, 'abusive'],
    [{ ageBand: '13-17', seen: ['sexual-acts', 'force'], ...equalsOnce, consent: 'not-given' }, 'violent'],
  ])('%j → %s', (answers, level) => {
    const placement = placeOnContinuum({ ...equalsOnce, ...answers } as PlacementAnswers);
    expect(placement.level).toBe(level);
    expect(placement.reasons.length).toBeGreaterThan(0);
  });

  const answers = fc.record({
    ageBand: fc.constantFrom(...ageBands),
    seen: fc.uniqueArray(fc.constantFrom(...behaviourKinds), { minLength: 1 }),
    consent: fc.constantFrom(...consentAnswers),
    power: fc.constantFrom(...powerAnswers),
    frequency: fc.constantFrom(...frequencyAnswers),
  });

  it('never places a behaviour lower when an answer gets more worrying', () => {
    const worse = <T extends string>(values: readonly T[], v: T) => values.slice(values.indexOf(v));
    fc.assert(
      fc.property(answers, (a) => {
        const base = RANK[placeOnContinuum(a).level];
        const variants: PlacementAnswers[] = [
          ...worse(consentAnswers, a.consent).map((consent) => ({ ...a, consent })),
          ...worse(powerAnswers, a.power).map((power) => ({ ...a, power })),
          ...worse(frequencyAnswers, a.frequency).map((frequency) => ({ ...a, frequency })),
          ...behaviourKinds.map((k) => ({ ...a, seen: [...new Set([...a.seen, k])] })),
        ];
        return variants.every((v) => RANK[placeOnContinuum(v).level] >= base);
      }),
    );
  });

  it('places anything done without consent or by misusing power at abusive or above, unless it was one unwanted remark', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const level = RANK[placeOnContinuum(a).level];
        const oneRemark =
          a.frequency === 'once' &&
          a.power !== 'misused' &&
          a.seen.every((k) => k === 'talk' || k === 'looking-showing');
        if (a.power === 'misused') return level >= RANK.abusive;
        if (a.consent === 'not-given') return level >= (oneRemark ? RANK.problematic : RANK.abusive);
        return true;
      }),
    );
  });

  it('tells the reader what to do about images whatever the level, and to call 999 when it is abusive', () => {
    const images = placeOnContinuum({ ageBand: '13-17', seen: ['images'], ...equalsOnce });
    expect(images.notes.join(' ')).toMatch(/do not view, copy, forward or delete/);
    const abusive = placeOnContinuum({
      ageBand: '9-13',
      seen: ['touching-intimate'],
      ...equalsOnce,
      consent: 'not-given',
    });
    expect(abusive.notes.join(' ')).toContain('999');
  });
});
