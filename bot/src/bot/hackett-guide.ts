import type { ClassificationAction, HackettLevel } from '../../../core/index.js';
import type { SourceLink } from './faq-answers.js';

/** One level of Hackett's continuum as the content library describes it (content/guides/hackett.yaml). */
export interface HackettLevelGuide {
  id: HackettLevel;
  title: string;
  description: string;
  /** What a school typically does next: guidance for the DSL's judgement, never a decision. */
  schoolResponse: readonly string[];
}

export interface HackettGuide {
  level(id: HackettLevel): HackettLevelGuide;
  /** The title of one of KCSIE's four options (content/risk-assessment/decision.yaml). */
  actionTitle(action: ClassificationAction): string;
  sources: readonly SourceLink[];
  guidanceEdition: string;
}
