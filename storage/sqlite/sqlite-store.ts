import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type {
  AssessmentRepository,
  AssessmentStore,
  CaseRecords,
  CaseRecordStore,
} from '../../core/index.js';
import { migrate } from './migrations.js';
import { SqliteAssessmentRepository } from './sqlite-assessment-repository.js';
import { sqliteCaseRecords } from './sqlite-case-records.js';
import { StatementCache } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  newId?: () => string;
}

/** The local-mode store: one SQLite file in WAL mode holding every school's assessments. */
export class SqliteAssessmentStore implements AssessmentStore, CaseRecordStore {
  readonly db: Database.Database;
  private readonly newId: () => string;
  private readonly statements: StatementCache;

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.newId = options.newId ?? randomUUID;
    this.statements = new StatementCache(this.db);
  }

  forSchool(schoolId: string): AssessmentRepository {
    return new SqliteAssessmentRepository(this.db, this.statements, schoolId, this.newId);
  }

  recordsFor(schoolId: string): CaseRecords {
    return sqliteCaseRecords(this.db, this.statements, schoolId, this.newId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
