/**
 * The shapes the content routes serve (GET /api/content/risk-template and /api/content/language) are
 * core's own content types (core/content/schema.ts): bot, tab and Word add-in read one model.
 * Type-only imports: the tab bundles none of the schema code.
 */
import type {
  HackettGuide,
  LanguageGuide,
  LanguageTerm,
  RiskContextTemplate,
  RiskScales,
  RiskTemplate,
} from '../../../core/content/schema';

export type { HackettGuide, LanguageGuide, LanguageTerm, RiskTemplate };
export type TemplateContext = RiskContextTemplate;
export type ScalePoint = RiskScales['likelihood'][number];
