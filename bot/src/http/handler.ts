import type { Request, RequestHandler, Response } from 'restify';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { sendError } from './errors.js';
import { noQuery, parseQuery } from './query.js';

export interface RouteOptions<Q extends z.ZodType> {
  /** The route's query parameters, as a strict schema. Without one, the route takes no parameters. */
  query?: Q;
}

/**
 * Wraps a route so that every failure, thrown or rejected, goes through the one error mapping, and
 * its query string is checked before the route runs: a route that declares no query schema refuses
 * every parameter, so no route can forget to.
 */
export function handler<Q extends z.ZodType = typeof noQuery>(
  logger: Logger,
  fn: (req: Request, res: Response, query: z.output<Q>) => Promise<void>,
  options: RouteOptions<Q> = {},
): RequestHandler {
  const schema: z.ZodType = options.query ?? noQuery;
  return async (req: Request, res: Response) => {
    try {
      const query = parseQuery(req, schema) as z.output<Q>;
      await fn(req, res, query);
    } catch (error) {
      sendError(req, res, error, logger);
    }
  };
}
