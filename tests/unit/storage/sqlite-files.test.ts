import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssessmentStore } from '../../../storage/index.js';
import { SqliteAssessmentStore } from '../../../storage/sqlite/index.js';
import { assessmentData, changeContext } from '../../helpers/assessment-data.js';

const unix = process.platform !== 'win32';

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

/** The local store's files hold children's records: the server's user alone may read them. */
(unix ? describe : describe.skip)('SQLite files on disk', () => {
  let root: string;
  let previousUmask: number;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hsb-files-'));
    // The most permissive umask a machine could have: nothing may depend on it.
    previousUmask = process.umask(0);
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  async function writeOne(store: SqliteAssessmentStore): Promise<void> {
    await store.forSchool('school-1').create(assessmentData(), changeContext());
  }

  it('creates the data directory 0700 and the database, its log and index 0600', async () => {
    const dataDir = join(root, 'nested', 'data');
    const store = createAssessmentStore({ kind: 'sqlite', dataDir }) as SqliteAssessmentStore;
    await writeOne(store);
    const file = join(dataDir, 'hsb.sqlite');
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(join(root, 'nested')).toString(8)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path).toString(8)).toBe('600');
    await store.close();
  });

  it('narrows wider permissions found at start', async () => {
    const dataDir = join(root, 'data');
    const file = join(dataDir, 'hsb.sqlite');
    const first = new SqliteAssessmentStore({ file });
    await writeOne(first);
    // Leave the log behind as a crash would, then widen everything.
    first.db.pragma('wal_autocheckpoint = 0');
    await writeOne(first);
    chmodSync(dataDir, 0o755);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    const second = new SqliteAssessmentStore({ file });
    expect(mode(dataDir).toString(8)).toBe('700');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path).toString(8)).toBe('600');
    expect(await second.forSchool('school-1').list()).toHaveLength(2);
    await second.close();
    await first.close();
  });

  it('syncs the write-ahead log at every commit (synchronous = FULL)', async () => {
    const store = new SqliteAssessmentStore({ file: join(root, 'd', 'hsb.sqlite') });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 is FULL, 1 NORMAL.
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });
});
