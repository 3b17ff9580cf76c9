import { describe, expect, it } from '@jest/globals';
import { listAt, listRemoval } from '../../tab/src/ui/undo-removal';

interface Doc {
  items: { id: string; text: string }[];
  rows: { name: string }[];
}
const doc: Doc = {
  items: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase() })),
  rows: [{ name: 'x' }, { name: 'y' }, { name: 'z' }],
};
const ids = (d: Doc) => d.items.map((i) => i.id);

describe('listRemoval', () => {
  it('puts entries back in their places when undone latest first (as autosave restores them)', () => {
    const b = listRemoval(listAt<Doc, 'items'>('items'), 1);
    const c = listRemoval(listAt<Doc, 'items'>('items'), 1);
    const afterBoth = c.remove(b.remove(doc));
    expect(ids(afterBoth)).toEqual(['a', 'd']);
    expect(ids(b.restore(c.restore(afterBoth)))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('undone in another order, each entry goes back beside a neighbour it had, none lost', () => {
    const b = listRemoval(listAt<Doc, 'items'>('items'), 1);
    const c = listRemoval(listAt<Doc, 'items'>('items'), 1);
    const afterBoth = c.remove(b.remove(doc));
    const bBack = b.restore(afterBoth);
    expect(ids(bBack)).toEqual(['a', 'b', 'd']);
    expect([...ids(c.restore(bBack))].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(c.restore(bBack)).indexOf('c')).toBe(ids(c.restore(bBack)).indexOf('a') + 1);
  });

  it('never adds an entry twice, and keeps an entry added meanwhile', () => {
    const b = listRemoval(listAt<Doc, 'items'>('items'), 1);
    const removed = b.remove(doc);
    expect(ids(b.restore(doc))).toEqual(['a', 'b', 'c', 'd']);
    const added = { ...removed, items: [...removed.items, { id: 'e', text: 'E' }] };
    expect(ids(b.restore(added))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('puts an entry without an id back at its old position', () => {
    const y = listRemoval(listAt<Doc, 'rows'>('rows'), 1);
    const removed = y.remove(doc);
    expect(removed.rows).toEqual([{ name: 'x' }, { name: 'z' }]);
    expect(y.restore(removed).rows).toEqual(doc.rows);
  });

  it('changes nothing when the index is no longer in the list', () => {
    const gone = listRemoval(listAt<Doc, 'items'>('items'), 9);
    expect(gone.remove(doc)).toBe(doc);
    expect(gone.restore(doc)).toBe(doc);
  });
});
