import {
  classificationRules,
  classify,
  hackettLevels,
  levelActions,
  type ClassificationInput,
  type HackettLevel,
} from '../../../core/index.js';
import { isOfficialSource } from '../../../core/content/guidance-documents.js';

/** Two 14-year-olds, a kiss, by agreement, between equals, once: developmentally expected. */
const base: ClassificationInput = {
  children: [{ age: 14 }, { age: 14 }],
  seen: ['touching-clothed'],
  consent: 'mutual',
  power: 'equal',
  frequency: 'once',
};
const a = (change: Partial<ClassificationInput>): ClassificationInput => ({ ...base, ...change });
const ages = (...years: number[]) => years.map((age) => ({ age }));

/** For each row: an answer it applies to, and the closest answer it does not. */
const rowCases: Record<string, { applies: ClassificationInput; not: ClassificationInput }> = {
  'talk-under-9': {
    applies: a({ children: ages(8, 8), seen: ['talk'] }),
    not: a({ children: ages(9, 9), seen: ['talk'] }),
  },
  'looking-showing': { applies: a({ seen: ['looking-showing'] }), not: a({ seen: ['talk'] }) },
  'sexual-activity-at-school': {
    applies: a({ children: ages(16, 17), seen: ['touching-intimate'], setting: 'school' }),
    not: a({ children: ages(16, 17), seen: ['touching-intimate'], setting: 'outside-school' }),
  },
  'intimate-touching-under-16': {
    applies: a({ children: ages(15, 15), seen: ['touching-intimate'] }),
    not: a({ children: ages(16, 16), seen: ['touching-intimate'] }),
  },
  'sexual-acts-under-16': {
    applies: a({ children: ages(15, 16), seen: ['sexual-acts'] }),
    not: a({ children: ages(16, 17), seen: ['sexual-acts'] }),
  },
  images: { applies: a({ seen: ['images'] }), not: a({ seen: ['talk'] }) },
  'consent-unclear': { applies: a({ consent: 'unclear' }), not: a({ consent: 'mutual' }) },
  'unwanted-non-contact': {
    applies: a({ seen: ['talk'], consent: 'not-given' }),
    not: a({ seen: ['talk'], consent: 'unclear' }),
  },
  'unwanted-repeated': {
    applies: a({ seen: ['talk'], consent: 'not-given', frequency: 'repeated' }),
    not: a({ seen: ['talk'], consent: 'not-given', frequency: 'occasional' }),
  },
  'unwanted-touching': {
    applies: a({ consent: 'not-given' }),
    not: a({ seen: ['talk', 'looking-showing'], consent: 'not-given' }),
  },
  'unwanted-images': {
    applies: a({ seen: ['images'], consent: 'not-given' }),
    not: a({ seen: ['images'], consent: 'unclear' }),
  },
  'power-some': { applies: a({ power: 'some' }), not: a({ power: 'equal' }) },
  'power-misused': {
    applies: a({ seen: ['talk'], power: 'misused' }),
    not: a({ seen: ['talk'], power: 'some' }),
  },
  'power-misused-sexual': {
    applies: a({ power: 'misused' }),
    not: a({ seen: ['talk', 'looking-showing'], power: 'misused' }),
  },
  repeated: { applies: a({ frequency: 'repeated' }), not: a({ frequency: 'occasional' }) },
  'under-13-intimate-touching': {
    applies: a({ children: ages(12, 12), seen: ['touching-intimate'] }),
    not: a({ children: ages(13, 13), seen: ['touching-intimate'] }),
  },
  'under-13-sexual-acts': {
    applies: a({ children: ages(12, 12), seen: ['sexual-acts'] }),
    not: a({ children: ages(12, 12), seen: ['touching-clothed'] }),
  },
  'marked-gap': {
    applies: a({ children: ages(14, 17), seen: ['talk'] }),
    not: a({ children: ages(14, 16), seen: ['talk'] }),
  },
  'marked-gap-contact': {
    applies: a({ children: ages(14, 17) }),
    not: a({ children: ages(12, 13) }),
  },
  'marked-gap-police': {
    applies: a({ children: ages(12, 13), seen: ['touching-intimate'] }),
    not: a({ children: ages(16, 19), seen: ['touching-intimate'] }),
  },
  force: { applies: a({ seen: ['force'] }), not: a({ seen: ['touching-clothed'] }) },
  'force-intrusive': {
    applies: a({ seen: ['force', 'sexual-acts'], children: ages(16, 16) }),
    not: a({ seen: ['force', 'touching-clothed'] }),
  },
  'adult-involved': {
    applies: a({ aggravating: ['adult-involved'], seen: ['talk'] }),
    not: a({ aggravating: ['within-family'], seen: ['talk'] }),
  },
  coercion: { applies: a({ aggravating: ['coercion'] }), not: a({ aggravating: [] }) },
  'capacity-to-consent': {
    applies: a({ aggravating: ['capacity-to-consent'] }),
    not: a({
      children: [{ age: 14, sendOrDevelopmentalNeed: true }, { age: 14 }],
      seen: ['touching-clothed'],
    }),
  },
  'images-atypical-or-violent': {
    applies: a({ seen: ['images'], aggravating: ['images-atypical-or-violent'] }),
    not: a({ seen: ['images'] }),
  },
  'under-13-in-images': {
    applies: a({ seen: ['images'], aggravating: ['under-13-in-images'] }),
    not: a({ seen: ['images'], aggravating: ['images-atypical-or-violent'] }),
  },
  'immediate-risk': { applies: a({ aggravating: ['immediate-risk'] }), not: a({}) },
  exploitation: { applies: a({ aggravating: ['exploitation'] }), not: a({}) },
  'within-family': { applies: a({ aggravating: ['within-family'] }), not: a({}) },
};

const rank = (level: HackettLevel) => hackettLevels.indexOf(level);

describe('the classification rule table', () => {
  it('has a test case for every row, and no case for a row that does not exist', () => {
    expect(Object.keys(rowCases).sort()).toEqual(classificationRules.map((r) => r.id).sort());
  });

  it('has unique ids, a condition in words, an official source and a reason for every row', () => {
    expect(new Set(classificationRules.map((r) => r.id)).size).toBe(classificationRules.length);
    for (const rule of classificationRules) {
      expect(rule.when.length).toBeGreaterThan(10);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const source of rule.sources) {
        expect({ url: source.url, official: isOfficialSource(source.url) }).toEqual({
          url: source.url,
          official: true,
        });
      }
    }
  });

  it('names only real rows as covering a row’s reason, each at least as high', () => {
    const byId = new Map(classificationRules.map((r) => [r.id, r]));
    for (const rule of classificationRules) {
      for (const id of rule.coveredBy ?? []) {
        expect([rule.id, id, byId.has(id)]).toEqual([rule.id, id, true]);
        expect(rank(byId.get(id)!.level)).toBeGreaterThanOrEqual(rank(rule.level));
      }
    }
  });

  it('the base case is developmentally expected, and says so', () => {
    const result = classify(base);
    expect(result).toMatchObject({ level: 'normal', actions: ['manage-internally'], rules: [] });
    expect(result.reasons).toHaveLength(1);
  });

  describe.each(classificationRules.map((rule) => [rule.id, rule] as const))('row %s', (id, rule) => {
    it('applies: at least its level, its actions, and its reason', () => {
      const result = classify(rowCases[id]!.applies);
      expect(result.rules).toContain(id);
      expect(rank(result.level)).toBeGreaterThanOrEqual(rank(rule.level));
      expect(result.actions).toEqual(expect.arrayContaining([...rule.actions]));
      expect(result.actions).toEqual(expect.arrayContaining([...levelActions[rule.level]]));
      expect(result.reasons.length).toBeGreaterThan(0);
    });

    it('does not apply to the nearest answer outside its condition', () => {
      expect(classify(rowCases[id]!.not).rules).not.toContain(id);
    });
  });
});
