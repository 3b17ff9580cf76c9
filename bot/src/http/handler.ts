import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from '../logger.js';
import { sendError } from './errors.js';

/** Wraps a route so that every failure, thrown or rejected, goes through the one error mapping. */
export function handler(logger: Logger, fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (error) {
      sendError(req, res, error, logger);
    }
  };
}
