import type { Request } from 'restify';
import type { z } from 'zod';
import { ValidationError } from '../../../core/index.js';
import { parseWith } from '../../../core/index.js';

/**
 * Parses the query string with a strict schema: an unknown or repeated parameter is a 400, so a typo
 * never silently widens a list of child records.
 */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in query) {
      throw new ValidationError('INVALID_QUERY', 'A query parameter is repeated.', [
        { path: key, problem: 'Give it once.' },
      ]);
    }
    query[key] = value;
  }
  try {
    return parseWith(schema, query, 'INVALID_QUERY');
  } catch (error) {
    if (error instanceof ValidationError && error.code === 'UNKNOWN_FIELD') {
      throw new ValidationError(
        'UNKNOWN_QUERY_PARAMETER',
        'The address has query parameters this API does not know.',
        error.details,
      );
    }
    throw error;
  }
}
