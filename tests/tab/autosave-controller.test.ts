import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApiError } from '../../tab/src/api/api-client';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import { statusText } from '../../tab/src/editor/save-status';
import { ServiceApi, TODAY } from './support/fake-api';

const DEBOUNCE = 1000;
const savedAt = () => new Date(2026, 2, 10, 10, 42);

let api: ServiceApi;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
  api = new ServiceApi();
});

afterEach(async () => {
  jest.useRealTimers();
  await api.close();
});

async function open(body: unknown = { learner: { name: 'Sam Learner' } }) {
  const created = await api.create(body);
  const loaded = await api.getAssessment(created.record.id);
  api.calls.length = 0;
  return new AutosaveController(api, loaded, { debounceMs: DEBOUNCE, now: savedAt });
}

const settle = () => jest.advanceTimersByTimeAsync(0);

describe('autosave', () => {
  it('waits for a pause, then saves with If-Match and says when', async () => {
    const c = await open();
    const { etag } = c.getState();
    c.edit((d) => ({ ...d, learner: { ...d.learner, yearGroup: 'Year 9' } }));
    expect(statusText(c.getState().status)).toBe('Saving…');
    await jest.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(api.puts()).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    await settle();
    expect(api.calls).toEqual([expect.objectContaining({ method: 'PUT', etag })]);
    expect(statusText(c.getState().status)).toBe('Saved 10:42');
    expect(c.getState().etag).not.toBe(etag);
    expect(c.hasUnsavedChanges()).toBe(false);
    expect((await api.getAssessment(c.getState().draft.id)).record.learner.yearGroup).toBe('Year 9');
  });

  it('sends one save for a burst of typing', async () => {
    const c = await open();
    for (const name of ['S', 'Sa', 'Sam', 'Sam J', 'Sam Jo']) {
      c.edit((d) => ({ ...d, learner: { ...d.learner, name } }));
      await jest.advanceTimersByTimeAsync(300);
    }
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(1);
    expect(c.getState().saved.learner.name).toBe('Sam Jo');
  });

  it('keeps typing done while a save is in flight and saves it next, with the new ETag', async () => {
    const c = await open();
    c.edit((d) => ({ ...d, learner: { ...d.learner, name: 'First' } }));
    const flushing = c.flush();
    c.edit((d) => ({ ...d, learner: { ...d.learner, yearGroup: 'Year 7' } }));
    await flushing;
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(2);
    const [first, second] = api.calls;
    expect(second!.etag).not.toBe(first!.etag);
    expect(c.getState().draft.learner).toEqual({ name: 'First', yearGroup: 'Year 7' });
    expect(c.getState().status.kind).toBe('saved');
  });

  it('holds back a new context until it is complete, and warns before leaving meanwhile', async () => {
    const c = await open();
    c.edit((d) => ({
      ...d,
      risks: [
        ...d.risks,
        { id: 'newrisk1', context: 'online', affects: [], description: '', strategies: [] },
      ],
    }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(0);
    expect(c.getState().incomplete.map((r) => r.id)).toEqual(['newrisk1']);
    expect(c.hasUnsavedChanges()).toBe(true);

    c.edit((d) => ({
      ...d,
      risks: d.risks.map((r) => ({
        ...r,
        description: 'Group chats after school',
        likelihood: 2,
        impact: 3,
      })),
    }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(1);
    expect(c.getState().saved.risks).toEqual([
      expect.objectContaining({ id: 'newrisk1', context: 'online' }),
    ]);
    expect(c.hasUnsavedChanges()).toBe(false);
  });

  it('sends nothing the server would refuse, and says which field to fix', async () => {
    const c = await open();
    c.edit((d) => ({ ...d, learner: { ...d.learner, name: '' } }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(0);
    expect(c.getState().status).toEqual({
      kind: 'invalid',
      problems: [{ path: 'learner.name', problem: 'Required.' }],
    });
    expect(statusText(c.getState().status)).toBe('Not saved — check 1 field');
  });

  it('once active, waits for a reason and records it with each change', async () => {
    const c = await open({
      learner: { name: 'Sam Learner' },
      status: 'active',
      decision: { options: ['manage-internally'], rationale: 'One-off, both families engaged.' },
      review: { nextDue: '2026-04-01' },
    });
    c.edit((d) => ({ ...d, learner: { ...d.learner, keyAdult: 'Ms Khan' } }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(0);
    expect(statusText(c.getState().status)).toBe('Not saved — give a reason for these changes');

    c.setChangeReason('Key adult agreed at review meeting');
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(api.puts()).toBe(1);
    const history = await api.store.forSchool('test-school').history(c.getState().draft.id);
    expect(history.at(-1)).toMatchObject({
      action: 'update',
      fields: ['learner.keyAdult'],
      reason: 'Key adult agreed at review meeting',
    });
  });

  describe('when someone else saved first (412)', () => {
    it('stops and shows both sides’ changes; keeping mine saves on top of theirs', async () => {
      const c = await open();
      const id = c.getState().draft.id;
      await api.saveAsSomeoneElse(id, (r) => ({ ...r, learner: { ...r.learner, yearGroup: 'Year 10' } }));
      c.edit((d) => ({ ...d, learner: { ...d.learner, keyAdult: 'Mr Jones' } }));
      await jest.advanceTimersByTimeAsync(DEBOUNCE);

      const status = c.getState().status;
      expect(status.kind).toBe('conflict');
      if (status.kind !== 'conflict') throw new Error('unreachable');
      expect(status.conflict.theirChanges).toEqual(['learner.yearGroup']);
      expect(status.conflict.myChanges).toEqual(['learner.keyAdult']);
      expect(status.conflict.overlaps).toEqual([]);

      // Nothing is overwritten while the user decides, however long they take or type.
      c.edit((d) => ({ ...d, learner: { ...d.learner, send: 'Dyslexia' } }));
      await jest.advanceTimersByTimeAsync(DEBOUNCE * 10);
      expect(api.puts()).toBe(1);

      c.resolveConflict('mine');
      await settle();
      expect(api.puts()).toBe(2);
      expect(api.calls.at(-1)!.etag).toBe(status.conflict.theirEtag);
      expect((await api.getAssessment(id)).record.learner).toEqual({
        name: 'Sam Learner',
        yearGroup: 'Year 10',
        keyAdult: 'Mr Jones',
        send: 'Dyslexia',
      });
      expect(c.getState().status.kind).toBe('saved');
    });

    it('taking theirs drops my unsaved change and saves nothing', async () => {
      const c = await open();
      const id = c.getState().draft.id;
      await api.saveAsSomeoneElse(id, (r) => ({ ...r, learner: { ...r.learner, name: 'Their Name' } }));
      c.edit((d) => ({ ...d, learner: { ...d.learner, name: 'My Name' } }));
      await jest.advanceTimersByTimeAsync(DEBOUNCE);
      const status = c.getState().status;
      expect(status.kind === 'conflict' && status.conflict.overlaps).toEqual(['learner.name']);

      c.resolveConflict('theirs');
      await jest.advanceTimersByTimeAsync(DEBOUNCE);
      expect(api.puts()).toBe(1);
      expect(c.getState().draft.learner.name).toBe('Their Name');
      expect(c.hasUnsavedChanges()).toBe(false);
    });
  });

  it('retries on its own after a network failure, and honours Retry-After', async () => {
    const c = await open();
    api.failNext(
      new ApiError(0, 'NETWORK', 'offline'),
      new ApiError(429, 'RATE_LIMITED', 'busy', [], undefined, 5000),
    );
    c.edit((d) => ({ ...d, learner: { ...d.learner, yearGroup: 'Year 11' } }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(c.getState().status).toMatchObject({ kind: 'failed', retryInMs: 2000 });
    expect(statusText(c.getState().status)).toBe('Not saved — retry');
    expect(c.hasUnsavedChanges()).toBe(true);

    await jest.advanceTimersByTimeAsync(2000);
    expect(c.getState().status).toMatchObject({ kind: 'failed', retryInMs: 5000 });
    await jest.advanceTimersByTimeAsync(4999);
    expect(c.getState().status.kind).toBe('failed');
    await jest.advanceTimersByTimeAsync(1);
    expect(statusText(c.getState().status)).toBe('Saved 10:42');
  });

  it('retries at once when asked', async () => {
    const c = await open();
    api.failNext(new ApiError(503, 'UPSTREAM', 'down'));
    c.edit((d) => ({ ...d, learner: { ...d.learner, yearGroup: 'Year 11' } }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(c.getState().status.kind).toBe('failed');
    c.retry();
    await settle();
    expect(c.getState().status.kind).toBe('saved');
  });
});

describe('status changes and reviews', () => {
  it('refuses to activate without a decision and a review date, and leaves the draft as it was', async () => {
    const c = await open();
    await expect(c.changeStatus({ status: 'active' })).rejects.toMatchObject({
      code: 'ACTIVATION_INCOMPLETE',
    });
    expect(c.getState().draft.status).toBe('draft');
    expect(c.getState().status.kind).toBe('saved');
  });

  it('activates, takes a review with If-Match, and closes with a reason', async () => {
    const c = await open({
      learner: { name: 'Sam Learner' },
      risks: [
        {
          id: 'r1',
          context: 'corridors',
          description: 'Crowding',
          likelihood: 2,
          impact: 2,
          strategies: [{ id: 's1', action: 'Escort between lessons', owner: 'Head of Year', inPlace: true }],
        },
      ],
    });
    c.edit((d) => ({
      ...d,
      decision: { options: ['early-help'], factors: ['pattern'], rationale: 'Needs coordinated support.' },
      review: { nextDue: '2026-03-24', frequencyWeeks: 2 },
    }));
    await c.changeStatus({ status: 'active' });
    expect(c.getState().saved.status).toBe('active');

    const before = c.getState().etag;
    await c.addReview({
      date: TODAY,
      behaviourChanges: 'No further concerns reported.',
      strategyImpacts: [{ strategyId: 's1', impact: 'effective' }],
      nextDue: '2026-03-31',
    });
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST reviews', etag: before });
    expect(c.getState().saved.reviews).toHaveLength(1);
    expect(c.getState().saved.review.nextDue).toBe('2026-03-31');

    await expect(c.changeStatus({ status: 'closed' })).rejects.toMatchObject({
      code: 'CLOSING_REASON_REQUIRED',
    });
    expect(c.getState().draft.status).toBe('active');
    await c.changeStatus({ status: 'closed', closingReason: 'Plan complete', changeReason: 'Plan complete' });
    expect(c.getState().saved).toMatchObject({
      status: 'closed',
      closingReason: 'Plan complete',
      closedOn: TODAY,
    });
  });
});
