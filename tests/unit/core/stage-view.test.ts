import {
  ANOTHER_CHILD,
  stageSourceOfPlan,
  stageView,
  type Assessment,
  type PlanRecord,
  type StageRiskAssessment,
  type StageSource,
  type StageSupportPlan,
} from '../../../core/index.js';
import { mentionToken } from '../../../core/privacy/index.js';

/** Names that occur in no wording the stage adds, so any trace of them is a leak. */
const CANARY = 'Zebedee Quarrington';
const HARMED = 'Philippa Nightingale-Oduya';
const WITNESS = 'Balthazar Price';

const HSB_ID = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const HARMED_ID = '5e2d3c4b-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const WITNESS_ID = '6d3e4f5a-7b8c-4d9e-8f1a-2b3c4d5e6f70';
const OUTSIDER_ID = '7c4f5a6b-8c9d-4e0f-9a1b-3c4d5e6f7a81';
const RA_ID = '0f676d75-dbb4-4af1-bb92-05c4121d98b0';
const SP_ID = '1a787e86-ecc5-4bf2-8c03-16d5232e09c1';

function plan(overrides: Partial<PlanRecord>): PlanRecord {
  return {
    id: RA_ID,
    kind: 'risk-assessment',
    caseId: 'case-1',
    childId: HSB_ID,
    caseRef: 'HSB-2026-7',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    version: 3,
    status: 'active',
    incidents: [],
    otherChildren: [],
    risks: [],
    sharing: [],
    review: { nextDue: '2026-03-15', frequencyWeeks: 2 },
    reviews: [],
    signOff: [],
    overallRisk: 'high',
    ...overrides,
  };
}

const riskAssessment = plan({
  meeting: { date: '2026-03-01', attendees: [{ name: 'Ms Parent', role: 'Mother' }] },
  views: { learner: `${CANARY} said sorry`, parentsCarers: 'Upset' },
  decision: {
    options: ['referral-csc', 'manage-internally'],
    factors: ['intra-familial', 'power-imbalance'],
    rationale: `Because ${mentionToken(HARMED_ID)} was frightened`,
    decidedOn: '2026-03-01',
  },
  staffNotes: `Notes about ${CANARY}`,
  support: 'Weekly sessions with the specialist HSB service',
  keyAdultCover: 'Mr Patel covers Mondays',
  risks: [
    {
      id: 'r1',
      context: 'corridors',
      affects: ['harmed', 'others'],
      description: `${CANARY} follows ${mentionToken(HARMED_ID)} between lessons`,
      likelihood: 3,
      impact: 3,
      levelBefore: 'high',
      residualLikelihood: 1,
      residualImpact: 2,
      levelAfter: 'low',
      strategies: [
        {
          id: 's1',
          action: `Zebedee walks with an adult; keep him away from ${mentionToken(HARMED_ID)}`,
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
      affects: [],
      contextLabel: `Nightingale-Oduya family events with ${mentionToken(OUTSIDER_ID)}`,
      description: 'x',
      likelihood: 1,
      impact: 1,
      levelBefore: 'low',
      strategies: [],
    },
  ],
});

const supportPlan = plan({
  id: SP_ID,
  kind: 'support-plan',
  childId: HARMED_ID,
  overallRisk: null,
  supportPlan: {
    viewsAndWishes: 'She does not want to be in the same room as him',
    wantsToHappen: 'To feel safe at lunch',
    wantsTold: 'Only her form tutor',
    safeSpaces: 'The library office',
    trustedAdults: 'Mrs Okafor',
    adjustments: `Philippa may leave lessons five minutes early`,
    contactWithOtherChild: `No contact with ${mentionToken(HSB_ID)}; ZEBEDEE uses the east stairs`,
    onlineHelp: { reportRemove: 'used', notes: 'Images reported' },
    measures: [
      {
        id: 'm1',
        action: 'Check-in with Mrs Okafor in the library office',
        owner: 'Mrs Okafor',
        inPlace: true,
      },
    ],
  },
});

function source(focus?: PlanRecord): StageSource {
  return {
    caseId: 'case-1',
    caseRef: 'HSB-2026-7',
    children: [
      {
        id: HSB_ID,
        name: CANARY,
        label: 'Child A',
        roles: ['displayedHsb'],
        plan: { id: RA_ID, kind: 'risk-assessment', status: 'active' },
      },
      {
        id: HARMED_ID,
        name: HARMED,
        label: 'Child B',
        roles: ['harmed'],
        plan: { id: SP_ID, kind: 'support-plan', status: 'draft' },
      },
      { id: WITNESS_ID, name: WITNESS, label: 'Child C', roles: ['witness'] },
    ],
    caseDecision: { options: ['early-help'], factors: [], rationale: 'Case reasons' },
    plan: focus,
  };
}

/** Every way a name may hide in the JSON: any case, decomposed, without marks or invisible characters. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}|\u00ad|\u200b/gu, '')
    .toLowerCase();
}

function expectNoChildData(view: unknown): void {
  const text = fold(JSON.stringify(view));
  for (const part of [...`${CANARY} ${HARMED} ${WITNESS}`.split(/[\s-]+/), HSB_ID, HARMED_ID, WITNESS_ID]) {
    expect(text).not.toContain(fold(part));
  }
}

describe('stageView of a case', () => {
  it('shows each child by pseudonym with their roles and plan, and nothing of any plan', () => {
    const view = stageView(source());
    expect(view).toEqual({
      caseId: 'case-1',
      caseRef: 'HSB-2026-7',
      children: [
        { label: 'Child A', roles: ['displayedHsb'], plan: { kind: 'risk-assessment', status: 'active' } },
        { label: 'Child B', roles: ['harmed'], plan: { kind: 'support-plan', status: 'draft' } },
        { label: 'Child C', roles: ['witness'] },
      ],
      plan: null,
    });
    expectNoChildData(view);
  });
});

describe('stageView of a risk assessment', () => {
  const view = stageView(source(riskAssessment));
  const shown = view.plan as StageRiskAssessment;

  it('shows the child it is about, and every child mentioned, by their pseudonym', () => {
    expect(shown).toMatchObject({
      id: RA_ID,
      kind: 'risk-assessment',
      label: 'Child A',
      overallRisk: 'high',
    });
    expect(shown.contexts[0]!.strategies).toEqual([
      {
        id: 's1',
        action: 'Child A walks with an adult; keep him away from Child B',
        owner: 'Head of Year 9',
        startDate: '2026-03-02',
        inPlace: true,
      },
      { id: 's2', action: 'Staggered lesson changes', owner: "Child A's key adult", inPlace: false },
    ]);
    expect(shown.contexts[1]!.contextLabel).toBe(`Child B-Child B family events with ${ANOTHER_CHILD}`);
  });

  it('shows who could be harmed in each context as kinds of people, as chosen', () => {
    expect(shown.contexts.map((c) => c.affects)).toEqual([['harmed', 'others'], []]);
  });

  it('shows the decided ways forward, not the factors or the reasons', () => {
    expect(shown.decision).toEqual({
      options: ['referral-csc', 'manage-internally'],
      decidedOn: '2026-03-01',
    });
    const text = JSON.stringify(view);
    for (const hidden of ['intra-familial', 'power-imbalance', 'frightened', 'Because']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('falls back to the case’s decision when the plan has none', () => {
    const { decision: _d, ...withoutDecision } = riskAssessment;
    const plain = stageView(source(withoutDecision)).plan as StageRiskAssessment;
    expect(plain.decision).toEqual({ options: ['early-help'] });
  });

  it('carries no name, narrative, views, support or notes', () => {
    expectNoChildData(view);
    const text = JSON.stringify(view);
    for (const hidden of ['follows', 'sorry', 'Upset', 'Mother', 'Notes', 'Weekly sessions', 'Mr Patel']) {
      expect(text).not.toContain(hidden);
    }
  });

  it.each([
    ['decomposed', 'Zebede\u0301e'],
    ['soft hyphen', 'Zebe\u00addee'],
    ['zero-width space', 'Zeb\u200bedee'],
    ['full-width', '\uff3a\uff45\uff42\uff45\uff44\uff45\uff45'],
    ['upper case possessive', 'QUARRINGTON’S'],
  ])('turns the name typed %s into the pseudonym', (_form, typed) => {
    const record = plan({
      risks: [
        {
          id: 'r9',
          context: 'online',
          affects: [],
          description: 'x',
          likelihood: 1,
          impact: 1,
          levelBefore: 'low',
          strategies: [
            { id: 's9', action: `${typed} hands in his phone`, owner: `${typed} tutor`, inPlace: false },
          ],
        },
      ],
    });
    const strategy = (stageView(source(record)).plan as StageRiskAssessment).contexts[0]!.strategies[0]!;
    expect(strategy.action).toMatch(/^Child A(’S)? hands in his phone$/);
    expect(strategy.owner).toMatch(/^Child A(’S)? tutor$/);
    expectNoChildData(strategy);
  });
});

describe('stageView of a support plan', () => {
  const view = stageView(source(supportPlan));
  const shown = view.plan as StageSupportPlan;

  it('shows only the adjustments and the contact arrangements, children by pseudonym', () => {
    expect(shown).toEqual({
      id: SP_ID,
      kind: 'support-plan',
      label: 'Child B',
      status: 'active',
      nextReview: '2026-03-15',
      adjustments: 'Child B may leave lessons five minutes early',
      contactWithOtherChild: 'No contact with Child A; Child A uses the east stairs',
    });
  });

  it('never carries the child’s views, wishes, who they want told, safe spaces, adults or online help', () => {
    expectNoChildData(view);
    const text = JSON.stringify(view);
    for (const hidden of ['same room', 'feel safe', 'form tutor', 'library', 'Okafor', 'Images', 'used']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('says nothing is agreed rather than sending empty text', () => {
    const empty = plan({ ...supportPlan, supportPlan: { measures: [], adjustments: '   ' } });
    expect(stageView(source(empty)).plan).toMatchObject({ adjustments: null, contactWithOtherChild: null });
  });
});

describe('stageSourceOfPlan (a plan kept outside a case)', () => {
  it('makes the child the plan is about Child A and the others follow, named nowhere', () => {
    const record: Assessment = {
      ...riskAssessment,
      caseId: undefined,
      childId: undefined,
      learner: { name: CANARY, yearGroup: 'Year 11', dateOfBirth: '2010-05-01' },
      otherChildren: [{ id: 'c1', name: HARMED, role: 'harmed' }],
    } as unknown as Assessment;
    const view = stageView(stageSourceOfPlan(record));
    expect(view.caseId).toBeNull();
    expect(view.children.map((c) => [c.label, c.roles])).toEqual([
      ['Child A', ['displayedHsb']],
      ['Child B', ['harmed']],
    ]);
    const strategies = (view.plan as StageRiskAssessment).contexts[0]!.strategies;
    expect(strategies[0]!.action).toBe(`Child A walks with an adult; keep him away from ${ANOTHER_CHILD}`);
    expect((view.plan as StageRiskAssessment).contexts[1]!.contextLabel).toMatch(
      /^Child B-Child B family events/,
    );
    const text = fold(JSON.stringify(view));
    for (const part of ['zebedee', 'quarrington', 'philippa', 'nightingale', 'oduya', 'year 11', '2010']) {
      expect(text).not.toContain(part);
    }
  });
});
