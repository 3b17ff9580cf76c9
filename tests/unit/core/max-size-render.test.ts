import {
  contentLabels,
  assessmentDocument,
  stageSourceOfPlan,
  stageView,
  type StageRiskAssessment,
} from '../../../core/index.js';
import {
  MAX_RISKS,
  MAX_STRATEGIES,
  maxSizeAssessmentBody,
  otherChildName,
  storedAssessment,
} from '../../helpers/max-size-assessment.js';
import { realContent } from '../../helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

/**
 * The record that once froze the server (13 s on the stage when redaction was quadratic) still renders
 * with every name gone. How long it takes is measured in bench/redaction.bench.ts, not here.
 */
describe('rendering a maximum-size record', () => {
  const body = maxSizeAssessmentBody();
  const record = storedAssessment(body);

  it('is the record that froze the server: about 70–100 KB within the schema limits', () => {
    const bytes = Buffer.byteLength(JSON.stringify(body));
    expect(bytes).toBeGreaterThan(60_000);
    expect(bytes).toBeLessThan(100_000);
    expect(record.risks).toHaveLength(MAX_RISKS);
    expect(record.risks.every((r) => r.strategies.length === MAX_STRATEGIES)).toBe(true);
  });

  it('renders the stage view and the parents’ document with every name gone', () => {
    const stage = stageView(stageSourceOfPlan(record));
    const parents = assessmentDocument(record, 'parents', { generatedOn: '2026-03-10', labels });

    const strategies = (stage.plan as StageRiskAssessment).contexts.flatMap((c) => c.strategies);
    expect(strategies).toHaveLength(MAX_RISKS * MAX_STRATEGIES);
    expect(
      strategies
        .filter((s) => s.action.startsWith('Away from'))
        .every((s) => /\bChild [B-I]\b/.test(s.action)),
    ).toBe(true);
    const everything = JSON.stringify([stage, parents])
      .normalize('NFKD')
      .replace(/\p{M}|\u00ad/gu, '')
      .toLowerCase();
    for (let i = 0; i < 8; i++) {
      const first = otherChildName(i).split(' ')[0]!.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      expect(everything).not.toContain(first);
    }
    // The parents' document keeps the strategies that name no child, and only those.
    expect(JSON.stringify(parents)).toContain('Escort 48');
    expect(JSON.stringify(parents)).not.toContain('Away from');
  });
});
