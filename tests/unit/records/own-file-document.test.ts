import { assessmentDocument, contentLabels } from '../../../core/index.js';
import { canaryAssessment, CANARY_LEARNER } from '../../helpers/canary-assessment.js';
import { realContent } from '../../helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

describe('the child’s own file (document audience "file"), as sent on a transfer', () => {
  const text = (audience: 'file' | 'full') =>
    JSON.stringify(assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10', labels }));

  it('leaves out the harmed child’s wishes, which the full record keeps', () => {
    expect(text('full')).toContain('does not want to move class');
    expect(text('file')).not.toContain('does not want to move class');
    expect(text('file')).not.toContain("The harmed child's wishes");
  });

  it('names the child and no other child, in any form', () => {
    const file = text('file').toLowerCase();
    expect(file).toContain(CANARY_LEARNER.toLowerCase());
    expect(file).not.toContain('robin');
    expect(file).not.toContain('wren');
  });
});
