import { createAssessmentSchema, normaliseContent, type Assessment } from '../../core/index.js';
import { activeAssessmentBody } from './assessment-data.js';

/** Privacy canaries: these strings must never reach the wrong audience, a log, a URL or a file name. */
export const CANARY_LEARNER = 'Casey Canary';
export const CANARY_OTHER_CHILD = 'Robin Wren';
export const CANARY_STAFF_NOTE = 'Staff-only: mother asked us not to share the CAMHS letter.';

/** An assessment body (as a client POSTs it) whose free text names the other child everywhere staff might. */
export function canaryAssessmentBody(): Record<string, unknown> {
  const body = activeAssessmentBody(CANARY_LEARNER) as Record<string, any>;
  body.otherChildren = [
    { id: 'c1', name: CANARY_OTHER_CHILD, role: 'harmed', yearGroup: 'Year 7', incidentIds: ['inc1'] },
  ];
  body.incidents[0].description = `${CANARY_LEARNER} touched ${CANARY_OTHER_CHILD} over clothing while queuing.`;
  body.risks[0].description = 'Contact with Robin during unsupervised changeovers.';
  body.risks[0].affects = ['harmed', 'others'];
  body.risks[0].strategies[0].action =
    'Leaves lessons two minutes early so that ROBIN WREN is not in the corridor.';
  body.views = { learner: 'Says it was a joke.', parentsCarers: "Worried about Wren's older brother." };
  body.decision.victimWishes = `${CANARY_OTHER_CHILD} does not want to move class.`;
  body.decision.rationale = "Robin's wishes come first; both children supported in school.";
  body.staffNotes = CANARY_STAFF_NOTE;
  body.meeting = {
    date: '2026-02-04',
    attendees: [{ name: 'Dee Esel', role: 'DSL' }],
    parentsCarersTookPart: true,
  };
  return body;
}

/** The stored record of the canary assessment, with one review that names the other child too. */
export function canaryAssessment(): Assessment {
  const input = createAssessmentSchema.parse(canaryAssessmentBody());
  const content = normaliseContent(input, 'active', () => 'x1');
  return {
    ...content,
    learner: input.learner!,
    kind: 'risk-assessment',
    reviews: [
      {
        id: 'rv1',
        recordedAt: '2026-03-01T10:00:00.000Z',
        date: '2026-03-01',
        behaviourChanges: 'No further contact with Robin reported.',
        strategyImpacts: [{ strategyId: 's1', impact: 'effective', note: 'Robin feels safer.' }],
        nextDue: '2026-04-01',
        notes: 'Review notes for staff.',
      },
    ],
    id: '6b1f6f39-3f7b-4b5e-9a43-2b6d2b0c1a11',
    caseRef: 'HSB-2026-0042',
    createdAt: '2026-02-05T09:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    version: 3,
  };
}
