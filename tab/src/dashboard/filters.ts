import type { AssessmentStatus, RiskLevel } from '../../../core/assessment/schema';
import type { CaseStatus } from '../../../core/cases/case';
import type { CaseSummary, ListQuery, SummaryRow } from '../api/api-client';

export interface DashboardFilters {
  status: 'open' | AssessmentStatus | 'all';
  review: 'any' | 'overdue' | 'due14';
  risk: 'any' | RiskLevel;
  /** Matches the case reference or the learner's name; never leaves the browser. */
  text: string;
}

export const defaultFilters: DashboardFilters = { status: 'open', review: 'any', risk: 'any', text: '' };

/** The part of the filters the server applies (status and review window). */
export function queryFor(filters: DashboardFilters): ListQuery {
  const status: AssessmentStatus[] | undefined =
    filters.status === 'open' ? ['draft', 'active'] : filters.status === 'all' ? undefined : [filters.status];
  return {
    ...(status ? { status } : {}),
    ...(filters.review === 'due14' ? { dueWithinDays: 14 } : {}),
    ...(filters.review === 'overdue' ? { dueWithinDays: 0 } : {}),
  };
}

/** The rest, applied in the browser, then sorted: overdue first, then by next review, then by case. */
export function filterRows(rows: readonly SummaryRow[], filters: DashboardFilters): SummaryRow[] {
  const text = filters.text.trim().toLowerCase();
  return rows
    .filter((r) => filters.review !== 'overdue' || r.overdue)
    .filter((r) => filters.risk === 'any' || r.overallRisk === filters.risk)
    .filter(
      (r) => !text || r.caseRef.toLowerCase().includes(text) || r.learnerName.toLowerCase().includes(text),
    )
    .sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      const ad = a.nextDue ?? '9999-12-31';
      const bd = b.nextDue ?? '9999-12-31';
      if (ad !== bd) return ad < bd ? -1 : 1;
      return a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : 0;
    });
}

/** The case statuses the status filter asks the server for: a draft or active plan is in an open case. */
export function caseStatusesFor(filters: DashboardFilters): CaseStatus[] | undefined {
  if (filters.status === 'all') return undefined;
  return filters.status === 'closed' ? ['closed'] : ['open'];
}

/** Cases matching the text (case reference only: case rows carry no names), most recently changed first. */
export function filterCases(cases: readonly CaseSummary[], filters: DashboardFilters): CaseSummary[] {
  const text = filters.text.trim().toLowerCase();
  return cases
    .filter((c) => !text || c.caseRef.toLowerCase().includes(text))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
