import { describe, expect, it } from '@jest/globals';
import type { Assessment } from '../../core/assessment/schema';
import type { Versioned } from '../../tab/src/api/api-client';
import { namedApi, withNames } from '../../tab/src/editor/mention-names';

const RIA = '22222222-2222-4222-8222-222222222222';
const OUTSIDER = '33333333-3333-4333-8333-333333333333';
const names = new Map([[RIA, 'Ria Patel']]);

describe('mentions in a plan, for staff', () => {
  it('shows the case’s children by name in every text, and leaves any other mention a token', () => {
    const record = {
      views: { learner: `Said sorry to @[child:${RIA}].` },
      risks: [{ id: 'r1', description: `Near @[child:${RIA}] and @[child:${OUTSIDER}] at break.` }],
      version: 2,
    };
    expect(withNames(record, names)).toEqual({
      views: { learner: 'Said sorry to Ria Patel.' },
      risks: [{ id: 'r1', description: `Near Ria Patel and @[child:${OUTSIDER}] at break.` }],
      version: 2,
    });
  });

  it('names every record autosave gets back, and sends what the user sees', async () => {
    const sent: unknown[] = [];
    const answer = async (body?: unknown): Promise<Versioned<Assessment>> => {
      if (body) sent.push(body);
      return { record: { summary: `@[child:${RIA}]` } as unknown as Assessment, etag: '"2"' };
    };
    const api = namedApi(
      {
        getAssessment: () => answer(),
        replaceAssessment: (_i, b) => answer(b),
        addReview: (_i, b) => answer(b),
      },
      names,
    );
    const saved = await api.replaceAssessment('id', { summary: 'Ria Patel' }, '"1"');
    expect(saved).toEqual({ record: { summary: 'Ria Patel' }, etag: '"2"' });
    expect(sent).toEqual([{ summary: 'Ria Patel' }]);
    expect((await api.getAssessment('id')).record).toEqual({ summary: 'Ria Patel' });
  });
});
