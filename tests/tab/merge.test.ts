import { describe, expect, it } from '@jest/globals';
import type { Draft } from '../../tab/src/editor/draft';
import { mergeDrafts } from '../../tab/src/editor/merge';

const base: Draft = {
  id: 'a',
  kind: 'risk-assessment',
  caseRef: 'HSB-2026-0001',
  createdAt: 'c',
  updatedAt: 'u1',
  version: 1,
  status: 'draft',
  learner: { name: 'Sam', yearGroup: 'Year 8' },
  incidents: [],
  otherChildren: [],
  risks: [
    {
      id: 'r1',
      context: 'corridors',
      affects: [],
      description: 'one',
      likelihood: 1,
      impact: 1,
      strategies: [],
    },
  ],
  sharing: [],
  review: {},
  reviews: [],
  signOff: [],
  overallRisk: 'low',
};

describe('three-way merge of an assessment', () => {
  it('keeps each side’s changes to different fields of the same object', () => {
    const mine = { ...base, learner: { ...base.learner, name: 'Samuel' } };
    const theirs = {
      ...base,
      version: 2,
      updatedAt: 'u2',
      learner: { ...base.learner, yearGroup: 'Year 9' },
    };
    const { merged, overlaps } = mergeDrafts(base, mine, theirs);
    expect(merged.learner).toEqual({ name: 'Samuel', yearGroup: 'Year 9' });
    expect(merged.version).toBe(2);
    expect(overlaps).toEqual([]);
  });

  it('keeps contexts both people added during the meeting', () => {
    const mine = {
      ...base,
      risks: [
        ...base.risks,
        { id: 'm', context: 'online' as const, affects: [], description: 'x', strategies: [] },
      ],
    };
    const theirs = {
      ...base,
      risks: [
        ...base.risks,
        { id: 't', context: 'toilets-changing' as const, affects: [], description: 'y', strategies: [] },
      ],
    };
    const { merged, overlaps } = mergeDrafts(base, mine, theirs);
    expect(merged.risks.map((r) => r.id)).toEqual(['r1', 't', 'm']);
    expect(overlaps).toEqual([]);
  });

  it('reports where both changed the same thing, and lets mine win there', () => {
    const mine = {
      ...base,
      learner: { ...base.learner, name: 'Mine' },
      risks: [{ ...base.risks[0]!, description: 'mine' }],
    };
    const theirs = {
      ...base,
      learner: { ...base.learner, name: 'Theirs' },
      risks: [{ ...base.risks[0]!, description: 'theirs' }],
    };
    const { merged, overlaps } = mergeDrafts(base, mine, theirs);
    expect(merged.learner.name).toBe('Mine');
    expect(merged.risks[0]!.description).toBe('mine');
    expect(overlaps.sort()).toEqual(['learner.name', 'risks:r1']);
  });

  it('honours a removal on either side unless the other side changed the item', () => {
    const mineRemoved = { ...base, risks: [] };
    expect(mergeDrafts(base, mineRemoved, { ...base, version: 2 }).merged.risks).toEqual([]);
    const theirsRemoved = { ...base, risks: [] };
    expect(mergeDrafts(base, base, theirsRemoved).merged.risks).toEqual([]);
    const mineChanged = { ...base, risks: [{ ...base.risks[0]!, description: 'kept' }] };
    const result = mergeDrafts(base, mineChanged, theirsRemoved);
    expect(result.merged.risks.map((r) => r.description)).toEqual(['kept']);
    expect(result.overlaps).toEqual(['risks:r1']);
  });

  it('treats a difference of surrounding spaces as no change', () => {
    const mine = { ...base, learner: { ...base.learner, name: 'Sam ' } };
    const theirs = { ...base, learner: { ...base.learner, name: 'Sam' } };
    const { merged, overlaps } = mergeDrafts(base, mine, theirs);
    expect(merged.learner.name).toBe('Sam ');
    expect(overlaps).toEqual([]);
  });
});
