import { NAME_REMOVED, stageView, type Assessment } from '../../../core/index.js';

const CANARY = 'Zebedee Quarrington';
const OTHER = 'Philippa Nightingale-Oduya';

function record(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: '0f676d75-dbb4-4af1-bb92-05c4121d98b0',
    caseRef: 'HSB-2026-0007',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    version: 3,
    status: 'active',
    learner: {
      name: CANARY,
      yearGroup: 'Year 9',
      dateOfBirth: '2012-05-01',
      send: 'ADHD',
      keyAdult: 'Mr Patel',
    },
    incidents: [{ id: 'i1', date: '2026-02-27', description: `${CANARY} touched ${OTHER} in the corridor` }],
    otherChildren: [{ id: 'c1', name: OTHER, role: 'harmed' }],
    meeting: { date: '2026-03-01', attendees: [{ name: 'Ms Parent', role: 'Mother' }] },
    risks: [
      {
        id: 'r1',
        context: 'corridors',
        description: `${CANARY} follows ${OTHER} between lessons`,
        likelihood: 3,
        impact: 3,
        levelBefore: 'high',
        residualLikelihood: 1,
        residualImpact: 2,
        levelAfter: 'low',
        strategies: [
          {
            id: 's1',
            action: `Zebedee walks with an adult; keep him away from Philippa`,
            owner: 'Head of Year 9',
            inPlace: true,
            startDate: '2026-03-02',
          },
          { id: 's2', action: 'Staggered lesson changes', owner: `Quarrington's key adult`, inPlace: false },
        ],
      },
      {
        id: 'r2',
        context: 'other',
        contextLabel: `Nightingale-Oduya family events`,
        description: 'x',
        likelihood: 1,
        impact: 1,
        levelBefore: 'low',
        strategies: [],
      },
    ],
    views: { learner: `${CANARY} said sorry`, parentsCarers: 'Upset' },
    decision: { options: ['referral-csc'], factors: ['nature'], rationale: `Because ${CANARY} …` },
    sharing: [{ audience: 'parents-carers', who: `${CANARY}'s mother` }],
    review: { nextDue: '2026-03-15', frequencyWeeks: 2 },
    reviews: [],
    signOff: [],
    staffNotes: `Notes about ${CANARY}`,
    overallRisk: 'high',
    ...overrides,
  };
}

describe('stageView', () => {
  it('removes names in any case and in possessives, and leaves words that only contain a name', () => {
    const view = stageView(
      record({
        risks: [
          {
            id: 'r9',
            context: 'online',
            description: 'x',
            likelihood: 1,
            impact: 1,
            levelBefore: 'low',
            strategies: [
              {
                id: 's9',
                action: 'ZEBEDEE and Quarrington’s phone; Zebedeean poetry',
                owner: 'IT',
                inPlace: false,
              },
            ],
          },
        ],
      }),
    );
    expect(view.contexts[0]!.strategies[0]!.action).toBe(
      `${NAME_REMOVED} and ${NAME_REMOVED}’s phone; Zebedeean poetry`,
    );
  });

  it.each([
    ['decomposed', 'Zoe\u0308'],
    ['soft hyphen', 'Bal\u00adthazar'],
    ['zero-width space', 'Balt\u200bhazar'],
    ['full-width', '\uff22\uff41\uff4c\uff54\uff48\uff41\uff5a\uff41\uff52'],
    ['a mention', '@[child:4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f]'],
  ])('removes a name typed %s', (_form, typed) => {
    const view = stageView(
      record({
        otherChildren: [
          { id: 'c1', name: 'Zoë Ångström', role: 'harmed' },
          { id: 'c2', name: 'Balthazar Price', role: 'witness' },
        ],
        risks: [
          {
            id: 'r9',
            context: 'online',
            description: 'x',
            likelihood: 1,
            impact: 1,
            levelBefore: 'low',
            strategies: [
              {
                id: 's9',
                action: `Keep apart from ${typed} at lunch`,
                owner: `${typed}’s tutor`,
                inPlace: false,
              },
            ],
          },
        ],
      }),
    );
    expect(view.contexts[0]!.strategies[0]).toMatchObject({
      action: `Keep apart from ${NAME_REMOVED} at lunch`,
      owner: `${NAME_REMOVED}’s tutor`,
    });
  });

  it('carries the plan and nothing that names or describes a child', () => {
    const view = stageView(record());
    const text = JSON.stringify(view);
    for (const part of [
      'Zebedee',
      'Quarrington',
      'Philippa',
      'Nightingale',
      'Oduya',
      'ADHD',
      'in the corridor',
      'follows',
      'sorry',
      'mother',
      'Because',
      '2012',
    ]) {
      expect(text).not.toContain(part);
    }
    expect(view).toEqual({
      id: '0f676d75-dbb4-4af1-bb92-05c4121d98b0',
      caseRef: 'HSB-2026-0007',
      status: 'active',
      overallRisk: 'high',
      nextReview: '2026-03-15',
      contexts: [
        {
          id: 'r1',
          context: 'corridors',
          levelBefore: 'high',
          levelAfter: 'low',
          currentLevel: 'high',
          strategies: [
            {
              id: 's1',
              action: `${NAME_REMOVED} walks with an adult; keep him away from ${NAME_REMOVED}`,
              owner: 'Head of Year 9',
              startDate: '2026-03-02',
              inPlace: true,
            },
            {
              id: 's2',
              action: 'Staggered lesson changes',
              owner: `${NAME_REMOVED}'s key adult`,
              inPlace: false,
            },
          ],
        },
        {
          id: 'r2',
          context: 'other',
          contextLabel: `${NAME_REMOVED}-${NAME_REMOVED} family events`,
          levelBefore: 'low',
          currentLevel: 'low',
          strategies: [],
        },
      ],
    });
  });
});
