import type { RepositoryAccess } from './assessment-repository.js';

/** What a retention erasure removes outright; the domain decides it, the backend carries it out. */
export interface ErasureTarget {
  childId: string;
  /** The child's own plans, with their audit lines and any versions the backend keeps. */
  planIds: readonly string[];
  /** Cases in which no other child remains: nothing of them is anyone else's record. */
  caseIds: readonly string[];
  /** Chronology entries about the child, or of a case that goes. */
  chronologyIds: readonly string[];
}

/**
 * The one line an erasure leaves behind. It carries no personal data: the erase id, who erased, when,
 * the DSL's reason with names taken out, and how much went.
 */
export interface ErasureLine {
  id: string;
  at: string;
  actorId: string;
  reason: string;
  counts: { plans: number; cases: number; casesKept: number; chronology: number; documents: number };
}

/**
 * Deletion for retention, the only deletion the product has (records are otherwise append-only and
 * versioned). Every backend that holds case records implements it.
 */
export interface RecordEraser {
  /**
   * Removes the child record, the plans, cases and chronology entries named, every audit line about
   * any of them, and their participation in cases. All or nothing where the backend can.
   */
  erase(target: ErasureTarget): Promise<void>;
  /** Replaces a chronology entry's summary: only an erasure may change a written entry. */
  rewriteChronology(id: string, summary: string): Promise<void>;
  /** Removes generated documents of these plans from the archive; answers how many went. */
  eraseDocuments(planIds: readonly string[]): Promise<number>;
  recordErasure(line: ErasureLine): Promise<void>;
  /** Erasure lines, newest first. */
  erasures(): Promise<ErasureLine[]>;
}

export interface RecordEraserStore {
  eraserFor(schoolId: string, access?: RepositoryAccess): RecordEraser;
}

export function hasRecordEraser<S extends object>(store: S): store is S & RecordEraserStore {
  return typeof (store as Partial<RecordEraserStore>).eraserFor === 'function';
}
