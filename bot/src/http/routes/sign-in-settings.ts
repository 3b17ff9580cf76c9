import type { Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

/**
 * What the tab's consent pop-up (tab/auth-start.html) needs to ask Entra for consent: public values
 * only (the client id is in the Teams manifest too), so no sign-in is needed to read them.
 */
export function registerSignInSettingsRoutes(server: Server, deps: AppDeps): void {
  server.get(
    '/api/sign-in/settings',
    handler(deps.logger, async (_req, res) => {
      const { config } = deps;
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
