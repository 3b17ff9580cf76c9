import type Database from 'better-sqlite3';
import type { StatementCache } from './statement-cache.js';
import {
  ASSESSMENT_SCHEMA_VERSION,
  ConflictError,
  dateInZone,
  formatCaseRef,
  NotFoundError,
  type AccessContext,
  type Assessment,
  type AssessmentData,
  type AssessmentQuery,
  type AssessmentRepository,
  type AssessmentSummary,
  type AuditEntry,
  type ChangeContext,
  type StoredAssessment,
} from '../../core/index.js';

interface Row {
  id: string;
  version: number;
  data: string;
}

interface SummaryRow {
  id: string;
  case_ref: string;
  status: AssessmentSummary['status'];
  learner_name: string;
  year_group: string | null;
  overall_risk: AssessmentSummary['overallRisk'];
  next_due: string | null;
  updated_at: string;
}

interface AuditRow {
  at: string;
  actor_id: string;
  action: AuditEntry['action'];
  fields: string;
  reason: string | null;
  detail: string | null;
}

export function sqliteEtag(version: number): string {
  return `"v${version}"`;
}

/** One school's assessments in the shared SQLite database. All writes are single transactions. */
export class SqliteAssessmentRepository implements AssessmentRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly statements: StatementCache,
    private readonly schoolId: string,
    private readonly newId: () => string,
  ) {}

  async create(data: AssessmentData, context: ChangeContext): Promise<StoredAssessment> {
    const at = context.at.toISOString();
    const year = Number(dateInZone(context.at).slice(0, 4));
    const record = this.db.transaction((): Assessment => {
      const counter = this.statements
        .get(
          `INSERT INTO case_ref_counters (school_id, year, last) VALUES (?, ?, 1)
           ON CONFLICT (school_id, year) DO UPDATE SET last = last + 1 RETURNING last`,
        )
        .get(this.schoolId, year) as { last: number };
      const full: Assessment = {
        id: this.newId(),
        caseRef: formatCaseRef(year, counter.last),
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...data,
      };
      this.statements
        .get(
          `INSERT INTO assessments (id, school_id, case_ref, status, overall_risk, next_due, year_group,
             learner_name, version, schema_version, data, created_at, updated_at)
           VALUES (@id, @school, @caseRef, @status, @risk, @due, @yearGroup, @learnerName, 1, @schema, @data, @at, @at)`,
        )
        .run({
          id: full.id,
          school: this.schoolId,
          caseRef: full.caseRef,
          status: full.status,
          risk: full.overallRisk,
          due: full.review.nextDue ?? null,
          yearGroup: full.learner.yearGroup ?? null,
          learnerName: full.learner.name,
          schema: ASSESSMENT_SCHEMA_VERSION,
          data: JSON.stringify(full),
          at,
        });
      this.audit(
        full.id,
        context.at,
        context.actor,
        context.action,
        context.fields,
        context.reason,
        undefined,
      );
      return full;
    })();
    return { record, etag: sqliteEtag(record.version) };
  }

  async get(id: string): Promise<StoredAssessment> {
    const row = this.row(id);
    return { record: JSON.parse(row.data) as Assessment, etag: sqliteEtag(row.version) };
  }

  async replace(
    id: string,
    data: AssessmentData,
    ifMatch: string,
    context: ChangeContext,
  ): Promise<StoredAssessment> {
    const at = context.at.toISOString();
    const record = this.db.transaction((): Assessment => {
      const current = this.row(id);
      if (sqliteEtag(current.version) !== ifMatch) {
        throw new ConflictError(
          'stale',
          'ETAG_MISMATCH',
          'Someone else has saved this assessment since.',
          sqliteEtag(current.version),
        );
      }
      const previous = JSON.parse(current.data) as Assessment;
      const full: Assessment = {
        ...data,
        id,
        caseRef: previous.caseRef,
        createdAt: previous.createdAt,
        updatedAt: at,
        version: current.version + 1,
      };
      const result = this.statements
        .get(
          `UPDATE assessments SET status = @status, overall_risk = @risk, next_due = @due, year_group = @yearGroup,
             learner_name = @learnerName, version = @version, schema_version = @schema, data = @data, updated_at = @at
           WHERE id = @id AND school_id = @school AND version = @expected`,
        )
        .run({
          id,
          school: this.schoolId,
          status: full.status,
          risk: full.overallRisk,
          due: full.review.nextDue ?? null,
          yearGroup: full.learner.yearGroup ?? null,
          learnerName: full.learner.name,
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
    if (query.dueOnOrBefore) {
      where.push('next_due IS NOT NULL AND next_due <= @due');
      params.due = query.dueOnOrBefore;
    }
    const rows = this.statements
      .get(
        `SELECT id, case_ref, status, learner_name, year_group,
           overall_risk, next_due, updated_at
         FROM assessments WHERE ${where.join(' AND ')} ORDER BY case_ref`,
      )
      .all(params) as SummaryRow[];
    return rows.map((r) => ({
      id: r.id,
      caseRef: r.case_ref,
      status: r.status,
      learnerName: r.learner_name,
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
    return rows.map((r) => ({
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      fields: JSON.parse(r.fields) as string[],
      reason: r.reason,
      detail: r.detail,
    }));
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
