import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAssessmentStore } from '../../storage/sqlite/index.js';
import { describeAssessmentRepositoryContract } from './assessment-repository.contract.js';
import { describeCaseRecordsContract } from './case-records.contract.js';
import { describeTrendsReadModelContract } from './trends-read-model.contract.js';

describeAssessmentRepositoryContract('SQLite (in memory)', async () => {
  const store = new SqliteAssessmentStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describeAssessmentRepositoryContract('SQLite (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hsb-contract-'));
  const store = new SqliteAssessmentStore({ file: join(dir, 'test.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeCaseRecordsContract('SQLite (in memory)', async () => {
  const store = new SqliteAssessmentStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describeTrendsReadModelContract('SQLite (in memory)', async () => {
  const store = new SqliteAssessmentStore({ file: ':memory:' });
  return { store, cleanup: () => store.close() };
});
