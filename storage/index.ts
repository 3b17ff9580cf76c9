import { join } from 'node:path';
import type { AssessmentStore } from '../core/index.js';
import { SqliteAssessmentStore } from './sqlite/index.js';

export type StoreSettings = { kind: 'sqlite'; dataDir: string } | { kind: 'sqlite-memory' };

/** The one place a backend is chosen. SharePoint joins here (issue #4). */
export function createAssessmentStore(settings: StoreSettings): AssessmentStore {
  switch (settings.kind) {
    case 'sqlite':
      return new SqliteAssessmentStore({ file: join(settings.dataDir, 'hsb.sqlite') });
    case 'sqlite-memory':
      return new SqliteAssessmentStore({ file: ':memory:' });
  }
}
