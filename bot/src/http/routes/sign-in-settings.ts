import type { Server } from 'restify';
import type { AppConfig } from '../../config.js';
import type { AppDeps } from '../app-deps.js';
import { apiScopes } from '../../../../core/api/browser-sign-in.js';
import { handler } from '../handler.js';

/**
 * What the tab and the task pane need to start MSAL before anyone is signed in (nested app
 * authentication, and the sign-in windows used where the host cannot broker sign-in: /tab/auth-start
 * and /word/sign-in.html). Public values only — the client id and Application ID URI are in the
 * manifests too. Sign-in is not complete when these are read, so this lives beside the front ends'
 * files rather than under /api/, where every route requires sign-in (require-sign-in.ts).
 */
export function signInSettings(config: AppConfig): Record<string, unknown> {
  if (config.mode === 'local') return { mode: 'local' };
  return {
    mode: config.mode,
    clientId: config.AAD_APP_CLIENT_ID,
    tenantId: config.AAD_APP_TENANT_ID,
    appIdUri: config.AAD_APP_ID_URI,
    // The API's `.default`: its own `access_as_user` and, on first consent, every Graph permission the
    // registration lists, which is what lets on-behalf-of succeed afterwards.
    scopes: apiScopes(config.AAD_APP_ID_URI),
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
