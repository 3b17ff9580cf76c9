/**
 * Writes docs/classification-rules.md from the rule table in core/classify/rules.ts, so the page a
 * safeguarding reviewer reads is the table the code runs. tests/unit/classify/regressions.test.ts
 * fails when the page is out of date. Run: npx tsx scripts/classification-rules-doc.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../bot/src/paths.js';
import { classificationRulesMarkdown } from '../core/classify/index.js';

export const RULES_PAGE = join(projectRoot(), 'docs', 'classification-rules.md');

if (require.main === module) {
  writeFileSync(RULES_PAGE, classificationRulesMarkdown());
  console.log(`wrote ${RULES_PAGE}`);
}
