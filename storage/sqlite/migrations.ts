import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
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
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    done.push(m.version);
  }
  return done;
}
