import { z } from 'zod';
import {
  ValidationError,
  createAssessmentSchema,
  parseWith,
  personNameSchema,
  replaceAssessmentSchema,
  reviewInputSchema,
} from '../../../core/index.js';

function problem(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('personNameSchema', () => {
  it('stores names in NFC, so a decomposed and a composed spelling are the same string', () => {
    const decomposed = 'Zoe\u0308 A\u030Angstro\u0308m';
    expect(personNameSchema.parse(decomposed)).toBe('Zoë Ångström');
    expect(personNameSchema.parse(decomposed)).toBe(personNameSchema.parse('Zoë Ångström'));
    expect(personNameSchema.parse('  Amira  ')).toBe('Amira');
  });

  it.each([
    ['a name and two given names', 'Mary-Jane O’Neill'],
    ['a name in Arabic script', 'أمينة'],
    ['a name in Chinese', '王小明'],
    ['a name in Hangul', '김민준'],
    ['a role as a strategy owner', 'Head of Year 9'],
    ['a name with an emoji', 'Sam 🙂'],
  ])('accepts %s', (_label, name) => {
    expect(personNameSchema.parse(name)).toBe(name.normalize('NFC'));
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['only a zero-width space', '\u200B'],
    ['only zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF'],
    ['only a soft hyphen', '\u00AD'],
    ['only direction marks', '\u200E\u200F'],
    ['only ideographic and no-break spaces', '\u3000\u00A0'],
    ['only a Hangul filler', '\u3164'],
    ['only the braille blank', '\u2800'],
    ['only a combining mark', '\u0308'],
    ['a NUL', 'Ann\u0000e'],
    ['a tab', 'Ann\te'],
    ['a line break', 'Ann\ne'],
    ['an escape character', 'Ann\u001B[31m'],
    ['a C1 control', 'Ann\u0085e'],
    ['a delete character', 'Ann\u007Fe'],
    ['a noncharacter', 'Ann\uFFFEe'],
    ['a lone surrogate', 'Ann\uD800e'],
    ['201 characters', 'a'.repeat(201)],
  ])('rejects a name that is %s, with INVALID_NAME', (_label, name) => {
    const e = problem(() => parseWith(z.strictObject({ name: personNameSchema }), { name }));
    expect(e.code).toBe('INVALID_NAME');
    expect(e.details).toEqual([{ path: 'name', problem: expect.any(String) }]);
  });
});

describe('names in an assessment', () => {
  const canary = 'Quillon\u0000Xerxesby';

  it.each([
    ['learner.name', { learner: { name: canary } }],
    ['learner.keyAdult', { learner: { name: 'A', keyAdult: canary } }],
    ['otherChildren.0.name', { learner: { name: 'A' }, otherChildren: [{ name: canary, role: 'harmed' }] }],
    [
      'meeting.attendees.0.name',
      { learner: { name: 'A' }, meeting: { attendees: [{ name: canary, role: 'DSL' }] } },
    ],
    [
      'risks.0.strategies.0.owner',
      {
        learner: { name: 'A' },
        risks: [
          {
            context: 'classroom',
            description: 'x',
            likelihood: 1,
            impact: 1,
            strategies: [{ action: 'seat apart', owner: canary }],
          },
        ],
      },
    ],
    [
      'signOff.0.name',
      { learner: { name: 'A' }, signOff: [{ name: canary, role: 'DSL', date: '2026-01-05' }] },
    ],
  ])('%s is checked as a person’s name and the value is not repeated', (path, body) => {
    const e = problem(() => parseWith(createAssessmentSchema, body));
    expect(e.code).toBe('INVALID_NAME');
    expect(e.details.map((d) => d.path)).toEqual([path]);
    expect(JSON.stringify(e)).not.toContain('Quillon');
    expect(e.message + JSON.stringify(e.details)).not.toContain('Xerxesby');
  });

  it('stores the learner’s name in NFC on create and replace', () => {
    const created = parseWith(createAssessmentSchema, { learner: { name: 'Zoe\u0308' } });
    expect(created.learner?.name).toBe('Zo\u00EB');
    const replaced = parseWith(replaceAssessmentSchema, { status: 'draft', learner: { name: 'Zoe\u0308' } });
    expect(replaced.learner?.name).toBe('Zo\u00EB');
  });

  it('checks the reviewer’s name on a review', () => {
    const e = problem(() =>
      parseWith(reviewInputSchema, {
        date: '2026-01-05',
        reviewedBy: '\u200B',
        behaviourChanges: 'none',
        nextDue: '2026-02-05',
      }),
    );
    expect(e.code).toBe('INVALID_NAME');
    expect(e.details.map((d) => d.path)).toEqual(['reviewedBy']);
  });

  it('keeps the general code when a name problem comes with others', () => {
    const e = problem(() =>
      parseWith(createAssessmentSchema, { learner: { name: '\u200B', dateOfBirth: 'x' } }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.map((d) => d.path).sort()).toEqual(['learner.dateOfBirth', 'learner.name']);
  });
});
