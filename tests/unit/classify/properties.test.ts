import { join } from 'node:path';
import fc from 'fast-check';
import { loadContentLibrary } from '../../../bot/src/content/load-content.js';
import { projectRoot } from '../../../bot/src/paths.js';
import {
  aggravatingFactors,
  classificationRules,
  classify,
  consentAnswers,
  DSL_DECIDES_NOTE,
  findLabellingTerms,
  frequencyAnswers,
  hackettLevels,
  powerAnswers,
  seenKinds,
  settings,
  type Classification,
  type ClassificationInput,
} from '../../../core/index.js';

const child = fc.record(
  {
    age: fc.integer({ min: 0, max: 25 }),
    role: fc.constantFrom('harmed', 'displayedHsb', 'other'),
    developmentalAge: fc.integer({ min: 0, max: 25 }),
    sendOrDevelopmentalNeed: fc.boolean(),
  },
  { requiredKeys: ['age'] },
);

const subset = <T>(values: readonly T[], min: number) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: min, maxLength: values.length });

const input: fc.Arbitrary<ClassificationInput> = fc.record(
  {
    children: fc.array(child, { minLength: 1, maxLength: 4 }),
    seen: subset(seenKinds, 1),
    consent: fc.constantFrom(...consentAnswers),
    power: fc.constantFrom(...powerAnswers),
    frequency: fc.constantFrom(...frequencyAnswers),
    setting: fc.constantFrom(...settings),
    aggravating: subset(aggravatingFactors, 0),
  },
  { requiredKeys: ['children', 'seen', 'consent', 'power', 'frequency'] },
);

const rank = (r: Classification) => hackettLevels.indexOf(r.level);

/** `after` is at least as serious as `before`: no lower level, no action dropped. */
function neverLowers(before: Classification, after: Classification) {
  expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
  expect(after.actions).toEqual(expect.arrayContaining(before.actions));
}

const runs = { numRuns: 400 };

describe('classification properties', () => {
  it('adding an aggravating factor never lowers the level or removes an action', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...aggravatingFactors), (i, factor) => {
        const more = { ...i, aggravating: [...new Set([...(i.aggravating ?? []), factor])] };
        neverLowers(classify(i), classify(more));
      }),
      runs,
    );
  });

  it('adding something seen never lowers the level or removes an action', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...seenKinds), (i, kind) => {
        neverLowers(classify(i), classify({ ...i, seen: [...new Set([...i.seen, kind])] }));
      }),
      runs,
    );
  });

  it('a less mutual consent, more power misuse or more frequency never lowers anything', () => {
    const up = <T>(values: readonly T[], value: T) =>
      values[Math.min(values.indexOf(value) + 1, values.length - 1)]!;
    fc.assert(
      fc.property(input, (i) => {
        const before = classify(i);
        neverLowers(before, classify({ ...i, consent: up(consentAnswers, i.consent) }));
        neverLowers(before, classify({ ...i, power: up(powerAnswers, i.power) }));
        neverLowers(before, classify({ ...i, frequency: up(frequencyAnswers, i.frequency) }));
      }),
      runs,
    );
  });

  it('lowering the age of any child but the oldest never lowers the level or removes an action', () => {
    // Lowering the oldest child's age can close a gap between the children, which rightly matters less.
    fc.assert(
      fc.property(input, fc.nat(), fc.integer({ min: 1, max: 10 }), (i, pick, by) => {
        const oldest = Math.max(...i.children.map((c) => c.age));
        const candidates = i.children
          .map((c, index) => ({ c, index }))
          .filter(({ c }) => c.age < oldest || i.children.filter((x) => x.age === oldest).length > 1);
        fc.pre(candidates.length > 0);
        const { c, index } = candidates[pick % candidates.length]!;
        // Developmental ages stay out: a gap in development is its own question, asked separately.
        const plain = i.children.map(({ developmentalAge: _, ...x }) => x);
        const younger = plain.map((x, k) => (k === index ? { ...x, age: Math.max(0, c.age - by) } : x));
        neverLowers(classify({ ...i, children: plain }), classify({ ...i, children: younger }));
      }),
      runs,
    );
  });

  it('every answer carries the DSL note, at least one reason and "manage internally" among the actions', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = classify(i);
        expect(result.note).toBe(DSL_DECIDES_NOTE);
        expect(result.reasons.length).toBeGreaterThan(0);
        expect(result.actions[0]).toBe('manage-internally');
      }),
      runs,
    );
  });

  it('never says "school setting" about behaviour outside school', () => {
    fc.assert(
      fc.property(input, (i) => {
        const text = classify({ ...i, setting: 'outside-school' }).reasons.join(' ');
        const none = classify({ ...i, setting: undefined as never }).reasons.join(' ');
        expect(text).not.toMatch(/school setting/i);
        expect(none).not.toMatch(/school setting/i);
      }),
      runs,
    );
  });

  it('sexual activity involving a child under 13 always brings a referral and the police, however "mutual"', () => {
    fc.assert(
      fc.property(
        input,
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('touching-intimate', 'sexual-acts'),
        (i, age, kind) => {
          const result = classify({
            ...i,
            children: [...i.children, { age }],
            seen: [...new Set([...i.seen, kind] as const)],
            consent: 'mutual',
          });
          expect(result.actions).toEqual(expect.arrayContaining(['refer-csc', 'report-police']));
        },
      ),
      runs,
    );
  });

  it('force, coercion, an adult, or a marked gap with contact always brings a referral', () => {
    fc.assert(
      fc.property(input, (i) => {
        const floors = [
          classify({ ...i, seen: [...new Set([...i.seen, 'force' as const])] }),
          classify({ ...i, aggravating: [...new Set([...(i.aggravating ?? []), 'coercion' as const])] }),
          classify({
            ...i,
            aggravating: [...new Set([...(i.aggravating ?? []), 'adult-involved' as const])],
          }),
          classify({ ...i, children: [{ age: 15 }, { age: 11 }], seen: ['touching-clothed'] }),
        ];
        for (const result of floors) {
          expect(result.actions).toContain('refer-csc');
          expect(rank(result)).toBeGreaterThanOrEqual(hackettLevels.indexOf('abusive'));
        }
      }),
      runs,
    );
  });

  it('no reason or condition uses a word the language guide flags as labelling a child', () => {
    const guide = loadContentLibrary(join(projectRoot(), 'content')).language;
    const texts = new Set<string>();
    fc.assert(
      fc.property(input, (i) => {
        for (const reason of classify(i).reasons) texts.add(reason);
      }),
      runs,
    );
    for (const rule of classificationRules) texts.add(rule.when);
    for (const text of texts) {
      expect([text, findLabellingTerms(text, guide).map((m) => m.term)]).toEqual([text, []]);
    }
  });
});
