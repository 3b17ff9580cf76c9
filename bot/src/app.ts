import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { systemClock, type AssessmentStore, type Clock, type ContentLibrary } from '../../core/index.js';
import { createAssessmentStore, documentArchiveOf } from '../../storage/index.js';
import { activityEndpoint } from './bot/activity-endpoint.js';
import { createBotAdapter } from './bot/adapter.js';
import { HsbBot } from './bot/hsb-bot.js';
import { loadContentLibrary } from './content/load-content.js';
import type { AppConfig, M365Config } from './config.js';
import { LocalAuthenticator, type Authenticator } from './http/authenticator.js';
import type { AppDeps } from './http/app-deps.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logger.js';
import { packageVersion } from './paths.js';

export interface App {
  server: Server;
  store: AssessmentStore;
  content: ContentLibrary;
  /** Listens on the configured host and port (port 0 picks a free one); resolves to the bound address. */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting connections, waits for open requests, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  store?: AssessmentStore;
  /** Already-loaded content, so tests that build many apps read content/ once. */
  content?: ContentLibrary;
  /** Microsoft 365 mode's sign-in and Graph tokens (bot/src/auth, issue #5). */
  m365?: M365Identity;
}

/** Graph access tokens: on behalf of a signed-in user, or app-only (GraphTokenService, bot/src/auth). */
export interface GraphTokenSource {
  forUser(assertion: string): Promise<string>;
  forApp(tenantId?: string): Promise<string>;
}

/** What Microsoft 365 mode needs from the identity work: who is calling, and tokens to act for them. */
export interface M365Identity {
  authenticator: Authenticator;
  graphTokens: GraphTokenSource;
}

/**
 * The SharePoint store for Microsoft 365 mode: every request made for a user carries that user's
 * on-behalf-of token; background work (the bot's reminders) uses the app's token for the school's tenant.
 */
export function sharePointStore(
  config: Pick<M365Config, 'GRAPH_BASE_URL' | 'SHAREPOINT_SITE_ID' | 'SAFEGUARDING_TEAM_ID'>,
  tokens: GraphTokenSource,
  logger: Logger,
  version: string,
): AssessmentStore {
  return createAssessmentStore({
    kind: 'sharepoint',
    graphBaseUrl: config.GRAPH_BASE_URL,
    product: `hsb-assistant/${version}`,
    site: {
      ...(config.SHAREPOINT_SITE_ID ? { siteId: config.SHAREPOINT_SITE_ID } : {}),
      allowedGroupIds: [config.SAFEGUARDING_TEAM_ID],
    },
    getAccessToken: ({ userAssertion, tenantId }) =>
      userAssertion ? tokens.forUser(userAssertion) : tokens.forApp(tenantId),
    onWarning: ({ code, err }) => logger.warn({ code, err }, 'sharepoint'),
  });
}

/** Wires one running product from a validated configuration. */
export function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  const version = packageVersion(config.paths.root);
  // Content first: invalid content stops start-up (naming the file and field) before anything opens.
  const content = overrides.content ?? loadContentLibrary(config.paths.contentDir);
  let store: AssessmentStore;
  let authenticator: Authenticator;
  if (config.mode === 'local') {
    store = overrides.store ?? createAssessmentStore({ kind: 'sqlite', dataDir: config.dataDir });
    authenticator = new LocalAuthenticator();
  } else {
    if (!overrides.m365) {
      throw new Error('Microsoft 365 mode needs sign-in and Graph tokens (bot/src/auth, issue #5).');
    }
    store = overrides.store ?? sharePointStore(config, overrides.m365.graphTokens, logger, version);
    authenticator = overrides.m365.authenticator;
  }
  const documentArchive = config.mode === 'm365' ? documentArchiveOf(store) : undefined;
  const adapter = createBotAdapter(config, logger);
  // With PORT=0 (tests, benchmarks) and no PUBLIC_BASE_URL, the public address is the one bound.
  let publicBaseUrl = config.publicBaseUrl;
  const bot = new HsbBot({ tabUrl: () => `${publicBaseUrl}/tab/` });
  const deps: AppDeps = {
    config,
    logger,
    store,
    authenticator,
    clock: overrides.clock ?? systemClock,
    content,
    version,
    processActivity: activityEndpoint(adapter, (context) => bot.run(context)),
    ...(documentArchive ? { documentArchive } : {}),
  };
  const server = createHttpServer(deps);

  let closing: Promise<void> | undefined;
  return {
    server,
    store,
    content,
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          const address = server.server.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const url = `http://${host}:${address.port}`;
          if (config.mode === 'local' && !config.PUBLIC_BASE_URL) publicBaseUrl = url;
          resolve({ host: address.address, port: address.port, url });
        });
      }),
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          if (!server.server.listening) return resolve();
          server.close(() => resolve());
          server.server.closeIdleConnections?.();
        });
        await store.close();
      })()),
  };
}
