/**
 * npm run sharepoint:provision -- --site <site id> [--dry-run]
 *
 * Creates, in the safeguarding team's SharePoint site, the lists, columns and indexes the app needs.
 * Idempotent: it only adds what is missing, never deletes, never changes a column's type, and prints
 * its plan. Needs a Graph access token for someone allowed to manage the site's lists, e.g.
 *   GRAPH_ACCESS_TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv)
 * GRAPH_BASE_URL points it elsewhere (the local Graph fake in tests).
 */
import { createGraphClient, formatPlan, provisionSharePoint } from '../storage/sharepoint/index.js';
import { runSiteCommand, siteCommandArgs } from './site-command.js';

const USAGE = 'Usage: npm run sharepoint:provision -- --site <site id> [--dry-run]';

async function main(): Promise<number> {
  const args = siteCommandArgs(USAGE);
  if (typeof args === 'number') return args;
  const client = createGraphClient({
    baseUrl: args.baseUrl,
    getAccessToken: async () => args.token,
    product: 'hsb-assistant-provision/1',
  });
  const plan = await provisionSharePoint(client, {
    siteId: args.site,
    baseUrl: args.baseUrl,
    dryRun: args.dryRun,
  });
  console.log(formatPlan(plan));
  return plan.problems ? 1 : 0;
}

runSiteCommand(main, 'Provisioning failed');
