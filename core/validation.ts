import type { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors.js';

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The code a schema attached to an issue (`params.code` of a custom issue), if any. */
function codeOf(issue: z.core.$ZodIssue): string | undefined {
  const params = (issue as { params?: { code?: unknown } }).params;
  return typeof params?.code === 'string' ? params.code : undefined;
}

/**
 * Parses `value` with `schema` or throws a ValidationError whose details name each field. Unknown
 * fields get their own code, because the API promises to reject them rather than drop them.
 *
 * Nothing the caller sent is repeated back: an unknown field is reported at the object that holds
 * it (`learner`, or `` for the top level), never by its own name, because a key can be anything,
 * a child's name included. Zod's messages and our schemas' messages describe the rule broken, never
 * the value received. Paths of known fields are built from the schema's own names and array indexes.
 *
 * When every problem carries the same code of its own (e.g. INVALID_NAME from personNameSchema), that
 * code is the error's; otherwise `code`.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code = 'VALIDATION_FAILED',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const add = (detail: ErrorDetail) => {
    const key = `${detail.path}\u0000${detail.problem}`;
    if (seen.has(key)) return;
    seen.add(key);
    details.push(detail);
  };
  let unknownField = false;
  const codes = new Set<string | undefined>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      unknownField = true;
      add({ path: dotted(issue.path), problem: 'Unknown field.' });
    } else {
      codes.add(codeOf(issue));
      add({ path: dotted(issue.path), problem: issue.message });
    }
  }
  if (unknownField) {
    throw new ValidationError('UNKNOWN_FIELD', 'The request has fields this API does not know.', details);
  }
  const [only] = codes;
  const ownCode = codes.size === 1 && only !== undefined ? only : undefined;
  throw new ValidationError(ownCode ?? code, 'Some fields are missing or not valid.', details);
}
