import { describe, expect, it } from '@jest/globals';
import { createAssessmentSchema, normaliseContent, type Assessment } from '../../core/index';
import { contentLabels } from '../../core/content/labels';
import { templateContexts } from '../../core/content/schema';
import { assessmentDocument } from '../../core/documents/assessment-document';
import { buildReferral } from '../../core/referral/build-referral';
import { contextTitle } from '../../tab/src/content/use-content';
import { canaryAssessment, canaryAssessmentBody } from '../helpers/canary-assessment';
import { riskTemplate } from './support/content';

/** An assessment with one risk, with one strategy, in every context of the template. */
function everyContext(): Assessment {
  const body = canaryAssessmentBody() as { risks: Record<string, unknown>[] };
  const [first] = body.risks as [{ strategies: Record<string, unknown>[] } & Record<string, unknown>];
  body.risks = templateContexts.map((context) => ({
    ...first,
    id: `risk-${context}`,
    context,
    strategies: [{ ...first.strategies[0], id: `strategy-${context}`, action: `Plan for ${context}` }],
  }));
  const content = normaliseContent(createAssessmentSchema.parse(body), 'active', () => 'x1');
  return { ...canaryAssessment(), ...content, reviews: [] };
}

describe('labels come from content/, one title per context everywhere staff see it', () => {
  const template = riskTemplate();
  const labels = contentLabels(template);
  const assessment = everyContext();
  const document = JSON.stringify(
    assessmentDocument(assessment, 'staff', { generatedOn: '2026-12-02', labels }).blocks,
  );
  const referral = buildReferral({ assessment, clauses: [], profile: {}, today: '2026-12-02', labels })
    .sections.flatMap((s) => s.paragraphs)
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n');

  it.each(templateContexts)(
    'gives %s the same title in the tab, the documents and the referral',
    (context) => {
      const title = template.contexts.find((c) => c.context === context)!.title;
      expect(contextTitle(template, context)).toBe(title);
      expect(labels.context(context)).toBe(title);
      expect(document).toContain(JSON.stringify(title));
      expect(referral).toContain(`${title}: Plan for ${context}`);
    },
  );

  it('names risk levels and strategy effects as content/ does', () => {
    for (const { level, label } of template.scales.levels) expect(labels.level(level)).toBe(label);
    for (const { id, label } of template.review.strategyImpacts)
      expect(labels.strategyImpact(id)).toBe(label);
    expect(document).toContain(JSON.stringify(labels.level(assessment.risks[0]!.levelBefore)));
  });
});
