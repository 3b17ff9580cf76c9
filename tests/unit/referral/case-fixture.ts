import type { Assessment } from '../../../core/index.js';
import type { ReferralCase } from '../../../core/referral/index.js';
import { assessment } from '../../word/fixtures/assessment.js';

/** The child who displayed HSB (Child A) and the child harmed (Child B): names that must not cross. */
export const NAME_A = 'Zéphyrine Canarywood';
export const NAME_B = 'Quillón Sparrowhåwk';
export const ID_A = '1a2b3c4d-0000-4000-8000-00000000000a';
export const ID_B = '1a2b3c4d-0000-4000-8000-00000000000b';
export const PLAN_A = '2b3c4d5e-0000-4000-8000-00000000000a';
export const PLAN_B = '2b3c4d5e-0000-4000-8000-00000000000b';
const CASE_ID = '3c4d5e6f-0000-4000-8000-000000000001';

const A = `@[child:${ID_A}]`;
const B = `@[child:${ID_B}]`;

/** Child B's name as staff might type it: decomposed, with a zero-width space, with a soft hyphen. */
export const B_TYPED = {
  nfd: NAME_B.normalize('NFD'),
  zeroWidth: 'Quil\u200blón Sparrow\u00adhåwk',
};

/**
 * A case as the API returns it: the report names both children only as mention tokens, one line of it
 * is only about Child B; a referral outcome is only about Child B; the police gave a reference, an
 * investigation status and bail conditions, and (unless `agreedSharing` is given) agreed nothing.
 */
export function theCase(agreedSharing: { what: string; with: string }[] = []): ReferralCase {
  return {
    caseRef: 'HSB-2026-0007',
    participants: [
      { childId: ID_A, roles: ['displayedHsb'], label: 'Child A', assessmentId: PLAN_A },
      { childId: ID_B, roles: ['harmed'], label: 'Child B', assessmentId: PLAN_B },
    ],
    summary: `${A} touched ${B} over clothing in the lunch queue.\n${B}'s mother phoned the school.\nA lunchtime supervisor saw it.`,
    decision: {
      options: ['referral-csc'],
      factors: ['power-imbalance', 'ongoing-risk'],
      rationale: `Second incident this term.\n${B} is frightened to come to school.`,
      decidedBy: 'Ms DSL',
      decidedOn: '2026-02-05',
      parentsCarers: `${A}'s parents support a referral.`,
    },
    agencies: {
      referrals: [
        {
          id: 'ref1',
          to: 'childrens-social-care',
          on: '2026-02-06',
          reference: 'MASH-2291',
          status: 'accepted',
          outcome: `Strategy discussion held.\n${B} allocated a social worker.`,
          outcomeOn: '2026-02-09',
        },
      ],
      socialWorker: { name: 'Sam Okafor', team: 'Northshire assessment team' },
      cscStatus: 'child-in-need',
      police: {
        reference: 'NP-26-0413',
        officer: 'PC Marsh',
        investigationStatus: 'Under investigation',
        bailConditions: `No contact with ${B}.`,
        agreedSharing,
      },
      specialistAssessment: 'requested',
    },
  };
}

function planIn(childId: string, id: string, kind: Assessment['kind'], body: Record<string, unknown>) {
  return {
    ...assessment(body),
    id,
    kind,
    caseId: CASE_ID,
    childId,
    caseRef: 'HSB-2026-0007',
    incidents: [
      {
        id: 'inc1',
        date: '2026-02-04',
        location: 'Lunch queue',
        online: false,
        description: `${A} touched ${B} over clothing.`,
      },
    ],
  } satisfies Assessment;
}

/** Child A's risk assessment as GET /api/assessments/:id shows it; Child B's name is typed in it. */
export function planA(): Assessment {
  return {
    ...planIn(ID_A, PLAN_A, 'risk-assessment', {
      learner: { name: NAME_A, dateOfBirth: '2012-05-01', yearGroup: 'Year 8' },
      views: { learner: `Says ${B_TYPED.nfd} laughed too.`, parentsCarers: 'Worried; support the plan.' },
      support: `Weekly sessions with the school counsellor; no lessons with ${B_TYPED.zeroWidth}.`,
    }),
    otherChildren: [{ id: ID_B, name: NAME_B, role: 'harmed' }],
  };
}

/** Child B's support plan as GET /api/assessments/:id shows it; Child A's name is typed in it. */
export function planB(): Assessment {
  return {
    ...planIn(ID_B, PLAN_B, 'support-plan', {
      learner: { name: NAME_B, yearGroup: 'Year 7' },
      review: { nextDue: '2026-03-02' },
    }),
    supportPlan: {
      viewsAndWishes: `Wants ${NAME_A.normalize('NFD')} kept away at lunch.`,
      wantsToHappen: 'To feel safe in the lunch queue.',
      safeSpaces: 'The library at lunchtime.',
      trustedAdults: 'Mrs Ahmed (Head of Year 7)',
      measures: [{ id: 'm1', action: 'Lunch pass for the library', owner: 'Mrs Ahmed', inPlace: true }],
    },
    otherChildren: [{ id: ID_A, name: NAME_A, role: 'displayedHsb' }],
  };
}
