import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { systemClock, type AssessmentStore, type Clock, type ContentLibrary } from '../../core/index.js';
import { createAssessmentStore } from '../../storage/index.js';
import { activityEndpoint } from './bot/activity-endpoint.js';
import { createBotAdapter } from './bot/adapter.js';
import { HsbBot } from './bot/hsb-bot.js';
import { loadContentLibrary } from './content/load-content.js';
import type { AppConfig } from './config.js';
import { LocalAuthenticator } from './http/authenticator.js';
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
}

/** Wires one running product from a validated configuration. */
export function buildApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): App {
  if (config.mode !== 'local') {
    throw new Error(
      'Microsoft 365 mode needs the SharePoint store, which this build does not include yet (issue #4).',
    );
  }
  // Content first: invalid content stops start-up (naming the file and field) before anything opens.
  const content = overrides.content ?? loadContentLibrary(config.paths.contentDir);
  const store = overrides.store ?? createAssessmentStore({ kind: 'sqlite', dataDir: config.dataDir });
  const adapter = createBotAdapter(config, logger);
  // With PORT=0 (tests, benchmarks) and no PUBLIC_BASE_URL, the public address is the one bound.
  let publicBaseUrl = config.publicBaseUrl;
  const bot = new HsbBot({ tabUrl: () => `${publicBaseUrl}/tab/` });
  const deps: AppDeps = {
    config,
    logger,
    store,
    authenticator: new LocalAuthenticator(),
    clock: overrides.clock ?? systemClock,
    content,
    version: packageVersion(config.paths.root),
    processActivity: activityEndpoint(adapter, (context) => bot.run(context)),
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
