import {
  ValidationError,
  createAssessmentSchema,
  normaliseContent,
  parseWith,
  replaceAssessmentSchema,
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

describe('assessment schema', () => {
  it('accepts a draft with nothing but the learner’s name', () => {
    const input = parseWith(createAssessmentSchema, { learner: { name: 'A' } });
    expect(input.learner?.name).toBe('A');
    expect(input.risks).toEqual([]);
  });

  it('rejects unknown fields at any depth with UNKNOWN_FIELD, naming the object that holds them, not the keys', () => {
    const e = problem(() =>
      parseWith(createAssessmentSchema, { learner: { name: 'A', nickname: 'B' }, extra: 1 }),
    );
    expect(e.code).toBe('UNKNOWN_FIELD');
    expect(e.details.map((d) => d.path).sort()).toEqual(['', 'learner']);
    expect(JSON.stringify(e.details)).not.toMatch(/nickname|extra/);
  });

  it('names every invalid field', () => {
    const e = problem(() =>
      parseWith(createAssessmentSchema, {
        learner: { name: ' ', dateOfBirth: '2012-02-30' },
        otherChildren: [{ name: 'C', role: 'victim' }],
        risks: [{ context: 'canteen', description: 'x', likelihood: 4, impact: 0 }],
      }),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.map((d) => d.path).sort()).toEqual(
      [
        'learner.dateOfBirth',
        'learner.name',
        'otherChildren.0.role',
        'risks.0.context',
        'risks.0.impact',
        'risks.0.likelihood',
      ].sort(),
    );
  });

  it('needs a rationale whenever a decision is recorded', () => {
    const e = problem(() =>
      parseWith(createAssessmentSchema, {
        learner: { name: 'A' },
        decision: { options: ['early-help'], rationale: '  ' },
      }),
    );
    expect(e.details[0]!.path).toBe('decision.rationale');
  });

  it('refuses duplicate decision options and an "other" context without a name', () => {
    const e = problem(() =>
      parseWith(createAssessmentSchema, {
        learner: { name: 'A' },
        decision: { options: ['early-help', 'early-help'], rationale: 'r' },
        risks: [{ context: 'other', description: 'x', likelihood: 1, impact: 1 }],
      }),
    );
    expect(e.details.map((d) => d.path).sort()).toEqual(['decision.options', 'risks.0.contextLabel']);
  });

  it('accepts on PUT the representation GET returns (server-managed fields included)', () => {
    const body = {
      id: 'x',
      caseRef: 'HSB-2026-0001',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 3,
      status: 'draft',
      overallRisk: 'high',
      learner: { name: 'A' },
      incidents: [],
      otherChildren: [],
      risks: [
        {
          id: 'r',
          context: 'online',
          description: 'd',
          likelihood: 3,
          impact: 3,
          strategies: [],
          levelBefore: 'high',
        },
      ],
      sharing: [],
      review: {},
      reviews: [],
      signOff: [],
    };
    expect(() => parseWith(replaceAssessmentSchema, body)).not.toThrow();
  });
});

describe('normaliseContent', () => {
  const ids = () => {
    let n = 0;
    return () => `id${++n}`;
  };

  it('assigns ids, computes levels and overall risk, ignoring any sent', () => {
    const input = createAssessmentSchema.parse({
      learner: { name: 'A' },
      risks: [
        {
          context: 'online',
          description: 'd',
          likelihood: 3,
          impact: 3,
          levelBefore: 'low',
          residualLikelihood: 1,
          residualImpact: 1,
          strategies: [{ action: 'a', owner: 'o', inPlace: true }],
        },
        { id: 'keep', context: 'classroom', description: 'd', likelihood: 1, impact: 3 },
      ],
    });
    const out = normaliseContent(input, 'draft', ids());
    expect(out.risks[0]).toMatchObject({
      id: 'id1',
      levelBefore: 'high',
      levelAfter: 'low',
      strategies: [{ id: 'id2', inPlace: true }],
    });
    expect(out.risks[1]).toMatchObject({ id: 'keep', levelBefore: 'medium' });
    expect(out.risks[1]!.levelAfter).toBeUndefined();
    expect(out.overallRisk).toBe('medium');
  });

  it('refuses repeated ids and references to incidents that do not exist', () => {
    const input = createAssessmentSchema.parse({
      learner: { name: 'A' },
      incidents: [{ id: 'i1' }],
      otherChildren: [{ id: 'c', name: 'B', role: 'harmed', incidentIds: ['i1', 'nope'] }],
      risks: [
        { id: 'r', context: 'online', description: 'd', likelihood: 1, impact: 1 },
        { id: 'r', context: 'online', description: 'd', likelihood: 1, impact: 1 },
      ],
    });
    const e = problem(() => normaliseContent(input, 'draft', ids()));
    expect(e.code).toBe('INVALID_REFERENCE');
    expect(e.details.map((d) => d.path).sort()).toEqual(['otherChildren.0.incidentIds.1', 'risks.1.id']);
  });
});
