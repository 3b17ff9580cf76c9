import type { Request } from 'restify';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body, refusing more than `limit` bytes (413) before buffering it all, a body
 * that is not JSON (415), and malformed JSON (400). The parser's own message quotes the body, so it is
 * never passed on.
 */
export async function readJsonBody(req: Request, limit: number = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) throw new HttpError(400, 'BODY_REQUIRED', 'The request needs a JSON body.');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'The body is not valid JSON.');
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${Math.round(limit / 1024)} KB.`, {
    Connection: 'close',
  });
}
