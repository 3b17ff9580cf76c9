import Database from 'better-sqlite3';
import { migrate, migrations, SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('SQLite migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hsb-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('apply in order, once each, and record what they applied', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(applied.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('upgrade a version-1 database in place, keeping its records (the name now in a child record)', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old
      .prepare(
        `INSERT INTO assessments (id, school_id, case_ref, status, version, schema_version, data, created_at, updated_at)
         VALUES ('a1', 's', 'HSB-2026-0001', 'draft', 1, 1, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(JSON.stringify({ id: 'a1', learner: { name: 'Old Record' } }));
    old.close();

    const store = new SqliteAssessmentStore({ file });
    try {
      const [row] = await store.forSchool('s').list();
      expect(row).toMatchObject({ id: 'a1', caseRef: 'HSB-2026-0001', kind: 'risk-assessment' });
      const children = await store.recordsFor('s').children.list();
      expect(children.map((c) => c.name)).toEqual(['Old Record']);
      expect(row!.childId).toBe(children[0]!.id);
    } finally {
      await store.close();
    }
  });

  it('roll back a migration that fails, leaving the database as it was', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(() =>
      migrate(db, [
        ...migrations,
        { version: 99, name: 'broken', sql: 'CREATE TABLE x (a); SELECT nope FROM missing;' },
      ]),
    ).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'x'").all();
    expect(tables).toEqual([]);
    const applied = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number };
    expect(applied.v).toBe(migrations[migrations.length - 1]!.version);
    db.close();
  });
});
