import type { Case, CaseData, CaseStatus, CaseSummary } from '../cases/case.js';
import type { Child, ChildData, ChildSummary } from '../cases/child.js';
import type { ChronologyEntry, ChronologyEntryData } from '../cases/chronology.js';
import type { AssessmentData } from '../assessment/schema.js';
import type { ReportRange, TrendCase } from '../reports/facts.js';
import type {
  AccessContext,
  AuditEntry,
  ChangeContext,
  RepositoryAccess,
  StoredPlan,
} from './assessment-repository.js';

/**
 * The case-centred records of one school: children, cases and chronology (plans stay in the
 * AssessmentRepository). Every backend passes the contract suite in tests/contract. Backends assign
 * ids, timestamps, `version` and ETags, and a case's `caseRef`; they never validate content, which
 * the domain has done already. Every write is audited (who, when, which fields, why — never values).
 */

export interface Stored<T> {
  record: T;
  /** Opaque; quoted as an HTTP entity tag. Changes on every write. */
  etag: string;
}

export type StoredChild = Stored<Child>;
export type StoredCase = Stored<Case>;

export interface ChildRepository {
  create(data: ChildData, context: ChangeContext): Promise<StoredChild>;
  /** @throws NotFoundError */
  get(id: string): Promise<StoredChild>;
  /** Only if `ifMatch` is the current ETag. @throws NotFoundError, ConflictError (`stale`) */
  replace(id: string, data: ChildData, ifMatch: string, context: ChangeContext): Promise<StoredChild>;
  /**
   * Every child of the school, or those with the given ids, ordered by name. Finding a child by
   * name is the domain's job (names are compared in any Unicode form), not the backend's.
   */
  list(query?: { ids?: readonly string[] }): Promise<ChildSummary[]>;
  /** Change and access history, oldest first. @throws NotFoundError */
  history(id: string): Promise<AuditEntry[]>;
  recordAccess(id: string, context: AccessContext): Promise<void>;
}

export interface CaseQuery {
  status?: readonly CaseStatus[];
  /** Only cases this child takes part in. */
  childId?: string;
}

/**
 * Everything a new case is made of. The caller chooses the ids, so the records can point at each
 * other (participants at children and plans) before any of them is written.
 */
export interface CaseOpening {
  case: { id: string; data: CaseData; context: ChangeContext };
  /** Only the children new to the school. */
  children: { id: string; data: ChildData; context: ChangeContext }[];
  /** Each takes the case's reference. */
  plans: { id: string; data: AssessmentData; context: ChangeContext }[];
  /** In the order they happened. */
  chronology: { entry: ChronologyEntryData; context: ChangeContext }[];
}

export interface CaseOpened {
  case: StoredCase;
  /** In the order given. */
  children: StoredChild[];
  plans: StoredPlan[];
  chronology: ChronologyEntry[];
}

export interface CaseRepository {
  /**
   * Writes a whole new case (its new children, the case, its plans and chronology) as one unit: all
   * of it is kept, or none of it stays. Assigns `caseRef` as `create` does.
   */
  open(opening: CaseOpening): Promise<CaseOpened>;
  /** Assigns `id` and `caseRef` (`HSB-YYYY-N…`, the next free number for the year of `context.at`). */
  create(data: CaseData, context: ChangeContext): Promise<StoredCase>;
  /** @throws NotFoundError */
  get(id: string): Promise<StoredCase>;
  /** Only if `ifMatch` is the current ETag; `caseRef` never changes. @throws NotFoundError, ConflictError */
  replace(id: string, data: CaseData, ifMatch: string, context: ChangeContext): Promise<StoredCase>;
  /** Ordered by case reference. */
  list(query?: CaseQuery): Promise<CaseSummary[]>;
  /** @throws NotFoundError */
  history(id: string): Promise<AuditEntry[]>;
  recordAccess(id: string, context: AccessContext): Promise<void>;
}

export interface ChronologyQuery {
  caseId?: string;
  childId?: string;
}

/** Append-only: there is no update and no delete; a correction is a new entry with `corrects`. */
export interface ChronologyRepository {
  append(entry: ChronologyEntryData, context: ChangeContext): Promise<ChronologyEntry>;
  /** @throws NotFoundError */
  get(id: string): Promise<ChronologyEntry>;
  /**
   * Entries matching every given filter (none: the whole school), oldest `date` first, then in the
   * order they were recorded.
   */
  list(query: ChronologyQuery): Promise<ChronologyEntry[]>;
}

/**
 * The read model trend reports use: only the counted fields of each case (stored beside the record on
 * every write), its children's year group and sex, and the date its first plan became active.
 */
export interface ReportsReadModel {
  /** Every case of the school opened in `range` (both ends included), in no particular order. */
  trendCases(range: ReportRange): Promise<TrendCase[]>;
}

export interface CaseRecords {
  children: ChildRepository;
  cases: CaseRepository;
  chronology: ChronologyRepository;
  reports: ReportsReadModel;
}

/** Implemented by every store beside AssessmentStore: the same school, the same access. */
export interface CaseRecordStore {
  recordsFor(schoolId: string, access?: RepositoryAccess): CaseRecords;
}

export function hasCaseRecords<S extends object>(store: S): store is S & CaseRecordStore {
  return typeof (store as Partial<CaseRecordStore>).recordsFor === 'function';
}
