import { ukDate, type DocumentWriter } from '../document-writer.js';

// The end of the record: staff-only notes, closing, the chronology and sign-off.

export function staffNotesSection(w: DocumentWriter): void {
  const { record, sees, h, p } = w;
  if (sees.has('staffNotes') && record.staffNotes) {
    h('Staff-only notes');
    p(record.staffNotes);
  }
}

export function closingSection(w: DocumentWriter): void {
  const { record, sees, blocks, text, h } = w;
  if (sees.has('closing') && record.status === 'closed') {
    h('Closed');
    blocks.push({
      kind: 'fields',
      rows: [
        ['Closed on', ukDate(record.closedOn)],
        ['Why', text(record.closingReason)],
      ],
    });
  }
}

export function otherChildrenNote(w: DocumentWriter): void {
  const { record, ownFile, h, p } = w;
  if (ownFile && record.otherChildren.length) {
    h('Other children');
    p('Other children involved in this case are not named in this record; each has a record of their own.');
  }
}

export function chronologySection(w: DocumentWriter): void {
  const { audience, chronology, ownFile, blocks, text, h } = w;
  if (chronology?.length && (ownFile || audience === 'full')) {
    h('Chronology');
    blocks.push({
      kind: 'table',
      columns: ['Date', 'What', 'Recorded by'],
      rows: chronology.map((e) => [ukDate(e.date), text(e.summary), e.by]),
    });
  }
}

export function signOffSection(w: DocumentWriter): void {
  const { record, sees, blocks, text, aboutOther, h } = w;
  if (sees.has('signOff') && record.signOff.length) {
    h('Signed off');
    blocks.push({
      kind: 'table',
      columns: ['Name', 'Role', 'Date'],
      rows: record.signOff
        .filter((s) => !aboutOther(s.name) && !aboutOther(s.role))
        .map((s) => [text(s.name), text(s.role), ukDate(s.date)]),
    });
  }
}
