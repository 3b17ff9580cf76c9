import { join } from 'node:path';
import type { AssessmentStore, DocumentArchiveStore } from '../core/index.js';
import { SharePointAssessmentStore, type SharePointStoreOptions } from './sharepoint/index.js';
import { SqliteAssessmentStore } from './sqlite/index.js';

export type StoreSettings =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'sqlite-memory' }
  | ({ kind: 'sharepoint' } & SharePointStoreOptions);

/** The one place a backend is chosen. */
export function createAssessmentStore(settings: StoreSettings): AssessmentStore {
  switch (settings.kind) {
    case 'sqlite':
      return new SqliteAssessmentStore({ file: join(settings.dataDir, 'hsb.sqlite') });
    case 'sqlite-memory':
      return new SqliteAssessmentStore({ file: ':memory:' });
    case 'sharepoint': {
      const { kind: _kind, ...options } = settings;
      return new SharePointAssessmentStore(options);
    }
  }
}

/** The store's document library, for backends that keep generated documents beside the records. */
export function documentArchiveOf(store: AssessmentStore): DocumentArchiveStore | undefined {
  return 'documentsFor' in store ? (store as AssessmentStore & DocumentArchiveStore) : undefined;
}
