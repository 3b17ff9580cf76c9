import { randomUUID } from 'node:crypto';
import restify, { type Server } from 'restify';
import type { AppDeps } from './app-deps.js';
import { correlationIdOf, mapError, setCorrelationId } from './errors.js';
import { registerActionRoutes } from './routes/actions.js';
import { registerAssessmentRoutes } from './routes/assessments.js';
import { registerClassifyRoutes } from './routes/classify.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerChildRecordRoutes } from './routes/children-records.js';
import { registerContentRoutes } from './routes/content.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMessageRoutes } from './routes/messages.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerSignInSettingsRoutes } from './routes/sign-in-settings.js';
import { registerStageRoutes } from './routes/stage.js';
import { registerStaticRoutes } from './routes/static.js';
import { guardHostAndOrigin } from './host-guard.js';
import { answerMalformedRequests } from './malformed-requests.js';
import { refuseDotSegments } from './path-guard.js';
import { requireSignIn } from './require-sign-in.js';
import { applySecurityHeaders } from './security-headers.js';

const ROUTING_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'The request is not valid.' },
  403: { code: 'FORBIDDEN', message: 'This address is not available.' },
  404: { code: 'NOT_FOUND', message: 'There is nothing at this address.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'This address does not accept that method.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'This address cannot answer in the format asked for.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The body is too large.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json.' },
};

/** Builds the restify server: cross-cutting behaviour here, routes in routes/. Does not listen. */
export function createHttpServer(deps: AppDeps): Server {
  const server = restify.createServer({
    name: '',
    log: deps.logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
    ignoreTrailingSlash: false,
  });

  const started = new WeakMap<restify.Request, bigint>();
  server.pre((req, res, next) => {
    started.set(req, process.hrtime.bigint());
    setCorrelationId(req, randomUUID());
    res.header('X-Correlation-Id', correlationIdOf(req));
    applySecurityHeaders(req, res);
    return next();
  });
  server.pre(guardHostAndOrigin(deps.config.ownHosts, deps.logger));
  server.pre(refuseDotSegments(deps.logger));
  server.use(requireSignIn(deps));
  answerMalformedRequests(server.server, deps.logger);

  // Routing failures (unknown path, wrong method) and anything restify raises itself get our error
  // shape; restify's own messages quote the path, which could carry data, so they are replaced.
  server.on(
    'restifyError',
    (
      req: restify.Request,
      _res: restify.Response,
      err: Error & { toJSON?: () => unknown },
      cb: () => void,
    ) => {
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      const known = ROUTING_ERRORS[status];
      const { code, message } = known ?? (status >= 500 ? mapError(err).body.error : ROUTING_ERRORS[400]!);
      if (!known && status >= 500)
        deps.logger.error({ correlationId: correlationIdOf(req), err }, 'request failed');
      err.toJSON = () => ({ error: { code, message, correlationId: correlationIdOf(req) } });
      return cb();
    },
  );

  // Access log: method, route pattern (never the URL, whose query may hold search text), status, time.
  server.on(
    'after',
    (req: restify.Request, res: restify.Response, route: { path?: string | RegExp } | null) => {
      deps.logger.info(
        {
          correlationId: correlationIdOf(req),
          method: req.method,
          route: route?.path ? String(route.path) : 'unmatched',
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - (started.get(req) ?? process.hrtime.bigint())) / 1_000_000n),
        },
        'request',
      );
    },
  );

  registerHealthRoutes(server, deps);
  registerMessageRoutes(server, deps);
  registerAssessmentRoutes(server, deps);
  registerCaseRoutes(server, deps);
  registerChildRecordRoutes(server, deps);
  registerStageRoutes(server, deps);
  registerSignInSettingsRoutes(server, deps);
  registerContentRoutes(server, deps);
  registerClassifyRoutes(server, deps);
  registerDocumentRoutes(server, deps);
  registerReportRoutes(server, deps);
  registerActionRoutes(server, deps);
  registerStaticRoutes(server, deps);
  return server;
}
