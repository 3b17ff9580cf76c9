import type { Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

/**
 * What the Word add-in's sign-in page (/word/sign-in.html) needs to ask Entra for a token when Office
 * single sign-on is unavailable: public values only (the client id and Application ID URI are in the
 * add-in's manifest too). The page runs precisely when the user is not yet signed in, so this lives
 * with the task pane's files, not under /api/, where every route requires sign-in.
 */
export function registerWordSignInRoutes(server: Server, deps: AppDeps): void {
  server.get(
    '/word/auth-config.json',
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
        tenantId: config.AAD_APP_TENANT_ID,
        appIdUri: config.AAD_APP_ID_URI,
      });
    }),
  );
}
