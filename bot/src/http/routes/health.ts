import type { Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

export function registerHealthRoutes(server: Server, deps: AppDeps): void {
  server.get(
    '/healthz',
    handler(deps.logger, async (_req, res) => {
      res.send(200, {
        status: 'ok',
        mode: deps.config.mode,
        storage: deps.config.storage,
        version: deps.version,
      });
    }),
  );

  server.get(
    '/api/me',
    handler(deps.logger, async (req, res) => {
      const caller = await deps.authenticator.authenticate(req);
      res.send(200, { displayName: caller.displayName, kind: caller.actor.kind, mode: deps.config.mode });
    }),
  );
}
