import {
  createAssessmentSchema,
  normaliseContent,
  type Actor,
  type AssessmentData,
  type ChangeContext,
} from '../../core/index.js';

let counter = 0;
const nextId = () => `t${(++counter).toString(36)}`;

/** A valid stored-content object built through the real domain normalisation (no hand-made computed fields). */
export function assessmentData(overrides: Record<string, unknown> = {}): AssessmentData {
  const input = createAssessmentSchema.parse({
    learner: { name: 'Test Learner', yearGroup: 'Year 8' },
    ...overrides,
  });
  const content = normaliseContent(input, input.status ?? 'draft', nextId);
  return { ...content, kind: 'risk-assessment', reviews: [] };
}

export const testActor: Actor = { id: 'tenant-1/user-1', kind: 'user' };

export function changeContext(
  at: string | Date = '2026-03-10T10:00:00Z',
  overrides: Partial<ChangeContext> = {},
): ChangeContext {
  return { actor: testActor, at: new Date(at), action: 'create', fields: ['learner.name'], ...overrides };
}

/** A realistic active assessment body, as a client would POST it. */
export function activeAssessmentBody(learnerName = 'Test Learner'): Record<string, unknown> {
  return {
    status: 'active',
    learner: { name: learnerName, yearGroup: 'Year 9', dateOfBirth: '2012-05-01' },
    incidents: [
      {
        id: 'inc1',
        date: '2026-02-02',
        location: 'Corridor by the science labs',
        online: false,
        description: 'Touching over clothing while queuing.',
        hackettLevel: 'problematic',
      },
    ],
    otherChildren: [{ id: 'c1', name: 'Other Child', role: 'harmed', incidentIds: ['inc1'] }],
    risks: [
      {
        id: 'r1',
        context: 'corridors',
        description: 'Contact during unsupervised changeovers.',
        likelihood: 3,
        impact: 2,
        strategies: [
          {
            id: 's1',
            action: 'Leaves lessons two minutes early with a key adult.',
            owner: 'Head of Year 9',
            startDate: '2026-02-05',
            inPlace: true,
          },
        ],
        residualLikelihood: 1,
        residualImpact: 2,
      },
    ],
    decision: {
      options: ['early-help'],
      factors: ['ages-development', 'pattern'],
      rationale: 'One-off incident; both children supported in school.',
    },
    review: { frequencyWeeks: 4, nextDue: '2026-03-05' },
  };
}
