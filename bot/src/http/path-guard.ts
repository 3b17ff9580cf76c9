import type { RequestHandler } from 'restify';
import type { Logger } from '../logger.js';
import { HttpError, sendError } from './errors.js';

/**
 * True when a path has `.` or `..` segments, or segments hiding a slash, plain or percent-encoded. No
 * address of this app needs them, and the router resolves them differently from a plain reading of
 * the path: `/tab/../api/assessments` would reach the API with the tab's (cacheable, framable)
 * headers, and `/api/../word/x` would reach the static files with an error quoting the address.
 */
export function hasDotSegments(path: string): boolean {
  return path.split('/').some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Malformed escapes are left to the routes, which treat them as unknown addresses.
    }
    return decoded === '.' || decoded === '..' || /[\\/]/.test(decoded);
  });
}

/** Refuses such paths before routing, as "nothing at this address". */
export function refuseDotSegments(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!hasDotSegments(path)) return next();
    sendError(req, res, new HttpError(404, 'NOT_FOUND', 'There is nothing at this address.'), logger);
    return next(false);
  };
}
