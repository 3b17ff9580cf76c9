import { describe, expect, it } from '@jest/globals';
import type { Assessment } from '../../core/index.js';
import { toDraft, type Draft } from '../../tab/src/editor/draft';
import { buildPayload, sentVersion } from '../../tab/src/editor/payload';

const record: Assessment = {
  id: '0f676d75-dbb4-4af1-bb92-05c4121d98b0',
  kind: 'risk-assessment',
  caseRef: 'HSB-2026-0001',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  version: 2,
  status: 'draft',
  learner: { name: 'Sam Learner' },
  incidents: [],
  otherChildren: [],
  risks: [
    {
      id: 'r1',
      context: 'corridors',
      affects: [],
      description: 'Crowded changeovers',
      likelihood: 2,
      impact: 2,
      levelBefore: 'medium',
      strategies: [],
    },
  ],
  sharing: [],
  review: {},
  reviews: [],
  signOff: [],
  overallRisk: 'medium',
};
const saved = toDraft(record);

describe('what autosave sends', () => {
  it('has nothing to send for an unchanged draft, and sends none of the server-managed fields', () => {
    const p = buildPayload(saved, saved);
    expect(p.changed).toEqual([]);
    expect(p.problems).toEqual([]);
    expect(Object.keys(p.body)).not.toEqual(expect.arrayContaining(['version']));
    for (const key of ['version', 'updatedAt', 'createdAt', 'reviews', 'overallRisk'])
      expect(p.body).not.toHaveProperty(key);
    expect(p.body).toMatchObject({ id: record.id, caseRef: record.caseRef });
  });

  it('holds back a new context until it has a description, likelihood and impact', () => {
    const draft: Draft = {
      ...saved,
      risks: [
        ...saved.risks,
        { id: 'r2', context: 'toilets-changing', affects: [], description: '', strategies: [] },
      ],
    };
    const p = buildPayload(draft, saved);
    expect(p.incomplete.map((r) => r.id)).toEqual(['r2']);
    expect(p.changed).toEqual([]);
    expect((p.body.risks as { id: string }[]).map((r) => r.id)).toEqual(['r1']);

    const complete: Draft = {
      ...draft,
      risks: [saved.risks[0]!, { ...draft.risks[1]!, description: 'Unsupervised', likelihood: 3, impact: 3 }],
    };
    const q = buildPayload(complete, saved);
    expect(q.incomplete).toEqual([]);
    expect(q.changed).toEqual(['risks']);
  });

  it('reports a saved context made invalid, at its index in the draft', () => {
    const draft: Draft = {
      ...saved,
      risks: [
        { id: 'r0', context: 'online', affects: [], description: '', strategies: [] },
        { ...saved.risks[0]!, description: '  ' },
      ],
    };
    const p = buildPayload(draft, saved);
    expect(p.problems).toEqual([{ path: 'risks.1.description', problem: 'Required.' }]);
  });

  it('names the field a person must fix, in plain words', () => {
    const p = buildPayload({ ...saved, learner: { name: '' }, review: { nextDue: '2026-13-40' } }, saved);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        { path: 'learner.name', problem: 'Required.' },
        { path: 'review.nextDue', problem: 'Not a valid date.' },
      ]),
    );
  });

  it('keeps back a decision without a response or reasons, sending the saved one instead', () => {
    const draft: Draft = { ...saved, decision: { options: ['early-help'], factors: [], rationale: '' } };
    const p = buildPayload(draft, saved);
    expect(p.decisionHeldBack).toBe(true);
    expect(p.body).not.toHaveProperty('decision');
    expect(p.changed).toEqual([]);
    expect(sentVersion(draft, saved, p).decision).toBeUndefined();

    const done = buildPayload(
      { ...draft, decision: { options: ['early-help'], factors: [], rationale: 'Family agreed.' } },
      saved,
    );
    expect(done.decisionHeldBack).toBe(false);
    expect(done.changed).toEqual(['decision']);
  });

  it('ignores spaces at the ends of text, as the server does, so a pause after a space saves nothing new', () => {
    const p = buildPayload({ ...saved, learner: { name: 'Sam Learner ' } }, saved);
    expect(p.changed).toEqual([]);
    expect((p.body.learner as { name: string }).name).toBe('Sam Learner');
  });

  it('adds the reason for the change when there is one', () => {
    const p = buildPayload({ ...saved, learner: { name: 'Sam L' } }, saved, {
      changeReason: ' Review meeting ',
    });
    expect(p.body.changeReason).toBe('Review meeting');
  });
});
