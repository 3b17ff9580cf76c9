import {
  isActionOverdue,
  newAssignments,
  noticeText,
  noticesFor,
  sortActions,
  tokeniseNames,
  type AssessmentData,
  type MyAction,
} from '../../../core/index.js';
import { assessmentData } from '../../helpers/assessment-data.js';

const SAM = '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c';
const JO = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function plan(
  strategies: Record<string, unknown>[],
  measures: Record<string, unknown>[] = [],
): AssessmentData {
  return assessmentData({
    risks: [{ context: 'classroom', description: 'd', likelihood: 1, impact: 1, strategies }],
    ...(measures.length ? { supportPlan: { measures } } : {}),
  });
}

describe('who is told when a plan is saved', () => {
  it('tells the owner of a new action, once', () => {
    const after = plan([{ id: 's1', action: 'a', owner: 'Sam', ownerId: SAM, due: '2026-03-20' }]);
    expect(newAssignments(undefined, after)).toEqual([
      { itemKind: 'strategy', strategyId: 's1', ownerId: SAM, owner: 'Sam', due: '2026-03-20' },
    ]);
    expect(newAssignments(after, after)).toEqual([]);
  });

  it('tells a new owner, and no one when only the words or the date change', () => {
    const before = plan([{ id: 's1', action: 'a', owner: 'Sam', ownerId: SAM }]);
    const reworded = plan([{ id: 's1', action: 'b', owner: 'Sam P', ownerId: SAM, due: '2026-04-01' }]);
    const handed = plan([{ id: 's1', action: 'a', owner: 'Jo', ownerId: JO }]);
    expect(newAssignments(before, reworded)).toEqual([]);
    expect(newAssignments(before, handed).map((a) => a.ownerId)).toEqual([JO]);
  });

  it('tells no one about a name typed freely, or an owner taken away', () => {
    const before = plan([{ id: 's1', action: 'a', owner: 'Sam', ownerId: SAM }]);
    const typed = plan([{ id: 's1', action: 'a', owner: 'Visiting coach' }]);
    expect(newAssignments(undefined, typed)).toEqual([]);
    expect(newAssignments(before, typed)).toEqual([]);
  });

  it('tells the caller too when they give an action to themselves', () => {
    const after = plan([{ id: 's1', action: 'a', owner: 'Me', ownerId: 'local-user' }]);
    expect(newAssignments(undefined, after).map((a) => a.ownerId)).toEqual(['local-user']);
  });

  it('treats a support plan’s measures like strategies, and tells no one on a closed plan', () => {
    const after = plan([], [{ id: 'm1', action: 'a', owner: 'Sam', ownerId: SAM }]);
    expect(newAssignments(undefined, after)).toEqual([
      { itemKind: 'measure', strategyId: 'm1', ownerId: SAM, owner: 'Sam' },
    ]);
    expect(newAssignments(undefined, { ...after, status: 'closed' })).toEqual([]);
  });

  it('words a notice with the case reference and the due date only', () => {
    const after = plan([
      { id: 's1', action: 'Casey Canary hands in her phone', owner: 'Sam', ownerId: SAM, due: '2026-03-05' },
    ]);
    const notices = noticesFor(
      { id: 'p1', caseRef: 'HSB-2026-0007', kind: 'risk-assessment' },
      newAssignments(undefined, after),
    );
    expect(notices).toEqual([
      {
        to: { id: SAM, displayName: 'Sam' },
        caseRef: 'HSB-2026-0007',
        assessmentId: 'p1',
        planKind: 'risk-assessment',
        due: '2026-03-05',
        text: 'You have a new action in HSB-2026-0007, due 5 March 2026.',
      },
    ]);
    expect(JSON.stringify(notices)).not.toMatch(/Casey|phone/);
    expect(noticeText('HSB-2026-0007')).toBe('You have a new action in HSB-2026-0007.');
  });
});

describe('my actions in order', () => {
  const item = (over: Partial<MyAction>): MyAction => ({
    caseRef: 'HSB-2026-0001',
    assessmentId: 'p',
    planKind: 'risk-assessment',
    itemKind: 'strategy',
    strategyId: 's',
    action: 'a',
    overdue: false,
    inPlace: false,
    ...over,
  });

  it('is overdue only when due before today and not in place', () => {
    expect(isActionOverdue({ due: '2026-03-09', inPlace: false }, '2026-03-10')).toBe(true);
    expect(isActionOverdue({ due: '2026-03-10', inPlace: false }, '2026-03-10')).toBe(false);
    expect(isActionOverdue({ due: '2026-03-09', inPlace: true }, '2026-03-10')).toBe(false);
    expect(isActionOverdue({ inPlace: false }, '2026-03-10')).toBe(false);
  });

  it('puts overdue first, then by due date, undated last', () => {
    const sorted = sortActions([
      item({ strategyId: 'undated' }),
      item({ strategyId: 'later', due: '2026-05-01' }),
      item({ strategyId: 'overdue', due: '2026-03-01', overdue: true }),
      item({ strategyId: 'sooner', due: '2026-04-01' }),
      item({ strategyId: 'older-overdue', due: '2026-02-01', overdue: true }),
    ]);
    expect(sorted.map((a) => a.strategyId)).toEqual([
      'older-overdue',
      'overdue',
      'sooner',
      'later',
      'undated',
    ]);
  });
});

describe('an owner id beside free text', () => {
  it('is never turned into a mention, even when a child of the case shares the owner’s name', () => {
    const strategy = { ownerId: 'local:sam-patel', owner: 'Sam Patel', action: 'Sam Patel checks in' };
    const child = { id: '5f2b9c1e-8a7d-4e3b-9c6a-1d2e3f4a5b6c', name: 'Sam Patel' };
    const tokenised = tokeniseNames(strategy, [child]);
    expect(tokenised.ownerId).toBe('local:sam-patel');
    expect(tokenised.action).toBe(`@[child:${child.id}] checks in`);
  });
});
