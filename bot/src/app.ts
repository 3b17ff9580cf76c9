import type { AddressInfo } from 'node:net';
import type { INetworkModule } from '@azure/msal-node';
import type { Server } from 'restify';
import {
  hasOutbox,
  systemClock,
  type AssessmentStore,
  type Clock,
  type ContentLibrary,
} from '../../core/index.js';
import { createAssessmentStore, documentArchiveOf } from '../../storage/index.js';
import {
  Authorisation,
  EntraAuthenticator,
  EntraTokenValidator,
  GraphTeamMembership,
  GraphTeamOwners,
  MsalGraphTokenService,
  OpenIdKeys,
  type GraphTokenService,
} from './auth/index.js';
import { tenantAndTeamOf } from './auth/school-id.js';
import { createTeamsBot, type TeamsBot, type TeamsBotOverrides } from './bot/create-teams-bot.js';
import { deepLinks } from './bot/deep-links.js';
import { libraryFaqAnswers, libraryHackettGuide } from './bot/library-knowledge.js';
import { loadContentLibrary } from './content/load-content.js';
import { isLoopback, type AppConfig } from './config.js';
import { LOCAL_USER_NAME, LocalAuthenticator, type Authenticator } from './http/authenticator.js';
import type { AppDeps } from './http/app-deps.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logger.js';
import { GraphActivityNotifier } from './notify/graph-notifier.js';
import { NotDelivered, Notifications, type NotificationSink } from './notify/notifications.js';
import { OutboxNotifier } from './notify/outbox-notifier.js';
import { packageVersion } from './paths.js';
import { GraphPeopleDirectory } from './people/graph-people.js';
import { LocalPeopleDirectory } from './people/local-people.js';

export interface App {
  server: Server;
  store: AssessmentStore;
  content: ContentLibrary;
  /** The Teams bot: its installations and its review reminders. */
  bot: TeamsBot;
  /** Action notifications in flight; `settled()` waits for them. */
  notifications: Notifications;
  /** Listens on the configured host and port (port 0 picks a free one); resolves to the bound address. */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting connections, waits for open requests, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  store?: AssessmentStore;
  bot?: TeamsBotOverrides;
  /** Already-loaded content, so tests that build many apps read content/ once. */
  content?: ContentLibrary;
  /**
   * MSAL's HTTP client. msal-node only accepts https authorities, so tests route Entra's token
   * endpoint to a loopback fake through this (the transport swap Microsoft's SDK teams recommend).
   */
  msalNetworkClient?: INetworkModule;
  /** Entra signing-key refresh cooldown; tests that rotate keys shorten it. */
  keyRefreshCooldownMs?: number;
}

interface IdentityWiring {
  authenticator: Authenticator;
  tokens?: GraphTokenService;
  /** Microsoft 365 mode's one access decision, used by the API's authenticator and the bot. */
  authorisation?: Authorisation;
}

/** Microsoft 365 mode: Entra sign-in on every API call, team membership through Graph on the user's behalf. */
function m365Identity(
  config: Extract<AppConfig, { mode: 'm365' }>,
  logger: Logger,
  overrides: AppOverrides,
): IdentityWiring {
  const keys = new OpenIdKeys({
    metadataUrl: config.openIdMetadataUrl,
    ...(overrides.keyRefreshCooldownMs !== undefined
      ? { keyRefreshCooldownMs: overrides.keyRefreshCooldownMs }
      : {}),
  });
  const validator = new EntraTokenValidator({
    clientId: config.AAD_APP_CLIENT_ID,
    appIdUri: config.AAD_APP_ID_URI,
    allowedTenantIds: config.ALLOWED_TENANT_IDS,
    getKey: keys.getKey,
  });
  const tokens = new MsalGraphTokenService({
    clientId: config.AAD_APP_CLIENT_ID,
    clientSecret: config.SECRET_AAD_APP_CLIENT_SECRET,
    tenantId: config.AAD_APP_TENANT_ID,
    logger,
    ...(overrides.msalNetworkClient ? { networkClient: overrides.msalNetworkClient } : {}),
  });
  const membership = new GraphTeamMembership({
    tokens,
    graphBaseUrl: config.GRAPH_BASE_URL,
    product: `hsb-assistant/${packageVersion(config.paths.root)}`,
    logger,
  });
  const owners = new GraphTeamOwners({
    tokens,
    graphBaseUrl: config.GRAPH_BASE_URL,
    product: `hsb-assistant/${packageVersion(config.paths.root)}`,
    logger,
  });
  const authorisation = new Authorisation({ teamIds: config.safeguardingTeamIds, membership, owners });
  return {
    authenticator: new EntraAuthenticator({ validator, authorisation, logger }),
    tokens,
    authorisation,
  };
}

/**
 * The SharePoint store for Microsoft 365 mode: every request made for a user carries that user's
 * on-behalf-of token; background work (the bot's reminders) uses the app's token for the school's
 * tenant. Only the configured safeguarding teams are served.
 */
export function sharePointStore(
  config: Pick<
    Extract<AppConfig, { mode: 'm365' }>,
    'GRAPH_BASE_URL' | 'SHAREPOINT_SITE_ID' | 'safeguardingTeamIds'
  >,
  tokens: Pick<GraphTokenService, 'forUser' | 'forApp'>,
  logger: Logger,
  version: string,
): AssessmentStore {
  return createAssessmentStore({
    kind: 'sharepoint',
    graphBaseUrl: config.GRAPH_BASE_URL,
    product: `hsb-assistant/${version}`,
    site: {
      ...(config.SHAREPOINT_SITE_ID ? { siteId: config.SHAREPOINT_SITE_ID } : {}),
      allowedGroupIds: config.safeguardingTeamIds,
    },
    getAccessToken: ({ userAssertion, tenantId }) =>
      userAssertion ? tokens.forUser(userAssertion) : tokens.forApp(tenantId),
    onWarning: ({ code, err }) => logger.warn({ code, err }, 'sharepoint'),
  });
}

/** The one place the store is chosen for a mode. */
function storeFor(config: AppConfig, identity: IdentityWiring, logger: Logger): AssessmentStore {
  if (config.mode === 'local') return createAssessmentStore({ kind: 'sqlite', dataDir: config.dataDir });
  if (!identity.tokens) throw new Error('Microsoft 365 mode needs Graph tokens for the SharePoint store.');
  return sharePointStore(config, identity.tokens, logger, packageVersion(config.paths.root));
}

/** Wires one running product from a validated configuration. */
export function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  // Content first: invalid content stops start-up (naming the file and field) before anything opens.
  const content = overrides.content ?? loadContentLibrary(config.paths.contentDir);
  const identity: IdentityWiring =
    config.mode === 'local'
      ? { authenticator: new LocalAuthenticator() }
      : m365Identity(config, logger, overrides);
  const store = overrides.store ?? storeFor(config, identity, logger);
  const documentArchive = config.mode === 'm365' ? documentArchiveOf(store) : undefined;
  const clock = overrides.clock ?? systemClock;
  // With PORT=0 (tests, benchmarks) and no PUBLIC_BASE_URL, the public address is the one bound.
  let publicBaseUrl = config.publicBaseUrl;
  const bot = createTeamsBot(
    {
      config,
      logger,
      store,
      clock,
      faq: libraryFaqAnswers(content),
      hackett: libraryHackettGuide(content),
      publicBaseUrl: () => publicBaseUrl,
      ...(identity.authorisation ? { authorisation: identity.authorisation } : {}),
    },
    overrides.bot,
  );
  const { notifications, people } = actionWiring(config, identity, store, clock, logger, () => publicBaseUrl);
  const deps: AppDeps = {
    config,
    logger,
    store,
    authenticator: identity.authenticator,
    ...(identity.tokens ? { tokens: identity.tokens } : {}),
    clock,
    content,
    version: packageVersion(config.paths.root),
    processActivity: (req, res) => bot.processActivity(req, res),
    ...(documentArchive ? { documentArchive } : {}),
    notifications,
    ...(people ? { people } : {}),
  };
  const server = createHttpServer(deps);

  let closing: Promise<void> | undefined;
  return {
    server,
    store,
    content,
    bot,
    notifications,
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          const address = server.server.address() as AddressInfo;
          // Second guard behind config.ts: a name such as `localhost` must really have bound loopback.
          if (config.mode === 'local' && !isLoopback(address.address)) {
            server.close(() => reject(new LocalModeNotLoopbackError(address.address)));
            return;
          }
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const url = `http://${host}:${address.port}`;
          if (config.mode === 'local' && !config.PUBLIC_BASE_URL) publicBaseUrl = url;
          bot.start();
          resolve({ host: address.address, port: address.port, url });
        });
      }),
    close: () =>
      (closing ??= (async () => {
        bot.stop();
        await new Promise<void>((resolve) => {
          if (!server.server.listening) return resolve();
          server.close(() => resolve());
          server.server.closeIdleConnections?.();
        });
        await notifications.settled();
        await store.close();
      })()),
  };
}

/**
 * Who an action can be given to, and how its owner is told: Graph (the team's members and the
 * directory; Teams activity-feed notifications) in Microsoft 365, a local list and the outbox in
 * local mode.
 */
function actionWiring(
  config: AppConfig,
  identity: IdentityWiring,
  store: AssessmentStore,
  clock: Clock,
  logger: Logger,
  publicBaseUrl: () => string,
): { notifications: Notifications; people?: AppDeps['people'] } {
  const links = deepLinks(config, publicBaseUrl);
  const planLink = (id: string) => links.assessment(id);
  if (config.mode === 'local') {
    const directory = new LocalPeopleDirectory(LOCAL_USER_NAME, config.LOCAL_STAFF);
    const sink: NotificationSink = hasOutbox(store)
      ? new OutboxNotifier(store, clock)
      : {
          deliver: async () => {
            throw new NotDelivered('NOTIFY_NO_OUTBOX');
          },
        };
    return { notifications: new Notifications({ sink, logger, planLink }), people: () => directory };
  }
  const product = `hsb-assistant/${packageVersion(config.paths.root)}`;
  const tokens = identity.tokens;
  if (!tokens) throw new Error('Microsoft 365 mode needs Graph tokens for people and notifications.');
  const graphPeople = new GraphPeopleDirectory({
    tokens,
    graphBaseUrl: config.GRAPH_BASE_URL,
    product,
    logger,
  });
  const sink = new GraphActivityNotifier({ tokens, graphBaseUrl: config.GRAPH_BASE_URL, product });
  return {
    notifications: new Notifications({ sink, logger, planLink }),
    people: (caller) => {
      const school = tenantAndTeamOf(caller.schoolId);
      if (!school || !caller.userAssertion) {
        return { find: async () => [] };
      }
      return graphPeople.forCaller({ ...school, userAssertion: caller.userAssertion });
    },
  };
}

/** Local mode has no sign-in, so it is never served beyond this machine. */
export class LocalModeNotLoopbackError extends Error {
  constructor(readonly address: string) {
    super('Local mode has no sign-in and only listens on a loopback address such as 127.0.0.1.');
    this.name = 'LocalModeNotLoopbackError';
  }
}
