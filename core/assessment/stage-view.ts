import { participantLabel, type CaseDecision } from '../cases/case.js';
import { ANOTHER_CHILD, createRedactor } from '../privacy/index.js';
import { currentRiskLevel } from './risk-level.js';
import type {
  AssessmentStatus,
  AssessmentStrategy,
  ChildRole,
  Decision,
  DecisionOption,
  PlanKind,
  PlanRecord,
  RiskAffects,
  RiskContext,
  RiskLevel,
} from './schema.js';

/**
 * What the meeting stage shows. Everyone in a Teams meeting sees the stage — parents, other
 * agencies, guests and external users — so every child on it is the case's pseudonym ("Child A"),
 * the child the plan is about too, and it carries what the meeting agrees, never what happened or
 * what anyone said: no names, dates of birth, incidents, views, risk descriptions or reasons.
 * It is computed on the server only; the browser renders it as it comes.
 */
export interface StageView {
  /** Null for a plan kept outside a case (a backend that holds no cases yet). */
  caseId: string | null;
  caseRef: string;
  children: StageChild[];
  /** The plan being discussed, or null when the stage shows the case alone. */
  plan: StagePlan | null;
}

export interface StageChild {
  label: string;
  roles: ChildRole[];
  /** The kind and status of the child's plan in the case, when one was made. */
  plan?: { kind: PlanKind; status: AssessmentStatus };
}

interface StagePlanBase {
  id: string;
  /** The pseudonym of the child the plan is about. */
  label: string;
  status: AssessmentStatus;
  nextReview: string | null;
}

export interface StageRiskAssessment extends StagePlanBase {
  kind: 'risk-assessment';
  overallRisk: RiskLevel | null;
  contexts: StageContext[];
  decision: StageDecision | null;
}

/**
 * A support plan on the stage: only what the meeting itself must agree and everyone must follow —
 * the adjustments for the child and the arrangements for contact with the other child. The child's
 * views and wishes, who they want told, their safe spaces and trusted adults, and their support
 * measures (which name where and with whom they find help) stay with the staff: shown to the other
 * family or an outside agency, they could tell someone where to find the child or what the child
 * said in confidence. Online help (Report Remove) would reveal that images were shared.
 */
export interface StageSupportPlan extends StagePlanBase {
  kind: 'support-plan';
  adjustments: string | null;
  contactWithOtherChild: string | null;
}

export type StagePlan = StageRiskAssessment | StageSupportPlan;

/**
 * The ways forward the DSL decided, and when. The factors weighed are left off (they say whether
 * the children are related or in a relationship, and whether one had power over the other), and so
 * is the rationale, which is the DSL's account of the case.
 */
export interface StageDecision {
  options: DecisionOption[];
  decidedOn?: string;
}

export interface StageContext {
  id: string;
  context: RiskContext;
  /** Only for context "other"; children appear as their pseudonyms. */
  contextLabel?: string;
  /** Who could be harmed here, as chosen: kinds of people, never a child. */
  affects: RiskAffects[];
  levelBefore: RiskLevel;
  levelAfter?: RiskLevel;
  currentLevel: RiskLevel;
  strategies: StageStrategy[];
}

export interface StageStrategy {
  id: string;
  /** The strategy's wording, every child in it as their pseudonym. */
  action: string;
  owner: string;
  startDate?: string;
  inPlace: boolean;
}

/** What a mention of a child outside the case becomes: it names no one. */
export { ANOTHER_CHILD };

/** A child of the case as the server knows them: the name is used only to find it in free text. */
export interface StageSourceChild {
  id: string;
  name: string;
  label: string;
  roles: ChildRole[];
  plan?: { id: string; kind: PlanKind; status: AssessmentStatus };
}

export interface StageSource {
  caseId: string | null;
  caseRef: string;
  children: readonly StageSourceChild[];
  /** The case's own decision, shown when the plan has none of its own. */
  caseDecision?: CaseDecision | undefined;
  /** The plan being discussed; it must be the plan of one of `children`. */
  plan?: PlanRecord | undefined;
}

/**
 * The stage view of a case and, optionally, the plan being discussed. Free text written in a
 * meeting can name a child ("Alex to use the staff toilet"), so every name of every child of the
 * case, typed in any form, and every mention become that child's pseudonym; a mention of a child
 * outside the case becomes "another child". One redactor per view keeps this linear.
 */
export function stageView(source: StageSource): StageView {
  const labels = new Map(source.children.map((c) => [c.id, c.label]));
  const redactor = createRedactor({
    others: source.children.map((c) => ({ id: c.id, name: c.name })),
    replacement: (id) => labels.get(id) ?? ANOTHER_CHILD,
  });
  const clean = (text: string): string => redactor.redact(text);
  const children = source.children.map((c): StageChild => ({
    label: c.label,
    roles: [...c.roles],
    ...(c.plan ? { plan: { kind: c.plan.kind, status: c.plan.status } } : {}),
  }));
  const plan = source.plan;
  let stagePlan: StagePlan | null = null;
  if (plan) {
    const child = source.children.find((c) => c.plan?.id === plan.id);
    const base: StagePlanBase = {
      id: plan.id,
      label: child?.label ?? ANOTHER_CHILD,
      status: plan.status,
      nextReview: plan.review.nextDue ?? null,
    };
    stagePlan =
      plan.kind === 'support-plan'
        ? {
            ...base,
            kind: 'support-plan',
            adjustments: optional(plan.supportPlan?.adjustments, clean),
            contactWithOtherChild: optional(plan.supportPlan?.contactWithOtherChild, clean),
          }
        : {
            ...base,
            kind: 'risk-assessment',
            overallRisk: plan.overallRisk,
            contexts: plan.risks.map((risk) => ({
              id: risk.id,
              context: risk.context,
              ...(risk.contextLabel ? { contextLabel: clean(risk.contextLabel) } : {}),
              affects: [...risk.affects],
              levelBefore: risk.levelBefore,
              ...(risk.levelAfter ? { levelAfter: risk.levelAfter } : {}),
              currentLevel: currentRiskLevel(risk),
              strategies: risk.strategies.map((s) => stageStrategy(s, clean)),
            })),
            decision: stageDecision(plan.decision ?? source.caseDecision),
          };
  }
  return { caseId: source.caseId, caseRef: source.caseRef, children, plan: stagePlan };
}

function stageStrategy(s: AssessmentStrategy, clean: (text: string) => string): StageStrategy {
  return {
    id: s.id,
    action: clean(s.action),
    owner: clean(s.owner),
    ...(s.startDate ? { startDate: s.startDate } : {}),
    inPlace: s.inPlace,
  };
}

function stageDecision(decision: Decision | CaseDecision | undefined): StageDecision | null {
  if (!decision) return null;
  return { options: [...decision.options], ...(decision.decidedOn ? { decidedOn: decision.decidedOn } : {}) };
}

function optional(text: string | undefined, clean: (text: string) => string): string | null {
  const trimmed = text?.trim();
  return trimmed ? clean(trimmed) : null;
}

/**
 * The stage source of a plan kept outside a case (a backend that holds no cases yet): the child the
 * plan is about is "Child A" and the other children listed in it follow in order.
 */
export function stageSourceOfPlan(plan: PlanRecord & { learner: { name: string } }): StageSource {
  return {
    caseId: null,
    caseRef: plan.caseRef,
    plan,
    children: [
      {
        id: plan.childId ?? plan.id,
        name: plan.learner.name,
        label: participantLabel(0),
        roles: [plan.kind === 'support-plan' ? 'harmed' : 'displayedHsb'],
        plan: { id: plan.id, kind: plan.kind, status: plan.status },
      },
      ...plan.otherChildren.map((c, i) => ({
        id: c.id,
        name: c.name,
        label: participantLabel(i + 1),
        roles: [c.role],
      })),
    ],
  };
}
