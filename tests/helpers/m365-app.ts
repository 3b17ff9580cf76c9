import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AssessmentStore } from '../../core/index.js';
import { createAssessmentStore } from '../../storage/index.js';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig, type AppConfig } from '../../bot/src/config.js';
import { createLogger, type Logger } from '../../bot/src/logger.js';
import { FakeEntra } from '../fakes/entra/fake-entra.js';
import { FakeGraphDirectory } from '../fakes/entra/fake-graph-directory.js';
import { LoopbackMsalNetwork } from '../fakes/entra/loopback-msal-network.js';

export const CLIENT_ID = '6a1c3f7e-2b8d-4c5e-9f01-23456789abcd';
export const CLIENT_SECRET = 'test-secret-not-real';
export const APP_ID_URI = `api://hsb.example.org/${CLIENT_ID}`;
/** The school trust's tenant (allowed), another allowed tenant, and a tenant that is not allowed. */
export const TENANT = '11111111-1111-4111-8111-111111111111';
export const OTHER_ALLOWED_TENANT = '22222222-2222-4222-8222-222222222222';
export const FOREIGN_TENANT = '99999999-9999-4999-8999-999999999999';
/** Two schools' safeguarding teams in the trust. */
export const TEAM_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TEAM_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

/** A user's Entra object id, distinct per `n`. */
export function userId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Captures log lines in memory so tests can prove what the logs never contain. */
export function memoryLogger(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

/** A directory with built stand-ins for the tab and the task pane, so static routes answer 200. */
export function staticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hsb-static-'));
  for (const app of ['tab', 'word']) {
    mkdirSync(join(dir, app), { recursive: true });
    writeFileSync(join(dir, app, 'index.html'), `<!doctype html><title>${app}</title>`);
  }
  return dir;
}

export interface M365TestApp {
  app: App;
  url: string;
  entra: FakeEntra;
  directory: FakeGraphDirectory;
  network: LoopbackMsalNetwork;
  config: AppConfig;
  store: AssessmentStore;
  logLines: string[];
  /** An SSO token for the app, as the tab would send it. */
  token(oid: string, claims?: Record<string, unknown>, tenant?: string): Promise<string>;
  close(): Promise<void>;
}

export interface M365TestOptions {
  teams?: string[];
  allowedTenants?: string[];
  env?: Record<string, string>;
  keyRefreshCooldownMs?: number;
  logLevel?: string;
}

/** The whole product in Microsoft 365 mode against loopback fakes of Entra and Graph (SQLite store). */
export async function startM365App(options: M365TestOptions = {}): Promise<M365TestApp> {
  const entra = await FakeEntra.start({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    appIdUri: APP_ID_URI,
  });
  const directory = await FakeGraphDirectory.start(entra);
  const network = new LoopbackMsalNetwork(entra.url);
  const statics = staticDir();
  const config = loadConfig(m365Env(entra, directory, statics, options));
  const { logger, lines } = memoryLogger(options.logLevel);
  const store = createAssessmentStore({ kind: 'sqlite-memory' });
  const app = buildApp(config, logger, {
    store,
    msalNetworkClient: network,
    ...(options.keyRefreshCooldownMs !== undefined
      ? { keyRefreshCooldownMs: options.keyRefreshCooldownMs }
      : {}),
  });
  const { url } = await app.listen();
  return {
    app,
    url,
    entra,
    directory,
    network,
    config,
    store,
    logLines: lines,
    token: (oid, claims = {}, tenant = TENANT) => entra.userToken({ tid: tenant, oid, ...claims }),
    close: async () => {
      await app.close();
      await directory.close();
      await entra.close();
      rmSync(statics, { recursive: true, force: true });
    },
  };
}

export function m365Env(
  entra: FakeEntra,
  directory: FakeGraphDirectory,
  statics: string,
  options: M365TestOptions = {},
): Record<string, string> {
  return {
    APP_MODE: 'm365',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    STATIC_DIR: statics,
    PUBLIC_BASE_URL: 'https://hsb.example.org',
    TEAMS_APP_ID: '3c9d1e2f-4a5b-4c6d-8e7f-901234567890',
    BOT_ID: '4d0e2f3a-5b6c-4d7e-8f90-123456789012',
    BOT_TENANT_ID: TENANT,
    SECRET_BOT_PASSWORD: 'bot-secret-not-real',
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_TENANT_ID: TENANT,
    AAD_APP_ID_URI: APP_ID_URI,
    SECRET_AAD_APP_CLIENT_SECRET: CLIENT_SECRET,
    AAD_OPENID_METADATA_URL: entra.metadataUrlFor('organizations'),
    ALLOWED_TENANT_IDS: (options.allowedTenants ?? [TENANT, OTHER_ALLOWED_TENANT]).join(','),
    SAFEGUARDING_TEAM_IDS: (options.teams ?? [TEAM_A, TEAM_B]).join(','),
    GRAPH_BASE_URL: directory.url,
    SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    ...options.env,
  };
}
