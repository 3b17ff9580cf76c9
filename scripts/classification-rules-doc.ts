/**
 * Writes docs/classification-rules.md from the rule table in core/classify/rules.ts, so the page a
 * safeguarding reviewer reads is the table the code runs. tests/unit/classify/rules-doc.test.ts fails
 * when the page is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { projectRoot } from '../bot/src/paths.js';
import { classificationRulesMarkdown } from '../core/classify/index.js';

export async function classificationRulesPage(target: string): Promise<string> {
  const options = (await resolveConfig(target)) ?? {};
  return format(classificationRulesMarkdown(), { ...options, filepath: target });
}

export const RULES_PAGE = join(projectRoot(), 'docs', 'classification-rules.md');

if (require.main === module) {
  void classificationRulesPage(RULES_PAGE).then((page) => {
    writeFileSync(RULES_PAGE, page);
    console.log(`wrote ${RULES_PAGE}`);
  });
}
