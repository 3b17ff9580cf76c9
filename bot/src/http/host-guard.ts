import type { Request, RequestHandler } from 'restify';
import type { OwnHosts } from '../config.js';
import type { Logger } from '../logger.js';
import { HttpError, sendError } from './errors.js';

/**
 * Health probes and availability tests address an instance by the platform's own name (App Service's
 * *.azurewebsites.net while PUBLIC_BASE_URL is the school's domain); the answer holds no data.
 */
const ANY_HOST = new Set(['/healthz']);

/** The Bot Connector calls server to server, with no Origin of its own; its token is its proof. */
const ANY_ORIGIN = new Set(['/api/messages']);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `host[:port]` as a browser sends it, split; undefined when it is not a plain host. */
function splitHost(value: string): { hostname: string; port: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  return { hostname: match[1]!.toLowerCase(), port: match[2] ?? '' };
}

function localPort(req: Request): string {
  return String(req.socket?.localPort ?? '');
}

/**
 * True when `value` (a Host header, or an origin's host part) names this server: the public host of
 * PUBLIC_BASE_URL with its port, or, when the server listens on loopback, a loopback name with the
 * port this connection arrived on (so PORT=0 works too).
 */
function isOwnHost(own: OwnHosts, req: Request, value: string, publicScheme: 'http' | 'https'): boolean {
  const host = splitHost(value);
  if (!host) return false;
  const publicPort = host.port || (publicScheme === 'https' ? '443' : '80');
  if (host.hostname === own.public.hostname && publicPort === own.public.port) return true;
  // Loopback is plain http: a name without a port means port 80.
  return own.loopbackNames.includes(host.hostname) && (host.port || '80') === localPort(req);
}

function isOwnOrigin(own: OwnHosts, req: Request, origin: string): boolean {
  const value = origin.trim().toLowerCase();
  if (value === own.public.origin) return true;
  const match = /^http:\/\/([^/]+)$/.exec(value);
  return !!match && own.loopbackNames.length > 0 && isOwnHost(own, req, match[1]!, 'http');
}

/**
 * Refuses, before routing, any request addressed to a host name that is not this server's (421
 * HOST_NOT_ALLOWED), and any state-changing request that a browser sent from a page of another origin
 * (403 ORIGIN_NOT_ALLOWED). A browser always sends Origin with POST, PUT, PATCH and DELETE, so a
 * missing Origin is a non-browser client, which DNS rebinding cannot drive.
 */
export function guardHostAndOrigin(own: OwnHosts, logger: Logger): RequestHandler {
  const scheme = own.public.origin.startsWith('https:') ? 'https' : 'http';
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const host = req.headers.host;
    if (!ANY_HOST.has(path) && (typeof host !== 'string' || !isOwnHost(own, req, host, scheme))) {
      sendError(
        req,
        res,
        new HttpError(421, 'HOST_NOT_ALLOWED', 'This server does not answer to that host name.'),
        logger,
      );
      return next(false);
    }
    const origin = req.headers.origin;
    if (
      STATE_CHANGING.has(req.method ?? '') &&
      !ANY_ORIGIN.has(path) &&
      origin !== undefined &&
      !isOwnOrigin(own, req, String(origin))
    ) {
      sendError(
        req,
        res,
        new HttpError(403, 'ORIGIN_NOT_ALLOWED', 'Changes are accepted only from this app’s own pages.'),
        logger,
      );
      return next(false);
    }
    return next();
  };
}
