/**
 * npm run sharepoint:migrate -- --site <site id> [--dry-run]
 *
 * Moves the assessments saved before cases existed into cases, child records and plans per child
 * (storage/sharepoint/migrate.ts). Run `sharepoint:provision` first. Idempotent and resumable: a
 * second run, or one after a failure, finishes what is left and adds nothing twice. Prints case
 * references and counts only, never a name. Needs a Graph token for someone who may edit the lists:
 *   GRAPH_ACCESS_TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv)
 * GRAPH_BASE_URL points it elsewhere (the local Graph fake in tests).
 */
import { SharePointAssessmentStore } from '../storage/sharepoint/index.js';
import { runSiteCommand, siteCommandArgs } from './site-command.js';

const USAGE = 'Usage: npm run sharepoint:migrate -- --site <site id> [--dry-run]';
/** The store serves one school here: the given site. */
const SCHOOL = 'migration';

async function main(): Promise<number> {
  const args = siteCommandArgs(USAGE);
  if (typeof args === 'number') return args;
  const store = new SharePointAssessmentStore({
    graphBaseUrl: args.baseUrl,
    getAccessToken: async () => args.token,
    product: 'hsb-assistant-migrate/1',
    site: { siteId: args.site, allowedGroupIds: [SCHOOL] },
  });
  const { dryRun } = args;
  const report = await store.migrateRecords(SCHOOL, {
    dryRun,
    actor: { id: 'system-migration', kind: 'app' },
  });
  console.log(`SharePoint migration for site ${args.site}${dryRun ? ' (dry run: nothing is changed)' : ''}`);
  for (const step of report.migrated) {
    console.log(
      `  + ${step.caseRef}: a case, ${step.children} child record${step.children === 1 ? '' : 's'}, ${step.supportPlans} support plan${step.supportPlans === 1 ? '' : 's'}`,
    );
  }
  console.log(`  = ${report.alreadyDone} plan${report.alreadyDone === 1 ? '' : 's'} already in a case`);
  console.log(
    report.migrated.length === 0
      ? 'Nothing to change.'
      : `${report.migrated.length} assessment${report.migrated.length === 1 ? '' : 's'} ${dryRun ? 'would be moved' : 'moved'}.`,
  );
  return 0;
}

runSiteCommand(main, 'Migration failed', 'Run it again to resume.');
