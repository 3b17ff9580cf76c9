/**
 * The shapes of the content routes (GET /api/content/risk-template and /api/content/language), as
 * the tab uses them: content/README.md describes the files they come from. Only the fields the tab
 * reads are listed, so extra fields added later do no harm.
 */
export interface Source {
  title: string;
  url: string;
}

export interface TemplateContext {
  /** `context.<contextId>`, e.g. `context.classroom`. */
  id: string;
  title: string;
  order: number;
  body?: string;
  prompts: string[];
  exampleStrategies: string[];
  guidanceEdition?: string;
  sources?: Source[];
}

export interface ScalePoint {
  value: number;
  label: string;
  description: string;
}

export interface LevelDescription {
  level: 'low' | 'medium' | 'high';
  label: string;
  description: string;
}

export interface DecisionOptionContent {
  id: string;
  title: string;
  description: string;
  whenToConsider: string[];
}

export interface DecisionFactorContent {
  id: string;
  title: string;
  prompt: string;
}

export interface RiskTemplate {
  contexts: TemplateContext[];
  scales: { likelihood: ScalePoint[]; impact: ScalePoint[]; levels: LevelDescription[]; body?: string };
  decision: { options: DecisionOptionContent[]; factors: DecisionFactorContent[]; body?: string };
  review: { prompts: string[]; earlyReviewTriggers: string[]; body?: string };
}

export interface LanguageTerm {
  id: string;
  term: string;
  match: string[];
  alternatives: string[];
  why: string;
  scope: 'child' | 'any';
}

export interface LanguageGuide {
  terms: LanguageTerm[];
  body?: string;
}
