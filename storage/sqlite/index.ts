export { SqliteAssessmentStore, type SqliteStoreOptions } from './sqlite-store.js';
export { migrate, migrations, type Migration } from './migrations.js';
