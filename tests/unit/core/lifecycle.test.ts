import { ConflictError, ValidationError, changedFields, checkLifecycle } from '../../../core/index.js';

const decision = { options: ['manage-internally' as const], factors: [], rationale: 'Because.' };
const none = { changedFields: [] as string[], reason: undefined };

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe('checkLifecycle', () => {
  it('lets a new assessment start as a draft with nothing decided', () => {
    expect(() => checkLifecycle(null, { status: 'draft', review: {} }, none)).not.toThrow();
  });

  it('refuses to create a closed assessment', () => {
    expect(
      codeOf(() => checkLifecycle(null, { status: 'closed', review: {}, closingReason: 'x' }, none)),
    ).toBe('INVALID_STATUS');
  });

  it('needs a recorded decision and a first review date to be active', () => {
    let error: unknown;
    try {
      checkLifecycle({ status: 'draft' }, { status: 'active', review: {} }, none);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('ACTIVATION_INCOMPLETE');
    expect((error as ValidationError).details.map((d) => d.path)).toEqual(['decision', 'review.nextDue']);
    expect(() =>
      checkLifecycle(
        { status: 'draft' },
        { status: 'active', decision, review: { nextDue: '2026-04-01' } },
        none,
      ),
    ).not.toThrow();
  });

  it('needs a closing reason to close', () => {
    expect(
      codeOf(() =>
        checkLifecycle(
          { status: 'active' },
          { status: 'closed', decision, review: {} },
          { changedFields: ['status'], reason: 'done' },
        ),
      ),
    ).toBe('CLOSING_REASON_REQUIRED');
  });

  it('never goes back to draft', () => {
    expect(() =>
      checkLifecycle(
        { status: 'active' },
        { status: 'draft', review: {} },
        { changedFields: ['status'], reason: 'x' },
      ),
    ).toThrow(ConflictError);
    expect(
      codeOf(() =>
        checkLifecycle(
          { status: 'closed' },
          { status: 'draft', review: {} },
          { changedFields: ['status'], reason: 'x' },
        ),
      ),
    ).toBe('INVALID_TRANSITION');
  });

  it('asks for a reason for every change once the assessment has been active, and not before', () => {
    const active = { status: 'active' as const, decision, review: { nextDue: '2026-04-01' } };
    expect(
      codeOf(() =>
        checkLifecycle({ status: 'active' }, active, { changedFields: ['risks'], reason: undefined }),
      ),
    ).toBe('CHANGE_REASON_REQUIRED');
    expect(() =>
      checkLifecycle({ status: 'active' }, active, { changedFields: ['risks'], reason: 'Review meeting' }),
    ).not.toThrow();
    expect(() => checkLifecycle({ status: 'active' }, active, none)).not.toThrow();
    expect(() =>
      checkLifecycle(
        { status: 'draft' },
        { status: 'draft', review: {} },
        { changedFields: ['risks'], reason: undefined },
      ),
    ).not.toThrow();
    expect(
      codeOf(() =>
        checkLifecycle({ status: 'closed' }, { ...active }, { changedFields: ['status'], reason: undefined }),
      ),
    ).toBe('CHANGE_REASON_REQUIRED');
  });
});

describe('changedFields', () => {
  it('names changed sub-fields of small objects and whole arrays, never values', () => {
    expect(
      changedFields(
        { learner: { name: 'A', yearGroup: 'Year 7' }, risks: [], review: { nextDue: '2026-01-01' } },
        {
          learner: { name: 'B', yearGroup: 'Year 7' },
          risks: [],
          review: { nextDue: '2026-02-01', frequencyWeeks: 4 },
        },
      ),
    ).toEqual(['learner.name', 'review.frequencyWeeks', 'review.nextDue']);
  });

  it('ignores key order and the computed overall risk', () => {
    expect(
      changedFields(
        { learner: { name: 'A', yearGroup: 'Y7' }, overallRisk: 'low' },
        { learner: { yearGroup: 'Y7', name: 'A' }, overallRisk: 'high' },
      ),
    ).toEqual([]);
  });

  it('reports added and removed fields', () => {
    expect(changedFields({ staffNotes: 'x' }, { views: { learner: 'y' } })).toEqual(['staffNotes', 'views']);
  });
});
