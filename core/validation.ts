import type { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors.js';

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Parses `value` with `schema` or throws a ValidationError whose details name each field. Unknown
 * fields get their own code, because the API promises to reject them rather than drop them.
 * Zod's messages describe the rule broken, never the value received, so they are safe to return.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code = 'VALIDATION_FAILED',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = [];
  let unknownField = false;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      unknownField = true;
      for (const key of issue.keys)
        details.push({ path: dotted([...issue.path, key]), problem: 'Unknown field.' });
    } else {
      details.push({ path: dotted(issue.path), problem: issue.message });
    }
  }
  if (unknownField) {
    throw new ValidationError('UNKNOWN_FIELD', 'The request has fields this API does not know.', details);
  }
  throw new ValidationError(code, 'Some fields are missing or not valid.', details);
}
