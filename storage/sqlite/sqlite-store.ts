import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type {
  AssessmentRepository,
  AssessmentStore,
  CaseRecords,
  CaseRecordStore,
  Outbox,
  OutboxStore,
  RecordEraser,
  RecordEraserStore,
} from '../../core/index.js';
import { migrate } from './migrations.js';
import { SqliteAssessmentRepository } from './sqlite-assessment-repository.js';
import { sqliteCaseRecords } from './sqlite-case-records.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { SqliteRecordEraser } from './sqlite-record-eraser.js';
import { StatementCache } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  newId?: () => string;
  /**
   * `FULL` (the default) syncs the write-ahead log at every commit, so a save that was acknowledged
   * survives a power cut; `NORMAL` can lose the last commits then. Only the benchmark asks for NORMAL,
   * to measure what FULL costs.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Narrows a path's permissions to `mode` if they are wider (only the owner may read child records). */
function narrow(path: string, mode: number): void {
  if (process.platform === 'win32') return; // NTFS rights are not Unix modes; the profile's ACL applies.
  if ((statSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
}

/**
 * The database's directory is the server user's alone (0700) and its files (the database, its
 * write-ahead log and shared-memory index) are 0600, whatever the umask: created so, and narrowed
 * at every start if someone widened them. SQLite gives the -wal and -shm files the database file's
 * own mode, so creating that file 0600 before SQLite opens it covers the others; they are checked too.
 */
function preparePrivateFiles(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  narrow(dir, PRIVATE_DIR);
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  narrowFiles(file);
}

function narrowFiles(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) narrow(path, PRIVATE_FILE);
  }
}

/** The local-mode store: one SQLite file in WAL mode holding every school's assessments. */
export class SqliteAssessmentStore
  implements AssessmentStore, CaseRecordStore, RecordEraserStore, OutboxStore
{
  readonly db: Database.Database;
  private readonly newId: () => string;
  private readonly statements: StatementCache;

  constructor(options: SqliteStoreOptions) {
    const onDisk = options.file !== ':memory:';
    if (onDisk) preparePrivateFiles(options.file);
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    if (onDisk) narrowFiles(options.file);
    this.newId = options.newId ?? randomUUID;
    this.statements = new StatementCache(this.db);
  }

  forSchool(schoolId: string): AssessmentRepository {
    return new SqliteAssessmentRepository(this.db, this.statements, schoolId, this.newId);
  }

  recordsFor(schoolId: string): CaseRecords {
    return sqliteCaseRecords(this.db, this.statements, schoolId, this.newId);
  }

  eraserFor(schoolId: string): RecordEraser {
    return new SqliteRecordEraser(this.db, this.statements, schoolId);
  }

  outboxFor(schoolId: string): Outbox {
    return new SqliteOutbox(this.db, this.statements, schoolId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
