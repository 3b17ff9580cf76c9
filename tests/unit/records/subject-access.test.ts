import {
  childData,
  emptyAgencies,
  subjectAccessExport,
  type Case,
  type Child,
  type ChronologyEntry,
  type PlanRecord,
} from '../../../core/index.js';
import { mentionToken } from '../../../core/privacy/index.js';
import { CANARY_LEARNER, CANARY_OTHER_CHILD, canaryAssessment } from '../../helpers/canary-assessment.js';

const OWN_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';
const CASE_ID = '33333333-3333-4333-8333-333333333333';
const OTHER_CASE_ID = '44444444-4444-4444-8444-444444444444';
const ZWSP = '\u200b';

/** The other child's name as staff might have typed it: decomposed, shouted, broken by zero-width spaces. */
const variants = [
  CANARY_OTHER_CHILD,
  CANARY_OTHER_CHILD.normalize('NFD'),
  CANARY_OTHER_CHILD.toUpperCase(),
  CANARY_OTHER_CHILD.replace(' ', ` ${ZWSP}`),
  mentionToken(OTHER_ID),
];
const canaryText = (what: string) => `${what}: ${variants.join(', ')}.`;

function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
}

function sources() {
  const { learner: _l, ...plan } = canaryAssessment();
  const own: PlanRecord = { ...plan, childId: OWN_ID, caseId: CASE_ID };
  const othersPlan: PlanRecord = {
    ...plan,
    id: '55555555-5555-4555-8555-555555555555',
    kind: 'support-plan',
    childId: OTHER_ID,
    caseId: CASE_ID,
    supportPlan: { measures: [], viewsAndWishes: 'SECRET WISH: a different bus.' },
  };
  const child: Child = {
    ...childData({
      name: CANARY_LEARNER,
      dateOfBirth: '2012-05-01',
      yearGroup: 'Year 9',
      vulnerabilities: canaryText('vulnerabilities'),
    }),
    id: OWN_ID,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    transfers: [
      {
        id: 't1',
        receivingSchool: 'Hillside Academy',
        sentOn: '2026-03-02',
        method: 'other',
        methodDetail: canaryText('method'),
        sentBy: 'Dee Esel',
        recordedAt: '2026-03-02T10:00:00Z',
      },
    ],
  };
  const kase: Case = {
    id: CASE_ID,
    caseRef: 'HSB-2026-0042',
    status: 'open',
    participants: [
      { childId: OWN_ID, roles: ['displayedHsb'], label: 'Child A', assessmentId: own.id },
      { childId: OTHER_ID, roles: ['harmed'], label: 'Child B', assessmentId: othersPlan.id },
    ],
    labelsIssued: 2,
    summary: canaryText('summary'),
    incidents: [
      { id: 'i1', date: '2026-03-01', location: canaryText('where'), description: canaryText('what') },
    ],
    decision: { options: ['manage-internally'], factors: [], rationale: canaryText('rationale') } as never,
    agencies: {
      ...emptyAgencies(),
      referrals: [
        { id: 'r1', to: 'early-help', on: '2026-03-03', status: 'made', outcome: canaryText('outcome') },
      ],
    },
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    version: 1,
  };
  const otherCase: Case = {
    ...kase,
    id: OTHER_CASE_ID,
    caseRef: 'HSB-2026-0050',
    participants: [kase.participants[1]!],
  };
  const entry = (id: string, e: Partial<ChronologyEntry>): ChronologyEntry => ({
    id,
    date: '2026-03-04',
    kind: 'note',
    summary: canaryText('note'),
    by: 'Dee Esel',
    recordedAt: '2026-03-04T10:00:00Z',
    ...e,
  });
  const chronology = [
    entry('e1', { caseId: CASE_ID }),
    entry('e2', { caseId: CASE_ID, childId: OWN_ID }),
    entry('e3', { caseId: CASE_ID, childId: OTHER_ID, summary: 'SECRET WISH about the other child.' }),
    entry('e4', { caseId: OTHER_CASE_ID, summary: 'SECRET case of the other child.' }),
    entry('e5', { childId: OWN_ID, kind: 'transfer', summary: 'Child-protection file sent.' }),
  ];
  return {
    child,
    plans: [own, othersPlan],
    cases: [kase, otherCase],
    chronology,
    others: [{ id: OTHER_ID, name: CANARY_OTHER_CHILD }],
    generatedAt: '2026-03-10T10:00:00Z',
  };
}

describe('subject access export', () => {
  const exported = subjectAccessExport(sources());
  const text = comparable(JSON.stringify(exported));

  it('never names, mentions or identifies another child, in any form typed', () => {
    expect(text).not.toContain('robin');
    expect(text).not.toContain('wren');
    expect(text).not.toContain(OTHER_ID);
    expect(text).not.toContain('child b');
    expect(text).toContain('another child');
  });

  it('holds nothing of another child’s wishes, plan or chronology, nor of a case the child is not in', () => {
    expect(text).not.toContain('secret');
    expect(text).not.toContain('does not want to move class');
    expect(exported.plans.map((p) => p.childId)).toEqual([OWN_ID]);
    expect(exported.plans[0]!.otherChildren).toEqual([{ role: 'harmed' }]);
    expect(exported.chronology.map((e) => e.id)).toEqual(['e1', 'e2', 'e5']);
  });

  it('holds everything about the child: record, plan, their part in the case, referrals, transfers', () => {
    expect(exported.child).toMatchObject({ id: OWN_ID, name: CANARY_LEARNER, retainUntil: '2037-05-01' });
    expect(exported.cases).toEqual([
      expect.objectContaining({
        caseRef: 'HSB-2026-0042',
        roles: ['displayedHsb'],
        label: 'Child A',
        otherChildren: 1,
        referrals: [expect.objectContaining({ to: 'early-help' })],
      }),
    ]);
    expect(exported.cases[0]!.incidents[0]!.description).toBe(
      'what: another child, another child, another child, another child, another child.',
    );
    expect(exported.transfers).toEqual([expect.objectContaining({ receivingSchool: 'Hillside Academy' })]);
    expect(text).toContain(comparable(CANARY_LEARNER));
  });
});
