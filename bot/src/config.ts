import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';

/**
 * The only place this process reads its environment (DESIGN §2). Local mode (the default) needs
 * nothing; Microsoft 365 mode needs the keys below and stops at start, naming every missing one.
 * Secrets follow the Agents Toolkit convention of a `SECRET_` prefix.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  if (LOOPBACK_HOSTS.has(host)) return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

const port = z.coerce.number().int().min(0).max(65_535);
const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1));
const httpsUrl = z.url({ protocol: /^https$/ });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = z.string().regex(GUID, 'must be a GUID');
const guidList = csv.pipe(
  z.array(
    z
      .string()
      .regex(GUID, 'must be a comma-separated list of GUIDs')
      .transform((s) => s.toLowerCase()),
  ),
);
/** Signing keys must come over https; plain http is allowed on loopback only, for local fakes in tests. */
const keysUrl = z.url().refine((value) => {
  const url = new URL(value);
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && isLoopback(url.hostname.replace(/^\[|\]$/g, '')))
  );
}, 'must be an https address (http only on a loopback address)');

const common = {
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONTENT_DIR: z.string().min(1).optional(),
  STATIC_DIR: z.string().min(1).optional(),
  /** School-time hour (0–23) from which the bot posts the day's review digest; `off` posts none. */
  REVIEW_DIGEST_HOUR: z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)]).default(8),
};

const localSchema = z.object({
  APP_MODE: z.literal('local'),
  ...common,
  DATA_DIR: z.string().min(1).default('.data'),
  PUBLIC_BASE_URL: z.url().optional(),
  TEAMS_APP_ID: z.string().optional(),
  /**
   * The staff the owner picker offers in local mode, comma separated (the local user is always
   * offered too). Fictional names by default, so the picker works with no tenant.
   */
  LOCAL_STAFF: csv
    .pipe(z.array(z.string().max(100, 'each name at most 100 characters')).max(50, 'at most 50 names'))
    .default(['Alex Morgan (DSL)', 'Sam Patel', 'Jo Williams']),
});

const m365Schema = z.object({
  APP_MODE: z.literal('m365'),
  ...common,
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(8080),
  /** The public https address of this app, e.g. https://hsb.example.org (tab, task pane and bot). */
  PUBLIC_BASE_URL: httpsUrl,
  TEAMS_APP_ID: guid,
  /** Bot registration (single tenant). */
  BOT_ID: guid,
  BOT_TENANT_ID: guid,
  SECRET_BOT_PASSWORD: z.string().min(1),
  /** Where the Bot Connector's signing keys are found; the public cloud's unless set (tests, sovereign clouds). */
  BOT_OPENID_METADATA_URL: z.url().optional(),
  /** The Entra app that the tab and the Word add-in sign in to (Teams and Office SSO). */
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_TENANT_ID: guid,
  AAD_APP_ID_URI: z.string().min(1),
  SECRET_AAD_APP_CLIENT_SECRET: z.string().min(1),
  AAD_OPENID_METADATA_URL: keysUrl.optional(),
  ALLOWED_TENANT_IDS: guidList,
  /**
   * The safeguarding team's Microsoft 365 group id; its SharePoint site holds the records. A trust
   * serving several schools lists every team in SAFEGUARDING_TEAM_IDS; at least one of the two is needed.
   */
  SAFEGUARDING_TEAM_ID: guid.optional(),
  SAFEGUARDING_TEAM_IDS: guidList.optional(),
  SHAREPOINT_SITE_ID: z.string().min(1).optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  SECRET_BOT_STATE_CONNECTION_STRING: z.string().min(1),
  BOT_STATE_CONTAINER: z.string().min(3).default('bot-state'),
});

export type LocalConfig = z.output<typeof localSchema>;
export type M365Config = z.output<typeof m365Schema>;

export interface ResolvedPaths {
  root: string;
  contentDir: string;
  staticDir: string;
}

export type AppConfig = (
  | (Omit<LocalConfig, 'APP_MODE'> & { mode: 'local'; storage: 'sqlite'; dataDir: string })
  | (Omit<M365Config, 'APP_MODE'> & {
      mode: 'm365';
      storage: 'sharepoint';
      /** Every safeguarding team of this deployment (SAFEGUARDING_TEAM_ID and SAFEGUARDING_TEAM_IDS), lower case. */
      safeguardingTeamIds: string[];
      /** AAD_OPENID_METADATA_URL, or Entra's document for the app's tenant. */
      openIdMetadataUrl: string;
    })
) & { paths: ResolvedPaths; publicBaseUrl: string; ownHosts: OwnHosts };

/**
 * The names this server answers to: a request addressed to any other host is refused, so a web page
 * whose DNS name is pointed at this machine (DNS rebinding) cannot read or write through it.
 */
export interface OwnHosts {
  /** PUBLIC_BASE_URL's host name (lower case, IPv6 in brackets), port (default filled in) and origin. */
  public: { hostname: string; port: string; origin: string };
  /**
   * When the server listens on a loopback address: the names that reach it on this machine
   * (127.0.0.1, localhost, [::1] and HOST itself), valid with the port actually bound. Empty otherwise.
   */
  loopbackNames: string[];
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function ownHostsOf(host: string, publicBaseUrl: string): OwnHosts {
  const url = new URL(publicBaseUrl);
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return {
    public: {
      hostname: url.hostname.toLowerCase(),
      port: url.port || DEFAULT_PORTS[url.protocol] || '',
      origin: url.origin.toLowerCase(),
    },
    loopbackNames: isLoopback(host)
      ? [...new Set(['127.0.0.1', 'localhost', '[::1]', bracketed.toLowerCase()])]
      : [],
  };
}

export class ConfigError extends Error {
  constructor(
    readonly missing: string[],
    readonly invalid: { key: string; problem: string }[],
  ) {
    const parts: string[] = [];
    if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
    if (invalid.length) parts.push(`invalid: ${invalid.map((i) => `${i.key} (${i.problem})`).join('; ')}`);
    super(`Configuration problem — ${parts.join(' — ')}. See README.md, "Configuration".`);
    this.name = 'ConfigError';
  }
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/** Reads and validates the environment; throws one ConfigError naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = blankToUndefined(env);
  const mode = raw.APP_MODE ?? 'local';
  if (mode !== 'local' && mode !== 'm365') {
    throw new ConfigError([], [{ key: 'APP_MODE', problem: 'use "local" or "m365"' }]);
  }
  const schema = mode === 'local' ? localSchema : m365Schema;
  const parsed = schema.safeParse({ ...raw, APP_MODE: mode });
  // Either key names the teams; reported as one missing key so the message stays short.
  const noTeams =
    mode === 'm365' && raw.SAFEGUARDING_TEAM_ID === undefined && raw.SAFEGUARDING_TEAM_IDS === undefined;
  if (!parsed.success || noTeams) {
    const missing: string[] = noTeams ? ['SAFEGUARDING_TEAM_ID'] : [];
    const invalid: { key: string; problem: string }[] = [];
    for (const issue of parsed.error?.issues ?? []) {
      const key = String(issue.path[0] ?? '');
      if (raw[key] === undefined) missing.push(key);
      else invalid.push({ key, problem: issue.message });
    }
    throw new ConfigError([...new Set(missing)].sort(), invalid);
  }

  const root = projectRoot();
  const c = parsed.data;
  const paths: ResolvedPaths = {
    root,
    contentDir: resolve(root, c.CONTENT_DIR ?? 'content'),
    staticDir: resolve(root, c.STATIC_DIR ?? 'dist'),
  };

  if (c.APP_MODE === 'local') {
    // Local mode has no sign-in at all, so it must never be reachable from another machine.
    if (!isLoopback(c.HOST)) {
      throw new ConfigError(
        [],
        [
          {
            key: 'HOST',
            problem: 'local mode has no sign-in and only listens on a loopback address such as 127.0.0.1',
          },
        ],
      );
    }
    const { APP_MODE: _mode, ...rest } = c;
    const host = c.HOST.includes(':') ? `[${c.HOST}]` : c.HOST;
    const publicBaseUrl = (c.PUBLIC_BASE_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, '');
    return {
      ...rest,
      mode: 'local',
      storage: 'sqlite',
      dataDir: resolve(root, c.DATA_DIR),
      paths,
      publicBaseUrl,
      ownHosts: ownHostsOf(c.HOST, publicBaseUrl),
    };
  }
  const { APP_MODE: _mode, ...rest } = c;
  const teams = [
    ...(c.SAFEGUARDING_TEAM_ID ? [c.SAFEGUARDING_TEAM_ID.toLowerCase()] : []),
    ...(c.SAFEGUARDING_TEAM_IDS ?? []),
  ];
  const safeguardingTeamIds = [...new Set(teams)];
  // One fixed site would put several schools' records in one list; each team then uses its own site.
  if (c.SHAREPOINT_SITE_ID && safeguardingTeamIds.length > 1) {
    throw new ConfigError(
      [],
      [
        {
          key: 'SHAREPOINT_SITE_ID',
          problem:
            "only with a single safeguarding team; with several, each team's own SharePoint site is used",
        },
      ],
    );
  }
  return {
    ...rest,
    mode: 'm365',
    storage: 'sharepoint',
    safeguardingTeamIds,
    openIdMetadataUrl:
      c.AAD_OPENID_METADATA_URL ??
      `https://login.microsoftonline.com/${c.AAD_APP_TENANT_ID}/v2.0/.well-known/openid-configuration`,
    paths,
    publicBaseUrl: c.PUBLIC_BASE_URL.replace(/\/$/, ''),
    ownHosts: ownHostsOf(c.HOST, c.PUBLIC_BASE_URL),
  };
}

/** The configuration with secrets masked, for the start-up log line. */
export function redactedConfig(config: AppConfig): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, k.startsWith('SECRET_') ? '[secret]' : v]),
  );
}
