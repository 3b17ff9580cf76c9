import type { RequestHandler } from 'restify';
import type { AppDeps } from './app-deps.js';
import { sendError } from './errors.js';

/** The Bot Framework endpoint authenticates the channel's own token (bot/src/bot/adapter.ts). */
const OWN_AUTHENTICATION = new Set(['/api/messages']);

/**
 * Every `/api/*` route requires sign-in before its handler runs, including routes added later, so a
 * route that forgets to ask is still protected. Routes that touch records also call
 * `authenticator.authenticate` for the school; the token is validated once per request either way.
 */
export function requireSignIn(deps: Pick<AppDeps, 'authenticator' | 'logger'>): RequestHandler {
  return (req, res, next) => {
    const route = String(req.getRoute?.()?.path ?? req.getPath());
    if (!route.startsWith('/api/') || OWN_AUTHENTICATION.has(route)) return next();
    deps.authenticator.identify(req).then(
      () => next(),
      (error: unknown) => {
        sendError(req, res, error, deps.logger);
        next(false);
      },
    );
  };
}
