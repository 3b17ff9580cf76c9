import type Database from 'better-sqlite3';
import type { StatementCache } from './statement-cache.js';
import {
  ASSESSMENT_SCHEMA_VERSION,
  ConflictError,
  dateInZone,
  formatCaseRef,
  NotFoundError,
  type AccessContext,
  type AssessmentData,
  type PlanRecord,
  type AssessmentQuery,
  type AssessmentRepository,
  type AssessmentSummary,
  type AuditEntry,
  type ChangeContext,
  type PlanWriteExtras,
  type StoredPlan,
} from '../../core/index.js';
import { recordToReplace, sqliteEtag, storedRow } from './row-versions.js';
import { auditEntryOf, SchoolTables, type AuditRow } from './school-tables.js';

interface Row {
  id: string;
  version: number;
  data: string;
}

interface SummaryRow {
  id: string;
  kind: AssessmentSummary['kind'];
  case_id: string | null;
  child_id: string | null;
  case_ref: string;
  status: AssessmentSummary['status'];
  learner_name: string | null;
  year_group: string | null;
  overall_risk: AssessmentSummary['overallRisk'];
  next_due: string | null;
  updated_at: string;
}

/** The next case reference of the school for the year of `at`; call inside a write transaction. */
export function nextCaseRef(statements: StatementCache, schoolId: string, at: Date): string {
  const year = Number(dateInZone(at).slice(0, 4));
  const counter = statements
    .get(
      `INSERT INTO case_ref_counters (school_id, year, last) VALUES (?, ?, 1)
       ON CONFLICT (school_id, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .get(schoolId, year) as { last: number };
  return formatCaseRef(year, counter.last);
}

/** One school's assessments in the shared SQLite database. All writes are single transactions. */
export class SqliteAssessmentRepository implements AssessmentRepository {
  private readonly tables: SchoolTables;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
    private readonly schoolId: string,
    private readonly newId: () => string,
  ) {
    this.tables = new SchoolTables(db, statements, schoolId, newId);
  }

  async create(data: AssessmentData, context: ChangeContext, caseRef?: string): Promise<StoredPlan> {
    const record = this.db.transaction(() => this.insert(this.newId(), data, context, caseRef))();
    return { record, etag: sqliteEtag(record.version) };
  }

  /** Call inside a write transaction. */
  insert(id: string, data: AssessmentData, context: ChangeContext, caseRef?: string): PlanRecord {
    const at = context.at.toISOString();
    const full: PlanRecord = {
      id,
      caseRef: caseRef ?? nextCaseRef(this.statements, this.schoolId, context.at),
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...data,
    };
    this.statements
      .get(
        `INSERT INTO assessments (id, school_id, case_ref, kind, case_id, child_id, status, overall_risk, next_due,
             year_group, learner_name, version, schema_version, data, created_at, updated_at)
           VALUES (@id, @school, @caseRef, @kind, @caseId, @childId, @status, @risk, @due, @yearGroup, @learnerName,
             1, @schema, @data, @at, @at)`,
      )
      .run({
        id: full.id,
        school: this.schoolId,
        caseRef: full.caseRef,
        kind: full.kind,
        caseId: full.caseId ?? null,
        childId: full.childId ?? null,
        status: full.status,
        risk: full.overallRisk,
        due: full.review.nextDue ?? null,
        yearGroup: full.learner?.yearGroup ?? null,
        learnerName: full.learner?.name ?? null,
        schema: ASSESSMENT_SCHEMA_VERSION,
        data: JSON.stringify(full),
        at,
      });
    this.audit(full.id, context.at, context.actor, context.action, context.fields, context.reason, undefined);
    return full;
  }

  async get(id: string): Promise<StoredPlan> {
    const row = this.row(id);
    return storedRow<PlanRecord>(row);
  }

  async replace(
    id: string,
    data: AssessmentData,
    ifMatch: string,
    context: ChangeContext,
    extras: PlanWriteExtras = {},
  ): Promise<StoredPlan> {
    const at = context.at.toISOString();
    const record = this.db.transaction((): PlanRecord => {
      const current = this.row(id);
      const previous = recordToReplace<PlanRecord>(current, ifMatch, 'assessment');
      const full: PlanRecord = {
        ...data,
        id,
        caseRef: previous.caseRef,
        createdAt: previous.createdAt,
        updatedAt: at,
        version: current.version + 1,
      };
      const result = this.statements
        .get(
          `UPDATE assessments SET kind = @kind, case_id = @caseId, child_id = @childId, status = @status, overall_risk = @risk, next_due = @due, year_group = @yearGroup,
             learner_name = @learnerName, version = @version, schema_version = @schema, data = @data, updated_at = @at
           WHERE id = @id AND school_id = @school AND version = @expected`,
        )
        .run({
          id,
          school: this.schoolId,
          kind: full.kind,
          caseId: full.caseId ?? null,
          childId: full.childId ?? null,
          status: full.status,
          risk: full.overallRisk,
          due: full.review.nextDue ?? null,
          yearGroup: full.learner?.yearGroup ?? null,
          learnerName: full.learner?.name ?? null,
          version: full.version,
          expected: current.version,
          schema: ASSESSMENT_SCHEMA_VERSION,
          data: JSON.stringify(full),
          at,
        });
      if (result.changes !== 1) {
        throw new ConflictError('stale', 'ETAG_MISMATCH', 'Someone else has saved this assessment since.');
      }
      this.audit(id, context.at, context.actor, context.action, context.fields, context.reason, undefined);
      for (const entry of extras.chronology ?? []) {
        this.tables.appendChronology(entry, {
          actor: context.actor,
          at: context.at,
          action: 'create',
          fields: ['chronology'],
        });
      }
      return full;
    })();
    return { record, etag: sqliteEtag(record.version) };
  }

  async list(query: AssessmentQuery = {}): Promise<AssessmentSummary[]> {
    const where = ['school_id = @school'];
    const params: Record<string, unknown> = { school: this.schoolId };
    if (query.status) {
      if (query.status.length === 0) return [];
      where.push(`status IN (${query.status.map((_, i) => `@s${i}`).join(', ')})`);
      query.status.forEach((s, i) => (params[`s${i}`] = s));
    }
    for (const [column, value] of [
      ['kind', query.kind],
      ['case_id', query.caseId],
      ['child_id', query.childId],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = @${column}`);
      params[column] = value;
    }
    if (query.dueOnOrBefore) {
      where.push('next_due IS NOT NULL AND next_due <= @due');
      params.due = query.dueOnOrBefore;
    }
    const rows = this.statements
      .get(
        `SELECT id, kind, case_id, child_id, case_ref, status, learner_name, year_group,
           overall_risk, next_due, updated_at
         FROM assessments WHERE ${where.join(' AND ')} ORDER BY case_ref, created_at, id`,
      )
      .all(params) as SummaryRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      caseId: r.case_id,
      childId: r.child_id,
      caseRef: r.case_ref,
      status: r.status,
      learnerName: r.learner_name ?? '',
      yearGroup: r.year_group,
      overallRisk: r.overall_risk,
      nextDue: r.next_due,
      updatedAt: r.updated_at,
    }));
  }

  async history(id: string): Promise<AuditEntry[]> {
    this.row(id);
    const rows = this.statements
      .get(
        `SELECT at, actor_id, action, fields, reason, detail FROM audit
         WHERE assessment_id = ? AND school_id = ? ORDER BY seq`,
      )
      .all(id, this.schoolId) as AuditRow[];
    return rows.map(auditEntryOf);
  }

  async recordAccess(id: string, context: AccessContext): Promise<void> {
    this.db.transaction(() => {
      this.row(id);
      this.audit(id, context.at, context.actor, context.action, [], undefined, context.detail);
    })();
  }

  private row(id: string): Row {
    const row = this.statements
      .get('SELECT id, version, data FROM assessments WHERE id = ? AND school_id = ?')
      .get(id, this.schoolId) as Row | undefined;
    if (!row) throw new NotFoundError('No assessment has this id.');
    return row;
  }

  private audit(
    id: string,
    at: Date,
    actor: ChangeContext['actor'],
    action: AuditEntry['action'],
    fields: readonly string[],
    reason: string | undefined,
    detail: string | undefined,
  ): void {
    this.statements
      .get(
        `INSERT INTO audit (school_id, assessment_id, at, actor_id, actor_kind, action, fields, reason, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.schoolId,
        id,
        at.toISOString(),
        actor.id,
        actor.kind,
        action,
        JSON.stringify(fields),
        reason ?? null,
        detail ?? null,
      );
  }
}
