import { existsSync } from 'node:fs';
import { join } from 'node:path';
import restify, { type Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { HttpError, sendError } from '../errors.js';

/** The built tab (/tab/) and Word task pane (/word/), served from the same origin as the API. */
export function registerStaticRoutes(server: Server, deps: AppDeps): void {
  const apps: { prefix: string; dir: string; label: string }[] = [
    { prefix: 'tab', dir: join(deps.config.paths.staticDir, 'tab'), label: 'The Teams tab' },
    { prefix: 'word', dir: join(deps.config.paths.staticDir, 'word'), label: 'The Word task pane' },
  ];

  server.get('/', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });

  // Browsers ask for /favicon.ico on their own (a page opened outside Teams, a bookmark); answer with the
  // tab's icon rather than a 404 in every log.
  server.get('/favicon.ico', (_req, res, next) => {
    res.redirect(301, '/tab/favicon.png', next);
  });

  for (const app of apps) {
    const serve = restify.plugins.serveStaticFiles(app.dir, { maxAge: 0 });
    server.get(`/${app.prefix}`, (_req, res, next) => {
      res.redirect(301, `/${app.prefix}/`, next);
    });
    server.get(`/${app.prefix}/*`, (req, res, next) => {
      if (!existsSync(join(app.dir, 'index.html'))) {
        sendError(
          req,
          res,
          new HttpError(503, 'NOT_BUILT', `${app.label} has not been built yet: run npm run build.`),
          deps.logger,
        );
        return next(false);
      }
      // Paths without a file extension are the single-page app's own routes.
      const rest = String(req.params?.['*'] ?? '');
      if (rest === '' || !/\.[a-z0-9]+$/i.test(rest)) {
        req.params = { ...req.params, '*': 'index.html' };
      }
      return serve(req, res, next);
    });
  }
}
