import { currentRiskLevel } from '../../assessment/risk-level.js';
import type { Risk, RiskAffects } from '../../assessment/schema.js';
import { affectsLabels, affectsText } from '../../content/labels.js';
import type { DocumentAudience } from '../document-audiences.js';
import { present, ukDate, yesNo, type DocumentWriter } from '../document-writer.js';

// The risks with what is in place for each, and the views of the learner and their parents.

/**
 * Who could be harmed, for one audience. The learner's parents read "other children" where staff read
 * "the child harmed": the plan tells them what is in place, not who was harmed.
 */
function affectsLabel(affects: Risk['affects'], audience: DocumentAudience): string {
  const label = (a: RiskAffects) =>
    audience === 'parents' && a === 'harmed' ? affectsLabels.others : affectsLabels[a];
  return affectsText(affects, label) || '—';
}

export function risksSection(w: DocumentWriter): void {
  const { record, audience, labels, sees, blocks, text, aboutOther, said, h, p } = w;
  if (sees.has('risks')) {
    h('Risks and what is in place');
    if (record.risks.length === 0) p('No risks have been recorded yet.');
    for (const risk of record.risks) {
      const context =
        risk.context !== 'other'
          ? labels.context(risk.context)
          : aboutOther(risk.contextLabel)
            ? labels.context('other')
            : text(risk.contextLabel);
      blocks.push({ kind: 'heading', level: 2, text: context });
      blocks.push({
        kind: 'fields',
        rows: present([
          ['The risk', said(risk.description)],
          ['Who could be harmed', affectsLabel(risk.affects, audience)],
          ['Level before strategies', labels.level(risk.levelBefore)],
          ['Level with strategies in place', risk.levelAfter ? labels.level(risk.levelAfter) : '—'],
          ['Level now', labels.level(currentRiskLevel(risk))],
        ]),
      });
      const shown = risk.strategies.filter((s) => !aboutOther(s.action) && !aboutOther(s.owner));
      if (risk.strategies.length === 0 || shown.length > 0) {
        blocks.push({
          kind: 'table',
          columns: ['Strategy', 'Who', 'From', 'In place'],
          rows: shown.length
            ? shown.map((s) => [text(s.action), text(s.owner), ukDate(s.startDate), yesNo(s.inPlace)])
            : [['No strategies agreed yet.', '—', '—', '—']],
        });
      }
    }
  }
}

export function viewsSection(w: DocumentWriter): void {
  const { record, sees, blocks, said, h } = w;
  if (sees.has('views') && record.views) {
    const rows = present([
      ["The learner's views", said(record.views.learner)],
      ["Parents' and carers' views", said(record.views.parentsCarers)],
    ]);
    if (rows.length) {
      h('Views');
      blocks.push({ kind: 'fields', rows });
    }
  }
}
