import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { AutosaveController } from '../../tab/src/editor/autosave-controller';
import type { Draft } from '../../tab/src/editor/draft';
import { listAt, listRemoval } from '../../tab/src/ui/undo-removal';
import { ServiceApi } from './support/fake-api';

const DEBOUNCE = 1000;
let api: ServiceApi;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
  api = new ServiceApi();
});
afterEach(async () => {
  jest.useRealTimers();
  await api.close();
});

async function open() {
  const created = await api.create({
    learner: { name: 'Sam Learner' },
    incidents: [
      { id: 'i1', location: 'Corridor' },
      { id: 'i2', location: 'Bus' },
    ],
    decision: { options: ['early-help'], rationale: 'Family agreed.' },
    review: { nextDue: '2026-04-01' },
  });
  const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
    debounceMs: DEBOUNCE,
  });
  return { controller, id: created.record.id };
}

const incidents = () => listAt<Draft, 'incidents'>('incidents');
const stored = async (id: string) => (await api.getAssessment(id)).record.incidents.map((i) => i.id);

describe('removals held back by autosave', () => {
  it('a change of status saves the record with a held entry still in it', async () => {
    const { controller, id } = await open();
    const { remove, restore } = listRemoval(incidents(), 0);
    controller.holdRemoval('r1', remove, restore);
    expect(controller.getState().draft.incidents.map((i) => i.id)).toEqual(['i2']);
    await controller.changeStatus({ status: 'active' });
    const after = (await api.getAssessment(id)).record;
    expect(after.status).toBe('active');
    expect(after.incidents.map((i) => i.id)).toEqual(['i1', 'i2']);
    // The view still shows it removed, and letting it go saves the removal.
    expect(controller.getState().draft.incidents.map((i) => i.id)).toEqual(['i2']);
    controller.setChangeReason('Duplicate incident');
    controller.commitRemoval('r1');
    await controller.flush();
    expect(await stored(id)).toEqual(['i2']);
  });

  it('close() commits what is held and saves it before stopping', async () => {
    const { controller, id } = await open();
    const { remove, restore } = listRemoval(incidents(), 1);
    controller.holdRemoval('r1', remove, restore);
    await jest.advanceTimersByTimeAsync(DEBOUNCE * 3);
    expect(await stored(id)).toEqual(['i1', 'i2']);
    await controller.close();
    expect(await stored(id)).toEqual(['i1']);
    expect(controller.heldRemovals()).toEqual([]);
  });

  it('choosing the other version in a conflict drops what was held', async () => {
    const { controller, id } = await open();
    const { remove, restore } = listRemoval(incidents(), 0);
    controller.holdRemoval('r1', remove, restore);
    await api.saveAsSomeoneElse(id, (r) => ({ ...r, learner: { ...r.learner, yearGroup: 'Year 9' } }));
    controller.edit((d) => ({ ...d, learner: { ...d.learner, keyAdult: 'Ms Khan' } }));
    await jest.advanceTimersByTimeAsync(DEBOUNCE * 2);
    expect(controller.getState().status.kind).toBe('conflict');
    controller.resolveConflict('theirs');
    expect(controller.heldRemovals()).toEqual([]);
    expect(controller.undoRemoval('r1')).toBe(false);
    expect(controller.getState().draft.incidents.map((i) => i.id)).toEqual(['i1', 'i2']);
  });
});
