import { createRedactor } from '../privacy/index.js';
import { currentRiskLevel } from './risk-level.js';
import type { Assessment, AssessmentStatus, RiskContext, RiskLevel } from './schema.js';

/**
 * What the meeting stage shows (DESIGN §6): everyone in a Teams meeting sees the stage, guests and
 * external users included, so it carries the plan — contexts, strategies and who owns them — and
 * nothing that identifies or describes a child: no names, no dates of birth, no incidents, no views,
 * no decision rationale, no risk descriptions.
 */
export interface StageView {
  id: string;
  caseRef: string;
  status: AssessmentStatus;
  overallRisk: RiskLevel | null;
  nextReview: string | null;
  contexts: StageContext[];
}

export interface StageContext {
  id: string;
  context: RiskContext;
  /** Only for context "other"; children's names are removed. */
  contextLabel?: string;
  levelBefore: RiskLevel;
  levelAfter?: RiskLevel;
  currentLevel: RiskLevel;
  strategies: StageStrategy[];
}

export interface StageStrategy {
  id: string;
  /** The strategy's wording with every child's name replaced by {@link NAME_REMOVED}. */
  action: string;
  owner: string;
  startDate?: string;
  inPlace: boolean;
}

export const NAME_REMOVED = '[name removed]';

/** The redacted projection of an assessment for the meeting stage. */
export function stageView(record: Assessment): StageView {
  // Strategy wording and owners are free text written in a meeting, so a child's name can slip in
  // ("Alex to use the staff toilet"); every name, whole or in part and in any form, goes, and so does
  // every mention. Removing too much is the safe side. One redactor per record keeps this linear.
  const children = [
    { id: record.id, name: record.learner.name },
    ...record.otherChildren.map((c) => ({ id: c.id, name: c.name })),
  ];
  const redactor = createRedactor({ others: children, replacement: NAME_REMOVED });
  const clean = (text: string): string => redactor.redact(text);
  return {
    id: record.id,
    caseRef: record.caseRef,
    status: record.status,
    overallRisk: record.overallRisk,
    nextReview: record.review.nextDue ?? null,
    contexts: record.risks.map((risk) => ({
      id: risk.id,
      context: risk.context,
      ...(risk.contextLabel ? { contextLabel: clean(risk.contextLabel) } : {}),
      levelBefore: risk.levelBefore,
      ...(risk.levelAfter ? { levelAfter: risk.levelAfter } : {}),
      currentLevel: currentRiskLevel(risk),
      strategies: risk.strategies.map((s) => ({
        id: s.id,
        action: clean(s.action),
        owner: clean(s.owner),
        ...(s.startDate ? { startDate: s.startDate } : {}),
        inPlace: s.inPlace,
      })),
    })),
  };
}
