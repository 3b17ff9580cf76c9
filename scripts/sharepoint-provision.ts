/**
 * npm run sharepoint:provision -- --site <site id> [--dry-run]
 *
 * Creates, in the safeguarding team's SharePoint site, the lists, columns and indexes the app needs.
 * Idempotent: it only adds what is missing, never deletes, never changes a column's type, and prints
 * its plan. Needs a Graph access token for someone allowed to manage the site's lists, e.g.
 *   GRAPH_ACCESS_TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv)
 * GRAPH_BASE_URL points it elsewhere (the local Graph fake in tests).
 */
import { parseArgs } from 'node:util';
import { createGraphClient, formatPlan, provisionSharePoint } from '../storage/sharepoint/index.js';

const USAGE = 'Usage: npm run sharepoint:provision -- --site <site id> [--dry-run]';

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
  const baseUrl = process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com';
  const missing = [...(args.site ? [] : ['--site']), ...(token ? [] : ['GRAPH_ACCESS_TOKEN'])];
  if (missing.length) {
    console.error(`Missing: ${missing.join(', ')}\n${USAGE}`);
    return 2;
  }
  const client = createGraphClient({
    baseUrl,
    getAccessToken: async () => token!,
    product: 'hsb-assistant-provision/1',
  });
  const plan = await provisionSharePoint(client, {
    siteId: args.site!,
    baseUrl,
    dryRun: args['dry-run'] ?? false,
  });
  console.log(formatPlan(plan));
  return plan.problems ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const coded = error as { code?: unknown; message?: unknown };
    console.error(
      `Provisioning failed: ${typeof coded.code === 'string' ? coded.code : 'error'} — ${String(coded.message ?? '')}`,
    );
    process.exit(1);
  },
);
