import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LanguageGuide, RiskTemplate, TemplateContext } from '../../../tab/src/api/content-types';

const dir = join(__dirname, '..', '..', '..', 'content');
const read = (...parts: string[]) =>
  parse(readFileSync(join(dir, ...parts), 'utf8')) as Record<string, unknown>;

/** The real content files, in the shapes the content routes serve (content/README.md). */
export function riskTemplate(): RiskTemplate {
  const contextsDir = join(dir, 'risk-assessment', 'contexts');
  const contexts = readdirSync(contextsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => read('risk-assessment', 'contexts', f) as unknown as TemplateContext);
  return {
    contexts,
    scales: read('risk-assessment', 'scales.yaml') as unknown as RiskTemplate['scales'],
    decision: read('risk-assessment', 'decision.yaml') as unknown as RiskTemplate['decision'],
    review: read('risk-assessment', 'review.yaml') as unknown as RiskTemplate['review'],
  };
}

export function languageGuide(): LanguageGuide {
  return read('guides', 'language.yaml') as unknown as LanguageGuide;
}
