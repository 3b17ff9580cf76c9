import type { IsoDate } from '../dates.js';
import type {
  Assessment,
  AssessmentData,
  AssessmentStatus,
  AssessmentSummary,
  PlanKind,
  PlanRecord,
} from '../assessment/schema.js';
import type { ChronologyEntryData } from '../cases/chronology.js';

/** Who acted. Users are identified by ids only (tenant + object id in Microsoft 365), never by name. */
export interface Actor {
  id: string;
  kind: 'user' | 'local' | 'app';
}

export type AuditAction = 'create' | 'update' | 'review' | 'read' | 'export';

export interface ChangeContext {
  actor: Actor;
  at: Date;
  action: Exclude<AuditAction, 'read' | 'export'>;
  /** Dotted names of the fields that changed (never their values). */
  fields: string[];
  reason?: string;
}

export interface AccessContext {
  actor: Actor;
  at: Date;
  action: Extract<AuditAction, 'read' | 'export'>;
  /** e.g. the document audience for an export. */
  detail?: string;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  action: AuditAction;
  fields: string[];
  reason: string | null;
  detail: string | null;
}

/** A plan as the API shows it (the child's details read from their record). */
export interface StoredAssessment {
  record: Assessment;
  /** Opaque; quoted as an HTTP entity tag. Changes on every write. */
  etag: string;
}

/** A plan as a backend holds it. */
export interface StoredPlan {
  record: PlanRecord;
  etag: string;
}

export interface AssessmentQuery {
  status?: readonly AssessmentStatus[];
  kind?: PlanKind;
  caseId?: string;
  childId?: string;
  /** Only assessments whose `review.nextDue` is on or before this date (none without a date). */
  dueOnOrBefore?: IsoDate;
}

/**
 * What a plan save writes with it, in the same unit of work (one transaction in SQLite, one `$batch`
 * on SharePoint) and only if the save itself succeeds: the chronology entries its action makes.
 */
export interface PlanWriteExtras {
  chronology?: readonly ChronologyEntryData[];
}

/**
 * One school's plans (risk assessments and support plans). Every backend (SQLite, SharePoint) passes
 * the contract suite in tests/contract. Backends assign `id`, timestamps and `version`, and a
 * `caseRef` (unique per school and year) unless the plan is given its case's; they never validate
 * content, which the domain has done already.
 */
export interface AssessmentRepository {
  /** `caseRef`: the reference of the plan's case; without it the backend assigns a new one. */
  create(data: AssessmentData, context: ChangeContext, caseRef?: string): Promise<StoredPlan>;
  /** @throws NotFoundError */
  get(id: string): Promise<StoredPlan>;
  /**
   * Replaces the record only if `ifMatch` is its current ETag.
   * @throws NotFoundError, ConflictError (reason `stale`)
   */
  replace(
    id: string,
    data: AssessmentData,
    ifMatch: string,
    context: ChangeContext,
    extras?: PlanWriteExtras,
  ): Promise<StoredPlan>;
  list(query?: AssessmentQuery): Promise<AssessmentSummary[]>;
  /** Change and access history, oldest first. @throws NotFoundError */
  history(id: string): Promise<AuditEntry[]>;
  /** Records that someone viewed or exported a record: child data is special-category. */
  recordAccess(id: string, context: AccessContext): Promise<void>;
}

/** How a backend may act for the caller. */
export interface RepositoryAccess {
  /**
   * The caller's own bearer token, for backends that act on the user's behalf (SharePoint through
   * on-behalf-of, so the app never exceeds the user's rights). Absent for app-only background work.
   */
  userAssertion?: string;
}

/** The store behind all schools of a deployment; a school is a tenant's safeguarding team or site. */
export interface AssessmentStore {
  forSchool(schoolId: string, access?: RepositoryAccess): AssessmentRepository;
  close(): Promise<void>;
}
