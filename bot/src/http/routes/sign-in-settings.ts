import type { Server } from 'restify';
import type { AppConfig } from '../../config.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';

/**
 * What the browser apps' own sign-in pages need before anyone is signed in: the tab's consent pop-up
 * (/tab/auth-start) and the Word add-in's sign-in page for when Office single sign-on is unavailable
 * (/word/sign-in.html). Public values only — the client id and Application ID URI are in the manifests
 * too. The pages run precisely when sign-in is not complete, so this lives beside their files rather
 * than under /api/, where every route requires sign-in (require-sign-in.ts).
 */
export function signInSettings(config: AppConfig): Record<string, unknown> {
  if (config.mode === 'local') return { mode: 'local' };
  return {
    mode: config.mode,
    clientId: config.AAD_APP_CLIENT_ID,
    tenantId: config.AAD_APP_TENANT_ID,
    appIdUri: config.AAD_APP_ID_URI,
    // The tab and the server are one Entra app, so consenting to its Graph permissions (`.default`:
    // every one the registration lists) is what lets on-behalf-of succeed afterwards.
    scopes: ['openid', 'profile', 'offline_access', `${new URL(config.GRAPH_BASE_URL).origin}/.default`],
  };
}

export function registerSignInSettingsRoutes(server: Server, deps: AppDeps): void {
  for (const path of ['/tab/auth-config.json', '/word/auth-config.json']) {
    server.get(
      path,
      handler(deps.logger, async (_req, res) => {
        res.header('Cache-Control', 'no-cache');
        res.send(200, signInSettings(deps.config));
      }),
    );
  }
}
