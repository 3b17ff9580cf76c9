import type { Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

/**
 * What the tab's consent pop-up (/tab/auth-start) needs to ask Entra for consent: public values only
 * (the client id is in the Teams manifest too). The pop-up runs precisely when sign-in is not yet
 * complete, so this lives with the tab's files rather than under /api/, where every route requires
 * sign-in (require-sign-in.ts).
 */
export function registerSignInSettingsRoutes(server: Server, deps: AppDeps): void {
  server.get(
    '/tab/auth-config.json',
    handler(deps.logger, async (_req, res) => {
      const { config } = deps;
      res.header('Cache-Control', 'no-cache');
      if (config.mode === 'local') {
        res.send(200, { mode: 'local' });
        return;
      }
      res.send(200, {
        mode: config.mode,
        clientId: config.AAD_APP_CLIENT_ID,
        // The tab and the server are one Entra app, so consenting to its Graph permissions (`.default`:
        // every one the registration lists) is what lets on-behalf-of succeed afterwards.
        scopes: ['openid', 'profile', 'offline_access', `${new URL(config.GRAPH_BASE_URL).origin}/.default`],
      });
    }),
  );
}
