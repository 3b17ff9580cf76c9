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

  describe('Undo puts each entry back in its place, whichever of two neighbours is undone first', () => {
    const four = {
      learner: { name: 'Sam Learner' },
      incidents: ['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, location: `Place ${id}` })),
      // Sharing entries have no ids: they go back by position.
      sharing: ['s1', 's2', 's3', 's4'].map((who) => ({ audience: 'staff', who })),
    };
    const sharingOf = listAt<Draft, 'sharing'>('sharing');
    const ids = (d: Draft) => d.incidents.map((i) => i.id);
    const whos = (d: Draft) => d.sharing.map((s) => s.who);

    async function removeTheMiddleTwo() {
      const created = await api.create(four);
      const controller = new AutosaveController(api, await api.getAssessment(created.record.id), {
        debounceMs: DEBOUNCE,
      });
      // The second and then the third entry, each at index 1 of the list as it is then shown.
      for (const [n, at] of [
        [1, 1],
        [2, 1],
      ] as const) {
        const incident = listRemoval(incidents(), at);
        controller.holdRemoval(`i${n}`, incident.remove, incident.restore);
        const sharing = listRemoval(sharingOf, at);
        controller.holdRemoval(`s${n}`, sharing.remove, sharing.restore);
      }
      expect(ids(controller.getState().draft)).toEqual(['i1', 'i4']);
      expect(whos(controller.getState().draft)).toEqual(['s1', 's4']);
      return { controller, id: created.record.id };
    }

    it.each([
      ['the first removed first', ['1', '2']],
      ['the last removed first', ['2', '1']],
    ])('%s', async (_, order) => {
      const { controller, id } = await removeTheMiddleTwo();
      const [first, second] = order as [string, string];
      expect(controller.undoRemoval(`i${first}`)).toBe(true);
      expect(controller.undoRemoval(`s${first}`)).toBe(true);
      const kept = first === '1' ? 2 : 3;
      expect(ids(controller.getState().draft)).toEqual(['i1', `i${kept}`, 'i4']);
      expect(whos(controller.getState().draft)).toEqual(['s1', `s${kept}`, 's4']);
      // A save meanwhile sends every entry in its place and keeps the other removal held.
      await controller.flush();
      await jest.advanceTimersByTimeAsync(DEBOUNCE * 2);
      expect(await stored(id)).toEqual(['i1', 'i2', 'i3', 'i4']);
      expect(controller.undoRemoval(`i${second}`)).toBe(true);
      expect(controller.undoRemoval(`s${second}`)).toBe(true);
      expect(ids(controller.getState().draft)).toEqual(['i1', 'i2', 'i3', 'i4']);
      expect(whos(controller.getState().draft)).toEqual(['s1', 's2', 's3', 's4']);
    });

    it('a removal let go after its neighbour was undone removes that entry alone', async () => {
      const { controller, id } = await removeTheMiddleTwo();
      controller.undoRemoval('i1');
      controller.undoRemoval('s1');
      controller.commitRemoval('i2');
      controller.commitRemoval('s2');
      await controller.flush();
      const after = (await api.getAssessment(id)).record;
      expect(after.incidents.map((i) => i.id)).toEqual(['i1', 'i2', 'i4']);
      expect(after.sharing.map((s) => s.who)).toEqual(['s1', 's2', 's4']);
    });
  });
});
