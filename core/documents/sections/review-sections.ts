import { ukDate, type DocumentWriter } from '../document-writer.js';

// When the plan is reviewed, and how each review went.

export function reviewPlanSection(w: DocumentWriter): void {
  const { record, sees, blocks, h } = w;
  if (sees.has('reviewPlan')) {
    h('Reviews');
    blocks.push({
      kind: 'fields',
      rows: [
        ['Review every', record.review.frequencyWeeks ? `${record.review.frequencyWeeks} weeks` : '—'],
        ['Next review', ukDate(record.review.nextDue)],
      ],
    });
  }
}

export function reviewHistorySection(w: DocumentWriter): void {
  const { record, audience, labels, sees, parents, blocks, text, aboutOther, said } = w;
  if (sees.has('reviewHistory') && record.reviews.length) {
    const strategyName = new Map(
      record.risks.flatMap((r) =>
        r.strategies
          .filter((s) => !aboutOther(s.action) && !aboutOther(s.owner))
          .map((s) => [s.id, s.action] as const),
      ),
    );
    blocks.push({
      kind: 'table',
      columns:
        audience === 'parents'
          ? ['Reviewed on', 'Changes in behaviour', 'How each strategy worked', 'Next review']
          : [
              'Reviewed on',
              'By',
              'Changes in behaviour',
              'How each strategy worked',
              'Level after review',
              'Next review',
              'Notes',
            ],
      rows: record.reviews.map((r) => {
        const impacts =
          r.strategyImpacts
            .filter((i) => !parents || (strategyName.has(i.strategyId) && !aboutOther(i.note)))
            .map(
              (i) =>
                `${text(strategyName.get(i.strategyId))}: ${labels.strategyImpact(i.impact)}${i.note ? ` (${text(i.note)})` : ''}`,
            )
            .join('; ') || '—';
        return audience === 'parents'
          ? [ukDate(r.date), said(r.behaviourChanges) ?? '—', impacts, ukDate(r.nextDue)]
          : [
              ukDate(r.date),
              text(r.reviewedBy),
              text(r.behaviourChanges),
              impacts,
              r.newRiskLevel ? labels.level(r.newRiskLevel) : '—',
              ukDate(r.nextDue),
              text(r.notes),
            ];
      }),
    });
  }
}
