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
import { parseArgs } from 'node:util';
import { SharePointAssessmentStore } from '../storage/sharepoint/index.js';

const USAGE = 'Usage: npm run sharepoint:migrate -- --site <site id> [--dry-run]';
/** The store serves one school here: the given site. */
const SCHOOL = 'migration';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        site: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const token = process.env.GRAPH_ACCESS_TOKEN;
  const missing = [...(args.site ? [] : ['--site']), ...(token ? [] : ['GRAPH_ACCESS_TOKEN'])];
  if (missing.length) {
    console.error(`Missing: ${missing.join(', ')}\n${USAGE}`);
    return 2;
  }
  const store = new SharePointAssessmentStore({
    graphBaseUrl: process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com',
    getAccessToken: async () => token!,
    product: 'hsb-assistant-migrate/1',
    site: { siteId: args.site!, allowedGroupIds: [SCHOOL] },
  });
  const dryRun = args['dry-run'] ?? false;
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const coded = error as { code?: unknown };
    // The code only: a provider's message could quote a record.
    console.error(
      `Migration failed: ${typeof coded.code === 'string' ? coded.code : 'error'}. Run it again to resume.`,
    );
    process.exit(1);
  },
);
