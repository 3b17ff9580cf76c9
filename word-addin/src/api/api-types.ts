import type { LanguageGuide, RiskTemplate } from '../../../core/content/schema.js';
import type { Assessment, AssessmentSummary } from '../../../core/assessment/schema.js';

export type { ClauseKind, LibraryClause, Me } from '../../../core/api/browser-client.js';

/** GET /api/content/risk-template: contexts, scales, decision and review. */
export type RiskTemplateResponse = RiskTemplate;

/** GET /api/content/language: the language guide. */
export type LanguageGuideResponse = LanguageGuide;

export interface AssessmentList {
  items: (AssessmentSummary & { overdue?: boolean })[];
}

export type AssessmentRecord = Assessment;
