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
      const identity = await deps.authenticator.identify(req);
      const schools = await deps.authenticator.schools(req);
      // `schools` empty means signed in but in no safeguarding team: the tab explains rather than fails.
      res.send(200, {
        displayName: identity.displayName,
        kind: identity.actor.kind,
        mode: deps.config.mode,
        schools: schools.map((s) => ({ schoolId: s.schoolId, teamId: s.teamId ?? null })),
      });
    }),
  );
}
