import type Database from 'better-sqlite3';
import type { AuditEntry, ChangeContext, ChronologyEntry, ChronologyEntryData } from '../../core/index.js';
import type { StatementCache } from './statement-cache.js';

export type RecordType = 'child' | 'case' | 'chronology';

export interface AuditRow {
  at: string;
  actor_id: string;
  action: AuditEntry['action'];
  fields: string;
  reason: string | null;
  detail: string | null;
}

export function auditEntryOf(r: AuditRow): AuditEntry {
  return {
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    fields: JSON.parse(r.fields) as string[],
    reason: r.reason,
    detail: r.detail,
  };
}

/** What the three repositories of one school share: the database, its statements, the school. */
export class SchoolTables {
  constructor(
    readonly db: Database.Database,
    readonly statements: StatementCache,
    readonly schoolId: string,
    readonly newId: () => string,
  ) {}

  audit(
    type: RecordType,
    id: string,
    at: Date,
    actor: ChangeContext['actor'],
    action: AuditEntry['action'],
    fields: readonly string[],
    reason?: string,
    detail?: string,
  ): void {
    this.statements
      .get(
        `INSERT INTO record_audit (school_id, record_type, record_id, at, actor_id, actor_kind, action, fields, reason, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.schoolId,
        type,
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

  history(type: RecordType, id: string): AuditEntry[] {
    const rows = this.statements
      .get(
        `SELECT at, actor_id, action, fields, reason, detail FROM record_audit
         WHERE school_id = ? AND record_type = ? AND record_id = ? ORDER BY seq`,
      )
      .all(this.schoolId, type, id) as AuditRow[];
    return rows.map(auditEntryOf);
  }

  /** Call inside a write transaction (an entry is often written with the action it records). */
  appendChronology(entry: ChronologyEntryData, context: ChangeContext): ChronologyEntry {
    const record: ChronologyEntry = { ...entry, id: this.newId(), recordedAt: context.at.toISOString() };
    this.statements
      .get(
        `INSERT INTO chronology (id, school_id, case_id, child_id, date, kind, data, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        this.schoolId,
        record.caseId ?? null,
        record.childId ?? null,
        record.date,
        record.kind,
        JSON.stringify(record),
        record.recordedAt,
      );
    this.audit('chronology', record.id, context.at, context.actor, 'create', [], context.reason);
    return record;
  }
}
