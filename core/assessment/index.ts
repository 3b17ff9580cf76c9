export * from './schema.js';
export { riskLevel, currentRiskLevel, overallRisk, higherRisk } from './risk-level.js';
export { formatCaseRef, parseCaseRef, isCaseRef, nextCaseRef } from './case-ref.js';
export { nextReviewDate, isOverdue, isDue, daysUntilDue, suggestedReviewWeeks } from './review-schedule.js';
export { activationProblems, checkLifecycle, changedFields } from './lifecycle.js';
export { normaliseContent, assessmentContent, defaultNewId, type NewId } from './normalise.js';
export {
  AssessmentService,
  type AssessmentServiceOptions,
  type SummaryView,
  type DueView,
} from './assessment-service.js';
export {
  stageView,
  NAME_REMOVED,
  type StageView,
  type StageContext,
  type StageStrategy,
} from './stage-view.js';
