import type { PlanRecord } from '../assessment/schema.js';
import type { Case, Referral } from '../cases/case.js';
import type { Child } from '../cases/child.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import { ANOTHER_CHILD, createRedactor, type NamedChild } from '../privacy/index.js';
import { mapProse } from '../privacy/index.js';
import type { Transfer } from './transfer.js';

/** What another child becomes wherever one child's own record is read, exported or transferred. */
export { ANOTHER_CHILD };

/** One case as it concerns the child: their part in it, never another child's. */
export interface CaseAsItConcerns {
  caseRef: string;
  status: Case['status'];
  roles: Case['participants'][number]['roles'];
  /** The case's pseudonym for this child. */
  label: string;
  /** How many other children the case has; who they are is not the child's to know. */
  otherChildren: number;
  summary?: string;
  incidents: Case['incidents'];
  decision?: Case['decision'];
  referrals: Referral[];
}

/** A plan in the child's own file: another child's wishes and details are not part of it. */
export type PlanInFile = Omit<PlanRecord, 'otherChildren'> & {
  otherChildren: { role: PlanRecord['otherChildren'][number]['role'] }[];
};

/** GET /api/children/:id/export: everything held about one child, and nothing about another. */
export interface SubjectAccessExport {
  generatedAt: string;
  child: Omit<Child, 'transfers'>;
  plans: PlanInFile[];
  cases: CaseAsItConcerns[];
  chronology: ChronologyEntry[];
  transfers: Transfer[];
}

export interface SubjectAccessSources {
  child: Child;
  plans: readonly PlanRecord[];
  cases: readonly Case[];
  chronology: readonly ChronologyEntry[];
  /** Every other child of the child's cases, by name, so that a name typed by hand is caught too. */
  others: readonly NamedChild[];
  generatedAt: string;
}

/**
 * The child's own record for a subject access request or a transfer. Other children are replaced by
 * "another child" in every free-text field (names in any Unicode form, and mention tokens); entries
 * about another child, another child's wishes and their details in a plan are left out entirely.
 */
export function subjectAccessExport(sources: SubjectAccessSources): SubjectAccessExport {
  const { child } = sources;
  const redactor = createRedactor({
    others: sources.others.filter((o) => o.id !== child.id),
    own: { id: child.id, name: child.name },
    replacement: ANOTHER_CHILD,
  });
  const clean = <T>(value: T): T => mapProse(value, (t) => redactor.redact(t));

  const plans = sources.plans
    .filter((p) => p.childId === child.id)
    .map((p): PlanInFile => {
      const { otherChildren, decision, ...rest } = p;
      // A risk assessment's decision records the harmed child's wishes: theirs, not this child's.
      const ownDecision = decision ? (({ victimWishes: _w, ...d }) => d)(decision) : undefined;
      return clean({
        ...rest,
        ...(ownDecision ? { decision: ownDecision } : {}),
        otherChildren: otherChildren.map((o) => ({ role: o.role })),
      });
    });

  const cases = sources.cases.flatMap((c): CaseAsItConcerns[] => {
    const own = c.participants.find((p) => p.childId === child.id);
    if (!own) return [];
    return [
      clean({
        caseRef: c.caseRef,
        status: c.status,
        roles: own.roles,
        label: own.label,
        otherChildren: c.participants.length - 1,
        ...(c.summary !== undefined ? { summary: c.summary } : {}),
        incidents: c.incidents,
        ...(c.decision ? { decision: c.decision } : {}),
        referrals: c.agencies.referrals,
      }),
    ];
  });

  const caseIds = new Set(
    sources.cases.filter((c) => c.participants.some((p) => p.childId === child.id)).map((c) => c.id),
  );
  const chronology = sources.chronology
    .filter((e) =>
      e.childId !== undefined ? e.childId === child.id : e.caseId !== undefined && caseIds.has(e.caseId),
    )
    .map((e) => clean(e));

  const { transfers = [], ...record } = child;
  return {
    generatedAt: sources.generatedAt,
    child: clean(record),
    plans,
    cases,
    chronology,
    transfers: clean(transfers),
  };
}
