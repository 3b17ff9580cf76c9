import { ValidationError, type ErrorDetail } from '../errors.js';
import { overallRisk, riskLevel } from './risk-level.js';
import type {
  AssessmentData,
  PlanRecord,
  CreateAssessmentInput,
  Incident,
  OtherChild,
  ReplaceAssessmentInput,
  Risk,
} from './schema.js';

export type NewId = () => string;

export const defaultNewId: NewId = () => globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);

function withId<T extends { id?: string | undefined }>(item: T, newId: NewId): T & { id: string } {
  return { ...item, id: item.id ?? newId() };
}

function checkUnique(items: readonly { id: string }[], path: string, problems: ErrorDetail[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${path}.${i}.id`, problem: 'This id is used twice.' });
    seen.add(item.id);
  });
}

type Content = Omit<CreateAssessmentInput, 'status'> | Omit<ReplaceAssessmentInput, 'status'>;

/** What normalising makes of the input: the plan's content, without what the store or case decide. */
export type NormalContent = Omit<AssessmentData, 'reviews' | 'closedOn' | 'kind' | 'caseId' | 'childId'>;

/**
 * Turns validated input into stored content: assigns ids to new items, computes each risk's levels
 * and the overall risk (any values the client sent for those are ignored), and checks references
 * between items.
 */
export function normaliseContent(
  input: Content,
  status: AssessmentData['status'],
  newId: NewId = defaultNewId,
): NormalContent {
  const problems: ErrorDetail[] = [];
  const incidents: Incident[] = input.incidents.map((i) => withId(i, newId));
  const otherChildren: OtherChild[] = input.otherChildren.map((c) => withId(c, newId));
  const risks: Risk[] = input.risks.map((r) => {
    const { levelBefore: _before, levelAfter: _after, ...rest } = r;
    const risk: Risk = {
      ...withId(rest, newId),
      strategies: r.strategies.map((s) => withId(s, newId)),
      levelBefore: riskLevel(r.likelihood, r.impact),
    };
    if (r.residualLikelihood !== undefined && r.residualImpact !== undefined) {
      risk.levelAfter = riskLevel(r.residualLikelihood, r.residualImpact);
    }
    return risk;
  });

  const measures = (input.supportPlan?.measures ?? []).map((m) => withId(m, newId));

  checkUnique(incidents, 'incidents', problems);
  checkUnique(measures, 'supportPlan.measures', problems);
  checkUnique(otherChildren, 'otherChildren', problems);
  checkUnique(risks, 'risks', problems);
  checkUnique(
    risks.flatMap((r) => r.strategies),
    'strategies',
    problems,
  );
  const incidentIds = new Set(incidents.map((i) => i.id));
  otherChildren.forEach((c, i) =>
    (c.incidentIds ?? []).forEach((id, j) => {
      if (!incidentIds.has(id)) {
        problems.push({ path: `otherChildren.${i}.incidentIds.${j}`, problem: 'No incident has this id.' });
      }
    }),
  );
  if (problems.length > 0) {
    throw new ValidationError(
      'INVALID_REFERENCE',
      'Some items refer to ids that are missing or repeated.',
      problems,
    );
  }

  const content: NormalContent = {
    status,
    incidents,
    otherChildren,
    risks,
    sharing: input.sharing,
    review: input.review,
    signOff: input.signOff,
    overallRisk: overallRisk(risks),
  };
  if (input.learner) content.learner = input.learner;
  if (input.meeting) content.meeting = input.meeting;
  if (input.support !== undefined) content.support = input.support;
  if (input.keyAdultCover !== undefined) content.keyAdultCover = input.keyAdultCover;
  if (input.supportPlan) content.supportPlan = { ...input.supportPlan, measures };
  if (input.agreement) content.agreement = input.agreement;
  if (input.views) content.views = input.views;
  if (input.decision) content.decision = input.decision;
  if (input.staffNotes !== undefined) content.staffNotes = input.staffNotes;
  if (input.closingReason !== undefined) content.closingReason = input.closingReason;
  return content;
}

/** The content of a stored record: everything but the fields the store manages. */
export function assessmentContent(record: PlanRecord): AssessmentData {
  const {
    id: _id,
    caseRef: _caseRef,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    version: _version,
    ...content
  } = record;
  return content;
}

/**
 * A stored plan in the shape today's code reads. Plans saved when "who could be harmed" took one
 * value hold it as a string, or not at all; every backend reads them through here, so each reader
 * sees a list and nothing has to be migrated.
 */
export function readStoredPlan<T extends Pick<PlanRecord, 'risks'>>(stored: T): T {
  const risks = stored.risks as (Omit<Risk, 'affects'> & { affects?: unknown })[] | undefined;
  if (!Array.isArray(risks) || risks.every((r) => Array.isArray(r.affects))) return stored;
  return {
    ...stored,
    risks: risks.map((r) => ({
      ...r,
      affects: typeof r.affects === 'string' ? [r.affects] : Array.isArray(r.affects) ? r.affects : [],
    })),
  };
}
