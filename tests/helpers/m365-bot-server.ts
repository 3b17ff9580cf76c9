import { Writable } from 'node:stream';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { AssessmentStore, Clock } from '../../core/index.js';
import { buildApp, type App } from '../../bot/src/app.js';
import { loadConfig } from '../../bot/src/config.js';
import { createLogger } from '../../bot/src/logger.js';
import { createAssessmentStore } from '../../storage/index.js';
import { FakeEntra } from '../fakes/entra/fake-entra.js';
import { FakeGraphDirectory } from '../fakes/entra/fake-graph-directory.js';
import { LoopbackMsalNetwork } from '../fakes/entra/loopback-msal-network.js';
import { OfflineCredentialsFactory } from './fake-bot-auth.js';
import { TEAM_GROUP_ID, TENANT_ID } from './teams-activities.js';

export const BOT_APP_ID = '44444444-4444-4444-8444-444444444444';
export const TEAMS_APP_ID = '55555555-5555-4555-8555-555555555555';
const AAD_APP_CLIENT_ID = '66666666-6666-4666-8666-666666666666';
const AAD_APP_SECRET = 'not-a-real-secret';

export interface M365BotServer {
  url: string;
  app: App;
  store: AssessmentStore;
  logs: string[];
  /** Team membership as Microsoft Graph answers it to the bot (asked as the app, by object id). */
  directory: FakeGraphDirectory;
  close(): Promise<void>;
}

/**
 * The product in Microsoft 365 mode with the Bot Connector's keys owned by the test. The SharePoint store
 * is issue #4's, so records go to SQLite in memory (or a store the test passes, to share across restarts).
 */
export async function startM365BotServer(options: {
  metadataUrl: string;
  clock?: Clock;
  store?: AssessmentStore;
  /** Bot state: memory unless given, or `configured` for what the settings say (Azure Blob Storage). */
  storage?: Storage | 'configured';
  env?: Record<string, string>;
}): Promise<M365BotServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const entra = await FakeEntra.start({
    clientId: AAD_APP_CLIENT_ID,
    clientSecret: AAD_APP_SECRET,
    appIdUri: `api://hsb.example.org/${AAD_APP_CLIENT_ID}`,
  });
  const directory = await FakeGraphDirectory.start(entra);
  const config = loadConfig({
    APP_MODE: 'm365',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'trace',
    PUBLIC_BASE_URL: 'https://hsb.example.org',
    TEAMS_APP_ID,
    BOT_ID: BOT_APP_ID,
    BOT_TENANT_ID: TENANT_ID,
    SECRET_BOT_PASSWORD: 'not-used-offline',
    BOT_OPENID_METADATA_URL: options.metadataUrl,
    AAD_APP_CLIENT_ID,
    AAD_APP_TENANT_ID: TENANT_ID,
    AAD_APP_ID_URI: `api://hsb.example.org/${AAD_APP_CLIENT_ID}`,
    SECRET_AAD_APP_CLIENT_SECRET: AAD_APP_SECRET,
    AAD_OPENID_METADATA_URL: entra.metadataUrlFor('organizations'),
    GRAPH_BASE_URL: directory.url,
    ALLOWED_TENANT_IDS: TENANT_ID,
    SAFEGUARDING_TEAM_ID: TEAM_GROUP_ID,
    SECRET_BOT_STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    ...options.env,
  });
  const ownStore = !options.store;
  const store = options.store ?? createAssessmentStore({ kind: 'sqlite-memory' });
  const app = buildApp(config, createLogger('trace', sink), {
    store,
    msalNetworkClient: new LoopbackMsalNetwork(entra.url),
    ...(options.clock ? { clock: options.clock } : {}),
    bot: {
      ...(options.storage === 'configured' ? {} : { storage: options.storage ?? new MemoryStorage() }),
      credentialsFactory: new OfflineCredentialsFactory(BOT_APP_ID),
    },
  });
  const { url } = await app.listen();
  return {
    url,
    app,
    store,
    logs,
    directory,
    close: async () => {
      // A shared store outlives this server (a restart test opens it again).
      if (ownStore) await app.close();
      else await closeServerOnly(app);
      await directory.close();
      await entra.close();
    },
  };
}

async function closeServerOnly(app: App): Promise<void> {
  app.bot.stop();
  await new Promise<void>((resolve) => {
    if (!app.server.server.listening) return resolve();
    app.server.close(() => resolve());
    app.server.server.closeIdleConnections?.();
  });
}
