import type Database from 'better-sqlite3';
import {
  NotFoundError,
  type AccessContext,
  type AuditEntry,
  type Case,
  type CaseData,
  type CaseOpened,
  type CaseOpening,
  type CaseQuery,
  type CaseRecords,
  type CaseRepository,
  type CaseSummary,
  type ChangeContext,
  type Child,
  type ChildData,
  type ChildRepository,
  type ChildSummary,
  type ChronologyEntry,
  type ChronologyEntryData,
  type ChronologyQuery,
  type ChronologyRepository,
  type StoredCase,
  type StoredChild,
} from '../../core/index.js';
import { SchoolTables } from './school-tables.js';
import { recordToReplace, sqliteEtag, storedRow, type VersionedRow } from './row-versions.js';
import { nextCaseRef, SqliteAssessmentRepository } from './sqlite-assessment-repository.js';
import type { StatementCache } from './statement-cache.js';
import { sqliteTrends, trendColumns } from './sqlite-trends.js';

class SqliteChildRepository implements ChildRepository {
  constructor(private readonly t: SchoolTables) {}

  async create(data: ChildData, context: ChangeContext): Promise<StoredChild> {
    const record = this.t.db.transaction(() => this.insert(this.t.newId(), data, context))();
    return { record, etag: sqliteEtag(1) };
  }

  /** Call inside a write transaction. */
  insert(id: string, data: ChildData, context: ChangeContext): Child {
    const at = context.at.toISOString();
    const record: Child = { ...data, id, createdAt: at, updatedAt: at, version: 1 };
    this.t.statements
      .get(
        `INSERT INTO children (id, school_id, name, year_group, sex, date_of_birth, retain_until, version, data, created_at, updated_at)
           VALUES (@id, @school, @name, @yearGroup, @sex, @dob, @retainUntil, 1, @data, @at, @at)`,
      )
      .run({ ...this.columns(record), id: record.id, school: this.t.schoolId, at });
    this.t.audit(
      'child',
      record.id,
      context.at,
      context.actor,
      context.action,
      context.fields,
      context.reason,
    );
    return record;
  }

  async get(id: string): Promise<StoredChild> {
    const row = this.row(id);
    return storedRow<Child>(row);
  }

  async replace(id: string, data: ChildData, ifMatch: string, context: ChangeContext): Promise<StoredChild> {
    const at = context.at.toISOString();
    const record = this.t.db.transaction((): Child => {
      const current = this.row(id);
      const previous = recordToReplace<Child>(current, ifMatch, 'record');
      const full: Child = {
        ...data,
        id,
        createdAt: previous.createdAt,
        updatedAt: at,
        version: current.version + 1,
      };
      this.t.statements
        .get(
          `UPDATE children SET name = @name, year_group = @yearGroup, sex = @sex, date_of_birth = @dob, retain_until = @retainUntil,
             version = @version, data = @data, updated_at = @at
           WHERE id = @id AND school_id = @school AND version = @expected`,
        )
        .run({
          ...this.columns(full),
          id,
          school: this.t.schoolId,
          version: full.version,
          expected: current.version,
          at,
        });
      this.t.audit('child', id, context.at, context.actor, context.action, context.fields, context.reason);
      return full;
    })();
    return { record, etag: sqliteEtag(record.version) };
  }

  async list(query: { ids?: readonly string[] } = {}): Promise<ChildSummary[]> {
    if (query.ids && query.ids.length === 0) return [];
    const rows = (
      query.ids
        ? this.t.statements
            .get(
              `SELECT id, name, year_group, date_of_birth, updated_at FROM children
               WHERE school_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY name, id`,
            )
            .all(this.t.schoolId, JSON.stringify(query.ids))
        : this.t.statements
            .get(
              `SELECT id, name, year_group, date_of_birth, updated_at FROM children
               WHERE school_id = ? ORDER BY name, id`,
            )
            .all(this.t.schoolId)
    ) as {
      id: string;
      name: string;
      year_group: string | null;
      date_of_birth: string | null;
      updated_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      yearGroup: r.year_group,
      dateOfBirth: r.date_of_birth,
      updatedAt: r.updated_at,
    }));
  }

  async history(id: string): Promise<AuditEntry[]> {
    this.row(id);
    return this.t.history('child', id);
  }

  async recordAccess(id: string, context: AccessContext): Promise<void> {
    this.t.db.transaction(() => {
      this.row(id);
      this.t.audit('child', id, context.at, context.actor, context.action, [], undefined, context.detail);
    })();
  }

  private columns(record: Child) {
    return {
      name: record.name,
      yearGroup: record.yearGroup ?? null,
      sex: record.sex ?? null,
      dob: record.dateOfBirth ?? null,
      retainUntil: record.retainUntil,
      data: JSON.stringify(record),
    };
  }

  private row(id: string): VersionedRow {
    const row = this.t.statements
      .get('SELECT version, data FROM children WHERE id = ? AND school_id = ?')
      .get(id, this.t.schoolId) as VersionedRow | undefined;
    if (!row) throw new NotFoundError('No child has this id.');
    return row;
  }
}

function trendValues(record: Case): [string, string] {
  const { reportedOn, trend } = trendColumns(record);
  return [reportedOn, trend];
}

class SqliteCaseRepository implements CaseRepository {
  constructor(
    private readonly t: SchoolTables,
    private readonly children: SqliteChildRepository,
    private readonly plans: SqliteAssessmentRepository,
  ) {}

  async create(data: CaseData, context: ChangeContext): Promise<StoredCase> {
    const record = this.t.db.transaction(() => this.insert(this.t.newId(), data, context))();
    return { record, etag: sqliteEtag(1) };
  }

  /** One transaction: a failure anywhere leaves no trace of the case. */
  async open(opening: CaseOpening): Promise<CaseOpened> {
    return this.t.db.transaction((): CaseOpened => {
      const children = opening.children.map((c) => this.children.insert(c.id, c.data, c.context));
      const kase = this.insert(opening.case.id, opening.case.data, opening.case.context);
      const plans = opening.plans.map((p) => this.plans.insert(p.id, p.data, p.context, kase.caseRef));
      const chronology = opening.chronology.map((c) => this.t.appendChronology(c.entry, c.context));
      return {
        case: { record: kase, etag: sqliteEtag(kase.version) },
        children: children.map((record) => ({ record, etag: sqliteEtag(record.version) })),
        plans: plans.map((record) => ({ record, etag: sqliteEtag(record.version) })),
        chronology,
      };
    })();
  }

  /** Call inside a write transaction. */
  private insert(id: string, data: CaseData, context: ChangeContext): Case {
    const at = context.at.toISOString();
    const full: Case = {
      ...data,
      id,
      caseRef: nextCaseRef(this.t.statements, this.t.schoolId, context.at),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    this.t.statements
      .get(
        `INSERT INTO cases (id, school_id, case_ref, status, version, data, created_at, updated_at, reported_on, trend)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      )
      .run(
        full.id,
        this.t.schoolId,
        full.caseRef,
        full.status,
        JSON.stringify(full),
        at,
        at,
        ...trendValues(full),
      );
    this.participants(full);
    this.t.audit('case', full.id, context.at, context.actor, context.action, context.fields, context.reason);
    return full;
  }

  async get(id: string): Promise<StoredCase> {
    const row = this.row(id);
    return storedRow<Case>(row);
  }

  async replace(id: string, data: CaseData, ifMatch: string, context: ChangeContext): Promise<StoredCase> {
    const at = context.at.toISOString();
    const record = this.t.db.transaction((): Case => {
      const current = this.row(id);
      const previous = recordToReplace<Case>(current, ifMatch, 'case');
      const full: Case = {
        ...data,
        id,
        caseRef: previous.caseRef,
        createdAt: previous.createdAt,
        updatedAt: at,
        version: current.version + 1,
      };
      this.t.statements
        .get(
          `UPDATE cases SET status = ?, version = ?, data = ?, updated_at = ?, reported_on = ?, trend = ?
           WHERE id = ? AND school_id = ? AND version = ?`,
        )
        .run(
          full.status,
          full.version,
          JSON.stringify(full),
          at,
          ...trendValues(full),
          id,
          this.t.schoolId,
          current.version,
        );
      this.participants(full);
      this.t.audit('case', id, context.at, context.actor, context.action, context.fields, context.reason);
      return full;
    })();
    return { record, etag: sqliteEtag(record.version) };
  }

  async list(query: CaseQuery = {}): Promise<CaseSummary[]> {
    const where = ['c.school_id = @school'];
    const params: Record<string, unknown> = { school: this.t.schoolId };
    if (query.status) {
      if (query.status.length === 0) return [];
      where.push(`c.status IN (SELECT value FROM json_each(@status))`);
      params.status = JSON.stringify(query.status);
    }
    if (query.childId) {
      where.push('EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id AND p.child_id = @child)');
      params.child = query.childId;
    }
    const rows = this.t.statements
      .get(`SELECT c.data FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.case_ref, c.id`)
      .all(params) as { data: string }[];
    return rows.map((r) => {
      const c = JSON.parse(r.data) as Case;
      return {
        id: c.id,
        caseRef: c.caseRef,
        status: c.status,
        participants: c.participants.map((p) => ({ childId: p.childId, roles: p.roles, label: p.label })),
        updatedAt: c.updatedAt,
      };
    });
  }

  async history(id: string): Promise<AuditEntry[]> {
    this.row(id);
    return this.t.history('case', id);
  }

  async recordAccess(id: string, context: AccessContext): Promise<void> {
    this.t.db.transaction(() => {
      this.row(id);
      this.t.audit('case', id, context.at, context.actor, context.action, [], undefined, context.detail);
    })();
  }

  /** The participants table mirrors the record, so "cases of this child" is an indexed lookup. */
  private participants(record: Case): void {
    this.t.statements.get('DELETE FROM case_participants WHERE case_id = ?').run(record.id);
    const insert = this.t.statements.get(
      'INSERT INTO case_participants (case_id, child_id, school_id) VALUES (?, ?, ?)',
    );
    for (const p of record.participants) insert.run(record.id, p.childId, this.t.schoolId);
  }

  private row(id: string): VersionedRow {
    const row = this.t.statements
      .get('SELECT version, data FROM cases WHERE id = ? AND school_id = ?')
      .get(id, this.t.schoolId) as VersionedRow | undefined;
    if (!row) throw new NotFoundError('No case has this id.');
    return row;
  }
}

class SqliteChronologyRepository implements ChronologyRepository {
  constructor(private readonly t: SchoolTables) {}

  async append(entry: ChronologyEntryData, context: ChangeContext): Promise<ChronologyEntry> {
    return this.t.db.transaction(() => this.t.appendChronology(entry, context))();
  }

  async get(id: string): Promise<ChronologyEntry> {
    const row = this.t.statements
      .get('SELECT data FROM chronology WHERE id = ? AND school_id = ?')
      .get(id, this.t.schoolId) as { data: string } | undefined;
    if (!row) throw new NotFoundError('No chronology entry has this id.');
    return JSON.parse(row.data) as ChronologyEntry;
  }

  async list(query: ChronologyQuery): Promise<ChronologyEntry[]> {
    const where = ['school_id = @school'];
    const params: Record<string, unknown> = { school: this.t.schoolId };
    if (query.caseId !== undefined) {
      where.push('case_id = @case');
      params.case = query.caseId;
    }
    if (query.childId !== undefined) {
      where.push('child_id = @child');
      params.child = query.childId;
    }
    const rows = this.t.statements
      .get(`SELECT data FROM chronology WHERE ${where.join(' AND ')} ORDER BY date, seq`)
      .all(params) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as ChronologyEntry);
  }
}

export function sqliteCaseRecords(
  db: Database.Database,
  statements: StatementCache,
  schoolId: string,
  newId: () => string,
): CaseRecords {
  const tables = new SchoolTables(db, statements, schoolId, newId);
  const children = new SqliteChildRepository(tables);
  const plans = new SqliteAssessmentRepository(db, statements, schoolId, newId);
  return {
    children,
    cases: new SqliteCaseRepository(tables, children, plans),
    chronology: new SqliteChronologyRepository(tables),
    reports: sqliteTrends(statements, schoolId),
  };
}
