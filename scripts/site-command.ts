/**
 * What the SharePoint admin commands share: `--site <site id> [--dry-run]`, a Graph token from
 * GRAPH_ACCESS_TOKEN (GRAPH_BASE_URL points them at the local Graph fake in tests), usage on bad
 * arguments (exit 2), and on failure only the error's code (a provider's message could quote a
 * record), so a name can never reach the console.
 */
import { parseArgs } from 'node:util';

export interface SiteCommand {
  site: string;
  dryRun: boolean;
  token: string;
  baseUrl: string;
}

/** The command's arguments, or the exit code when they are missing or wrong (usage printed). */
export function siteCommandArgs(usage: string): SiteCommand | number {
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
    console.error(usage);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const token = process.env.GRAPH_ACCESS_TOKEN;
  const missing = [...(args.site ? [] : ['--site']), ...(token ? [] : ['GRAPH_ACCESS_TOKEN'])];
  if (missing.length || !args.site || !token) {
    console.error(`Missing: ${missing.join(', ')}\n${usage}`);
    return 2;
  }
  return {
    site: args.site,
    dryRun: args['dry-run'] ?? false,
    token,
    baseUrl: process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com',
  };
}

/** Runs the command and exits with its code; a failure prints `<failed>: <code>.` and `hint`. */
export function runSiteCommand(main: () => Promise<number>, failed: string, hint = ''): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const coded = error as { code?: unknown };
      console.error(
        `${failed}: ${typeof coded.code === 'string' ? coded.code : 'error'}.${hint ? ` ${hint}` : ''}`,
      );
      process.exit(1);
    },
  );
}
