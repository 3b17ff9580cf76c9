import { z } from 'zod';

/** The error code every rejected person's name carries, whichever rule it broke. */
export const INVALID_NAME = 'INVALID_NAME';

export const PERSON_NAME_MAX = 200;

/**
 * Control characters (NUL included), lone surrogates and Unicode noncharacters: none belongs in a
 * name, and several make a Word document or a log line malformed.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

/**
 * Characters that draw nothing: spaces and separators, format characters (zero-width space and
 * joiners, soft hyphen, direction marks), combining marks with no base, and the few "letters" and
 * symbols that are blank by design (Hangul fillers, the braille blank).
 */
const INVISIBLE = /[\s\p{Z}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

function problemWith(name: string): string | undefined {
  if (name.length === 0) return 'Required.';
  if (name.length > PERSON_NAME_MAX) return `At most ${PERSON_NAME_MAX} characters.`;
  if (FORBIDDEN.test(name)) return 'A name cannot hold control or invisible special characters.';
  if (name.replace(INVISIBLE, '') === '') return 'A name needs at least one visible character.';
  return undefined;
}

/**
 * A person's name (a child, an attendee, a strategy's owner, a signatory): stored in Unicode NFC so
 * that the same name typed on two keyboards is the same string, trimmed, and refused when it holds
 * control characters or nothing visible. Every problem is reported with the code INVALID_NAME and a
 * fixed sentence; the name itself is never repeated back.
 */
export const personNameSchema = z
  .string({ error: 'Give the name as text.' })
  .transform((value) => value.normalize('NFC').trim())
  .superRefine((name, ctx) => {
    const problem = problemWith(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: INVALID_NAME } });
  });

export type PersonName = z.output<typeof personNameSchema>;
