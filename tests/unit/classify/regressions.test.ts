import { readFileSync } from 'node:fs';
import {
  classificationRulesMarkdown,
  classify,
  DANGER_NOTE,
  IMAGES_NOTE,
  parseClassificationInput,
  ValidationError,
  type ClassificationInput,
} from '../../../core/index.js';
import { RULES_PAGE } from '../../../scripts/classification-rules-doc.js';

const ages = (...years: number[]) => years.map((age) => ({ age }));

describe('the cases issue #13 found under-called', () => {
  it('two 12-year-olds, sexual acts, "mutual": abusive, referral and police', () => {
    const result = classify({
      children: ages(12, 12),
      seen: ['sexual-acts'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    });
    expect(result.level).toBe('abusive');
    expect(result.actions).toEqual(['manage-internally', 'early-help', 'refer-csc', 'report-police']);
    expect(result.rules).toContain('under-13-sexual-acts');
    expect(result.reasons[0]).toMatch(/under 13/);
    expect(result.reasons.join(' ')).not.toMatch(/no overt victimisation/i);
  });

  it('a 15-year-old and a 7-year-old, intimate touching, "mutual", some power difference: abusive, referral and police', () => {
    const result = classify({
      children: [
        { age: 15, role: 'displayedHsb' },
        { age: 7, role: 'harmed' },
      ],
      seen: ['touching-intimate'],
      consent: 'mutual',
      power: 'some',
      frequency: 'once',
    });
    expect(result.level).toBe('abusive');
    expect(result.actions).toEqual(expect.arrayContaining(['refer-csc', 'report-police']));
    expect(result.rules).toEqual(
      expect.arrayContaining(['under-13-intimate-touching', 'marked-gap-contact', 'marked-gap-police']),
    );
    expect(result.reasons.join(' ')).toMatch(/3 or more years apart in age/);
    expect(result.reasons.join(' ')).not.toMatch(/similar age/);
    expect(result.notes).toContain(DANGER_NOTE);
  });

  it('the same behaviour outside school is never called wrong for a school setting', () => {
    const outside: ClassificationInput = {
      children: ages(16, 17),
      seen: ['touching-intimate'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
      setting: 'outside-school',
    };
    expect(classify(outside)).toMatchObject({ level: 'normal', actions: ['manage-internally'] });
    const atSchool = classify({ ...outside, setting: 'school' });
    expect(atSchool.level).toBe('inappropriate');
    expect(atSchool.reasons[0]).toMatch(/wrong for a school setting/);
  });

  it('a 12- and a 13-year-old kissing by agreement: a referral to consider, not a label of abuse', () => {
    const result = classify({
      children: ages(12, 13),
      seen: ['touching-clothed'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    });
    expect(result).toMatchObject({ level: 'problematic', rules: ['marked-gap'] });
    expect(result.actions).toContain('refer-csc');
  });

  it('a witness’s age does not make a gap between the children involved', () => {
    const result = classify({
      children: [{ age: 15 }, { age: 15 }, { age: 9, role: 'witness' }],
      seen: ['touching-clothed'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    });
    expect(result.level).toBe('normal');
  });

  it('a developmental gap counts like an age gap', () => {
    const result = classify({
      children: [{ age: 14 }, { age: 14, developmentalAge: 9, sendOrDevelopmentalNeed: true }],
      seen: ['touching-clothed'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    });
    expect(result.level).toBe('abusive');
    expect(result.reasons.join(' ')).toMatch(/apart in development/);
  });

  it('images bring the UKCIS note, and a nude shared by an adult goes to the police', () => {
    const result = classify({
      children: ages(19, 15),
      seen: ['images'],
      consent: 'mutual',
      power: 'equal',
      frequency: 'once',
    });
    expect(result.notes).toContain(IMAGES_NOTE);
    expect(result.rules).toContain('adult-involved');
    expect(result.actions).toContain('report-police');
  });
});

describe('the classification request', () => {
  const valid = {
    children: [{ age: 12 }],
    seen: ['talk'],
    consent: 'mutual',
    power: 'equal',
    frequency: 'once',
  };
  const problem = (body: unknown) => {
    try {
      parseClassificationInput(body);
    } catch (error) {
      if (error instanceof ValidationError)
        return { code: error.code, paths: error.details.map((d) => d.path) };
      throw error;
    }
    return null;
  };

  it('accepts a complete answer', () => expect(problem(valid)).toBeNull());

  it.each([
    [{ ...valid, children: [{ age: '12' }] }, 'children.0.age'],
    [{ ...valid, children: [{ age: 12.5 }] }, 'children.0.age'],
    [{ ...valid, children: [{ age: -1 }] }, 'children.0.age'],
    [{ ...valid, children: [{ age: 26 }] }, 'children.0.age'],
    [{ ...valid, children: [] }, 'children'],
    [{ ...valid, children: [{ age: 12, role: 'witness' }] }, 'children'],
    [{ ...valid, seen: [] }, 'seen'],
    [{ ...valid, seen: ['talk', 'talk'] }, 'seen'],
    [{ ...valid, seen: ['kissing'] }, 'seen.0'],
    [{ ...valid, consent: 'yes' }, 'consent'],
    [{ ...valid, setting: 'park' }, 'setting'],
    [{ ...valid, aggravating: ['drugs'] }, 'aggravating.0'],
  ])('refuses %j naming %s', (body, path) => {
    expect(problem(body)).toEqual({ code: 'INVALID_CLASSIFICATION', paths: expect.arrayContaining([path]) });
  });

  it('refuses unknown fields, including a child’s name, with UNKNOWN_FIELD', () => {
    expect(problem({ ...valid, children: [{ age: 12, name: 'Sam' }] })).toEqual({
      code: 'UNKNOWN_FIELD',
      // The place of the unknown field, never its key: the key is the caller's text.
      paths: ['children.0'],
    });
    expect(problem({ ...valid, ageBand: '9-13' })?.code).toBe('UNKNOWN_FIELD');
  });
});

describe('docs/classification-rules.md', () => {
  it('is the rule table as the code has it (regenerate with npx tsx scripts/classification-rules-doc.ts)', () => {
    expect(readFileSync(RULES_PAGE, 'utf8')).toBe(classificationRulesMarkdown());
  });
});
