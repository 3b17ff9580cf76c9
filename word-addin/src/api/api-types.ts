import type { Clause, LanguageGuide, RiskTemplate } from '../../../core/content/schema.js';
import type { Assessment, AssessmentSummary } from '../../../core/assessment/schema.js';

/**
 * A clause as GET /api/clauses serves it: with `checkedOn` (the date it was checked against the official
 * text of its editions) or null, and `verify` (what is still to check) or null.
 */
export type LibraryClause = { checkedOn: string | null; verify: string | null } & Pick<
  Clause,
  | 'id'
  | 'version'
  | 'kind'
  | 'section'
  | 'order'
  | 'title'
  | 'body'
  | 'variables'
  | 'sources'
  | 'guidanceEdition'
>;

export type ClauseKind = LibraryClause['kind'];

export interface ClauseList {
  items: LibraryClause[];
}

/** GET /api/content/risk-template: contexts, scales, decision and review. */
export type RiskTemplateResponse = RiskTemplate;

/** GET /api/content/language: the language guide. */
export type LanguageGuideResponse = LanguageGuide;

/** GET /api/me */
export interface Me {
  mode: 'local' | 'm365';
  displayName?: string;
  kind?: string;
  /** The safeguarding teams whose records the caller may open (one school each). */
  schools?: { schoolId: string; teamId: string | null }[];
}

export interface AssessmentList {
  items: (AssessmentSummary & { overdue?: boolean })[];
}

export type AssessmentRecord = Assessment;
