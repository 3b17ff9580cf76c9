import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { systemClock, type AssessmentStore, type Clock } from '../../core/index.js';
import { createAssessmentStore } from '../../storage/index.js';
import { createTeamsBot, type TeamsBot, type TeamsBotOverrides } from './bot/create-teams-bot.js';
import { interimContent } from './bot/interim-content.js';
import type { AppConfig } from './config.js';
import { LocalAuthenticator } from './http/authenticator.js';
import type { AppDeps } from './http/app-deps.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logger.js';
import { packageVersion } from './paths.js';

export interface App {
  server: Server;
  store: AssessmentStore;
  /** The Teams bot: its installations and its review reminders. */
  bot: TeamsBot;
  /** Listens on the configured host and port (port 0 picks a free one); resolves to the bound address. */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting connections, waits for open requests, then closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface AppOverrides {
  clock?: Clock;
  store?: AssessmentStore;
  bot?: TeamsBotOverrides;
}

/** Wires one running product from a validated configuration. */
export function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  let store: AssessmentStore;
  if (overrides.store) store = overrides.store;
  else if (config.mode === 'local')
    store = createAssessmentStore({ kind: 'sqlite', dataDir: config.dataDir });
  else {
    throw new Error(
      'Microsoft 365 mode needs the SharePoint store, which this build does not include yet (issue #4).',
    );
  }
  const clock = overrides.clock ?? systemClock;
  // With PORT=0 (tests, benchmarks) and no PUBLIC_BASE_URL, the public address is the one bound.
  let publicBaseUrl = config.publicBaseUrl;
  const bot = createTeamsBot(
    {
      config,
      logger,
      store,
      clock,
      ...interimContent(config.paths.contentDir),
      publicBaseUrl: () => publicBaseUrl,
    },
    overrides.bot,
  );
  const deps: AppDeps = {
    config,
    logger,
    store,
    authenticator: new LocalAuthenticator(),
    clock,
    version: packageVersion(config.paths.root),
    processActivity: (req, res) => bot.processActivity(req, res),
  };
  const server = createHttpServer(deps);

  let closing: Promise<void> | undefined;
  return {
    server,
    store,
    bot,
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          const address = server.server.address() as AddressInfo;
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
        await store.close();
      })()),
  };
}
