import type { AssessmentRepository, ChildRepository } from '../../core/index.js';
import { activeAssessmentBody, assessmentData } from './assessment-data.js';

/**
 * A copy of real-shaped data from before cases existed, the same for every backend's migration test:
 * several assessments, a child who displayed HSB in one and was harmed in another, other children by
 * name, names typed in free text in several Unicode forms and cases (in risks, strategies, the
 * decision, reviews and staff notes), the harmed child's wishes in the decision, reviews and sign-off.
 */
export const LEGACY_NAMES = ['Alex Learner', 'Bea Harmed', 'Cal Witness', 'Dan Other', 'Zoë Ångström'];

export interface LegacyRecord extends Record<string, unknown> {
  id: string;
  caseRef: string;
  status: 'draft' | 'active';
  learner: { name: string; yearGroup?: string };
  createdAt: string;
  updatedAt: string;
}

function legacy(
  id: string,
  caseRef: string,
  status: 'draft' | 'active',
  content: Record<string, unknown>,
  named?: { risk: string; review: string },
): LegacyRecord {
  const data = status === 'active' ? activeAssessmentBody() : {};
  const normalised = assessmentData({ ...data, ...content, status }) as unknown as Record<string, unknown>;
  delete normalised.kind;
  if (named) {
    const risks = normalised.risks as { description?: string; strategies: { action: string }[] }[];
    normalised.risks = risks.map((r) => ({
      ...r,
      description: `${r.description ?? ''} ${named.risk}`.trim(),
      strategies: r.strategies.map((st) => ({ ...st, action: `${st.action} ${named.risk}` })),
    }));
    normalised.reviews = [
      {
        id: `${id.slice(0, 8)}-review`,
        recordedAt: '2025-11-20T09:00:00.000Z',
        date: '2025-11-18',
        behaviourChanges: named.review,
        strategyImpacts: [],
        newRiskLevel: 'medium',
        nextDue: '2025-12-16',
      },
    ];
  }
  return {
    ...normalised,
    id,
    caseRef,
    status,
    createdAt: '2025-11-03T09:00:00.000Z',
    updatedAt: '2025-11-20T09:00:00.000Z',
  } as LegacyRecord;
}

export function legacyRecords(): LegacyRecord[] {
  const signOff = [{ role: 'DSL', name: 'Dee Esel', date: '2025-11-04' }];
  return [
    legacy(
      '11111111-1111-4111-8111-111111111111',
      'HSB-2025-0001',
      'active',
      {
        learner: { name: 'Alex Learner', yearGroup: 'Year 9', dateOfBirth: '2011-05-02' },
        otherChildren: [
          { name: 'Bea Harmed', role: 'harmed', yearGroup: 'Year 8' },
          { name: 'Cal Witness', role: 'witness' },
        ],
        incidents: [{ date: '2025-11-01', description: 'Alex pushed Bea Harmed at lunch.' }],
        decision: {
          options: ['early-help'],
          rationale: 'BEA HARMED told her teacher; Cal Witness’s account agrees.',
          victimWishes: 'Bea wants to stay in her class.',
        },
        staffNotes: 'Cal Witness saw it from the lunch queue.',
        signOff,
      },
      { risk: 'Away from Bea Harmed.', review: 'bea harmed says she feels safer; CAL WITNESS agrees.' },
    ),
    legacy(
      '22222222-2222-4222-8222-222222222222',
      'HSB-2025-0002',
      'active',
      {
        learner: { name: 'Dan Other', yearGroup: 'Year 10' },
        otherChildren: [
          { name: 'Alex Learner', role: 'harmed', yearGroup: 'Year 9' },
          { name: 'Zoë Ångström', role: 'witness', yearGroup: 'Year 10' },
        ],
        incidents: [{ date: '2025-11-10', description: 'Online messages to Alex Learner.' }],
        decision: {
          options: ['manage-internally'],
          rationale: 'Zoe\u0308 A\u030angstro\u0308m reported the messages.',
        },
        staffNotes: 'Keep alex learner’s timetable apart from Dan’s.',
        signOff,
      },
      { risk: 'Not near Alex Learner online.', review: 'Zoë Ångström has seen no more messages.' },
    ),
    legacy('33333333-3333-4333-8333-333333333333', 'HSB-2025-0003', 'draft', {
      learner: { name: 'Eve Solo', yearGroup: 'Year 7' },
      staffNotes: 'No other child involved.',
    }),
  ];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The names of other children found in any plan's stored text (its own child's name may be there). */
export async function otherNamesInPlans(
  plans: AssessmentRepository,
  children: ChildRepository,
): Promise<string[]> {
  const found: string[] = [];
  for (const summary of await plans.list()) {
    const stored = (await plans.get(summary.id)).record;
    const text = fold(JSON.stringify({ ...stored, learner: undefined }));
    const own = fold(stored.childId ? (await children.get(stored.childId)).record.name : '');
    for (const name of LEGACY_NAMES.map(fold)) {
      if (name !== own && text.includes(name)) found.push(`${summary.caseRef}: ${name}`);
    }
  }
  return found;
}
