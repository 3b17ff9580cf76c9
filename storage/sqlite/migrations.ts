import type Database from 'better-sqlite3';
import { moveAssessmentsIntoCases } from './migrate-to-cases.js';
import { backfillTrendFacts } from './sqlite-trends.js';

export interface Migration {
  version: number;
  name: string;
  sql?: string;
  /** Data changes SQL cannot express; runs after `sql`, in the same transaction. */
  run?: (db: Database.Database) => void;
  /**
   * Rebuilds a table that others reference (SQLite's documented way to drop a constraint): foreign
   * keys are off while it runs and checked before it commits.
   */
  rebuildsTables?: boolean;
}

/**
 * Append-only: a released migration is never edited, a change is a new one. The full record is kept
 * as JSON (with its schema version); the columns beside it exist only for what is filtered or sorted.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'assessments, case references and audit',
    sql: `
      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL,
        case_ref TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
        overall_risk TEXT CHECK (overall_risk IN ('low', 'medium', 'high')),
        next_due TEXT,
        year_group TEXT,
        version INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (school_id, case_ref)
      );
      CREATE INDEX assessments_by_due ON assessments (school_id, next_due);
      CREATE INDEX assessments_by_status ON assessments (school_id, status);

      CREATE TABLE case_ref_counters (
        school_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (school_id, year)
      );

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        school_id TEXT NOT NULL,
        assessment_id TEXT NOT NULL REFERENCES assessments (id),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'review', 'read', 'export')),
        fields TEXT NOT NULL,
        reason TEXT,
        detail TEXT
      );
      CREATE INDEX audit_by_assessment ON audit (assessment_id, seq);
    `,
  },
  {
    version: 2,
    name: 'learner name as a column, so lists need not parse each record',
    sql: `
      ALTER TABLE assessments ADD COLUMN learner_name TEXT;
      UPDATE assessments SET learner_name = json_extract(data, '$.learner.name');
    `,
  },
  {
    version: 3,
    name: 'children, cases and chronology; plans of a kind, in a case, for a child',
    rebuildsTables: true,
    sql: `
      CREATE TABLE plans_v3 (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL,
        case_ref TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('risk-assessment', 'support-plan')),
        case_id TEXT,
        child_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
        overall_risk TEXT CHECK (overall_risk IN ('low', 'medium', 'high')),
        next_due TEXT,
        year_group TEXT,
        learner_name TEXT,
        version INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO plans_v3 (id, school_id, case_ref, kind, status, overall_risk, next_due, year_group,
          learner_name, version, schema_version, data, created_at, updated_at)
        SELECT id, school_id, case_ref, 'risk-assessment', status, overall_risk, next_due, year_group,
          learner_name, version, schema_version, data, created_at, updated_at FROM assessments;
      DROP TABLE assessments;
      ALTER TABLE plans_v3 RENAME TO assessments;
      CREATE INDEX assessments_by_due ON assessments (school_id, next_due);
      CREATE INDEX assessments_by_status ON assessments (school_id, status);
      CREATE INDEX assessments_by_kind ON assessments (school_id, kind);
      CREATE INDEX assessments_by_case ON assessments (school_id, case_id);
      CREATE INDEX assessments_by_child ON assessments (school_id, child_id);
      CREATE INDEX assessments_by_case_ref ON assessments (school_id, case_ref);

      CREATE TABLE children (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL,
        name TEXT NOT NULL,
        year_group TEXT,
        date_of_birth TEXT,
        retain_until TEXT,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX children_by_name ON children (school_id, name);
      CREATE INDEX children_by_retention ON children (school_id, retain_until);

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL,
        case_ref TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (school_id, case_ref)
      );
      CREATE INDEX cases_by_status ON cases (school_id, status);

      CREATE TABLE case_participants (
        case_id TEXT NOT NULL REFERENCES cases (id),
        child_id TEXT NOT NULL REFERENCES children (id),
        school_id TEXT NOT NULL,
        PRIMARY KEY (case_id, child_id)
      );
      CREATE INDEX case_participants_by_child ON case_participants (school_id, child_id);

      CREATE TABLE chronology (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        school_id TEXT NOT NULL,
        case_id TEXT,
        child_id TEXT,
        date TEXT NOT NULL,
        data TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX chronology_by_case ON chronology (school_id, case_id, date, seq);
      CREATE INDEX chronology_by_child ON chronology (school_id, child_id, date, seq);

      CREATE TABLE record_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        school_id TEXT NOT NULL,
        record_type TEXT NOT NULL CHECK (record_type IN ('child', 'case', 'chronology')),
        record_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'review', 'read', 'export')),
        fields TEXT NOT NULL,
        reason TEXT,
        detail TEXT
      );
      CREATE INDEX record_audit_by_record ON record_audit (record_type, record_id, seq);
    `,
  },
  {
    version: 4,
    name: 'every plan saved before cases moves into a case, its children into child records',
    run: moveAssessmentsIntoCases,
  },
  {
    version: 5,
    // The indexes cover what reports read: a column stored after the record JSON would otherwise
    // make SQLite walk the whole record (overflow pages and all) to reach it.
    name: 'trend reports: report date and counted facts of each case, entry kind, child sex',
    sql: `
      ALTER TABLE cases ADD COLUMN reported_on TEXT;
      ALTER TABLE cases ADD COLUMN trend TEXT;
      CREATE INDEX cases_by_reported_on ON cases (school_id, reported_on, id, trend);
      ALTER TABLE chronology ADD COLUMN kind TEXT;
      UPDATE chronology SET kind = json_extract(data, '$.kind');
      CREATE INDEX chronology_by_kind ON chronology (school_id, kind, case_id, date);
      ALTER TABLE children ADD COLUMN sex TEXT;
      UPDATE children SET sex = json_extract(data, '$.sex');
      CREATE INDEX children_trend_facts ON children (school_id, id, year_group, sex);
    `,
    run: backfillTrendFacts,
  },
  {
    version: 6,
    name: 'erasures: the one line a retention erasure leaves, with no personal data',
    sql: `
      CREATE TABLE erasures (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        school_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        counts TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'notification outbox: local mode keeps the action notifications it would have sent',
    sql: `
      CREATE TABLE notification_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        school_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX notification_outbox_by_school ON notification_outbox (school_id, seq);
    `,
  },
];

/** Applies the migrations the database has not seen, each in its own transaction. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const done: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    // The pragma is a no-op inside a transaction, so it is switched around it.
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (m.sql) db.exec(m.sql);
        m.run?.(db);
        if (m.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`Migration ${m.version} would break a foreign key.`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (m.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    done.push(m.version);
  }
  return done;
}
