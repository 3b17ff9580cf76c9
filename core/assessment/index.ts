export * from './schema.js';
export { riskLevel, currentRiskLevel, overallRisk, higherRisk } from './risk-level.js';
export { formatCaseRef, parseCaseRef, isCaseRef, nextCaseRef } from './case-ref.js';
export { nextReviewDate, isOverdue, isDue, daysUntilDue, suggestedReviewWeeks } from './review-schedule.js';
export { activationProblems, checkLifecycle, changedFields } from './lifecycle.js';
export {
  normaliseContent,
  assessmentContent,
  readStoredPlan,
  defaultNewId,
  type NewId,
} from './normalise.js';
export { AssessmentService, type AssessmentServiceOptions } from './assessment-service.js';
export { type SummaryView, type DueView } from './plan-lists.js';
export {
  stageView,
  stageSourceOfPlan,
  ANOTHER_CHILD,
  type StageView,
  type StageChild,
  type StageContext,
  type StageDecision,
  type StagePlan,
  type StageRiskAssessment,
  type StageSupportPlan,
  type StageSource,
  type StageSourceChild,
  type StageStrategy,
} from './stage-view.js';
export { StageService, type StageAnswer, type StageServiceOptions } from './stage-service.js';
