import type { Request } from 'restify';
import { z } from 'zod';
import { parseWith, ValidationError } from '../../../core/index.js';

/** The query of a route that takes none (from the contract): any parameter at all is refused. */
export { noQuery } from '../../../core/index.js';

/**
 * Parses the query string with a strict schema: an unknown or repeated parameter is a 400, so a typo
 * never silently widens a list of child records. An unknown parameter is reported without its name
 * (path ``): the name is the caller's text and could be anything, a child's name included. Repeated
 * parameters are named only once the schema has accepted every name as its own.
 */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query: Record<string, string> = {};
  const repeated = new Set<string>();
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) repeated.add(key);
    else query[key] = value;
  }
  let parsed: z.output<S>;
  try {
    parsed = parseWith(schema, query, 'INVALID_QUERY');
  } catch (error) {
    if (error instanceof ValidationError && error.code === 'UNKNOWN_FIELD') {
      throw new ValidationError(
        'UNKNOWN_QUERY_PARAMETER',
        'The address has query parameters this API does not know.',
        [{ path: '', problem: 'Unknown query parameter.' }],
      );
    }
    throw error;
  }
  if (repeated.size > 0) {
    throw new ValidationError(
      'INVALID_QUERY',
      'A query parameter is repeated.',
      [...repeated].map((path) => ({ path, problem: 'Give it once.' })),
    );
  }
  return parsed;
}
