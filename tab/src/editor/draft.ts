import type {
  Assessment,
  AssessmentStrategy,
  RiskAffects,
  RiskContext,
} from '../../../core/assessment/schema';

/**
 * A risk as the form holds it: likelihood and impact stay empty until the meeting agrees them (a
 * default score would look like a judgement nobody made). Levels are computed on screen from the
 * scores, and by the server on save; they are not kept in the draft.
 */
export interface DraftRisk {
  id: string;
  context: RiskContext;
  contextLabel?: string;
  /** Who could be harmed here; several may be. */
  affects: RiskAffects[];
  description: string;
  likelihood?: number;
  impact?: number;
  residualLikelihood?: number;
  residualImpact?: number;
  strategies: AssessmentStrategy[];
}

/** The assessment being edited: the record as GET returned it, with risks in their draft form. */
export type Draft = Omit<Assessment, 'risks'> & { risks: DraftRisk[] };

export function newItemId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

export function toDraft(record: Assessment): Draft {
  return {
    ...record,
    risks: record.risks.map(({ levelBefore: _b, levelAfter: _a, ...risk }) => risk),
  };
}

export function riskComplete(risk: DraftRisk): boolean {
  return risk.description.trim() !== '' && risk.likelihood !== undefined && risk.impact !== undefined;
}

/** Fields the server manages: never part of a comparison of what the user changed. */
const serverManaged = [
  'id',
  'caseRef',
  'createdAt',
  'updatedAt',
  'version',
  'overallRisk',
  'closedOn',
  'reviews',
] as const;

export type DraftContent = Omit<Draft, (typeof serverManaged)[number]>;

export function contentOf(draft: Draft): DraftContent {
  const copy: Record<string, unknown> = { ...draft };
  for (const key of serverManaged) delete copy[key];
  return copy as DraftContent;
}

/**
 * Sets or clears an optional field: an emptied text box means "not recorded" (the API refuses an
 * empty string where a value must have at least one character).
 */
export function withOptional<T extends object, K extends keyof T>(
  obj: T,
  key: K,
  value: T[K] | '' | undefined,
): T {
  const copy = { ...obj };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value as T[K];
  return copy;
}
