import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Logs carry ids, codes, routes and timings — never request bodies, names, or any free text
 * (DESIGN §6). Call sites log explicit fields only; the redaction list below is the safety net for
 * the fields most likely to hold child data if someone logs an object by mistake.
 */
const REDACT_PATHS = [
  'body',
  'req.body',
  'request.body',
  'text',
  'name',
  'learner',
  'otherChildren',
  'record',
  'data',
  'activity',
  'message.text',
  'headers.authorization',
  'req.headers.authorization',
  '*.body',
  '*.text',
  '*.name',
  '*.learner',
  '*.otherChildren',
  '*.record',
  '*.activity',
  '*.authorization',
];

/**
 * An error as logs may show it: its type, code and stack frames, but not its message, which for
 * library errors can quote input (JSON.parse quotes the body it failed on; a driver may quote a value).
 */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!isErrorLike(error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: Record<string, unknown> = { type: error.name, stack: frames.slice(0, 12).join('\n') };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') out.statusCode = status;
  if (error.cause !== undefined) out.cause = errorForLog(error.cause);
  return out;
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { name?: unknown }).name === 'string' &&
      'stack' in value)
  );
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hsb-assistant' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: errorForLog, error: errorForLog },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
