import { decisionLabels, sharingLabels } from '../labels.js';
import { ukDate, type DocumentWriter } from '../document-writer.js';

// The DSL's decision and who has been told.

export function decisionSection(w: DocumentWriter): void {
  const { record, sees, ownFile, blocks, text, h } = w;
  if (sees.has('decision') && record.decision) {
    h('The decision');
    const rows: [string, string][] = [
      ['Decided', record.decision.options.map((o) => decisionLabels[o]).join('; ')],
    ];
    if (sees.has('decisionReasons')) {
      rows.push(
        ['Factors weighed', record.decision.factors.map((f) => f.replace(/-/g, ' ')).join(', ') || '—'],
        // Another child's wishes are theirs: the child's own file, sent on or disclosed, leaves them out.
        ...(ownFile
          ? []
          : [["The harmed child's wishes", text(record.decision.victimWishes)] as [string, string]]),
        ['Why (the DSL’s reasons)', text(record.decision.rationale)],
        ['Decided by', text(record.decision.decidedBy)],
        ['Decided on', ukDate(record.decision.decidedOn)],
      );
    }
    blocks.push({ kind: 'fields', rows });
  }
}

export function sharingSection(w: DocumentWriter): void {
  const { record, sees, blocks, h } = w;
  if (sees.has('sharing') && record.sharing.length) {
    h('Who has been told');
    blocks.push({
      kind: 'table',
      columns: ['Audience', 'Who', 'Told on'],
      rows: record.sharing.map((s) => [sharingLabels[s.audience] ?? s.audience, s.who, ukDate(s.informedOn)]),
    });
  }
}
