import { z } from 'zod';
import { assessmentStatuses, planKinds } from '../assessment/schema.js';
import { caseStatuses } from '../cases/case.js';
import { documentAudiences } from '../documents/document-audiences.js';

/**
 * Query-string schemas. All are strict: an unknown parameter is a 400, so a typo never silently
 * widens a list of child records. Values arrive as strings.
 */

export const daysParam = z
  .string()
  .regex(/^\d{1,3}$/, 'A whole number of days.')
  .transform(Number)
  .pipe(z.number().int().min(0).max(366));

/** `a,b` → `['a', 'b']`, each checked against `values`. */
function commaList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(values)).min(1));
}

/** A blank search means "no search". */
const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .transform((q) => (q === '' ? undefined : q));

export const listAssessmentsQuery = z.strictObject({
  status: commaList(assessmentStatuses).optional(),
  dueWithinDays: daysParam.optional(),
  kind: z.enum(planKinds).optional(),
});

export const reviewsDueQuery = z.strictObject({ withinDays: daysParam.default(14) });

export const documentQuery = z.strictObject({ audience: z.enum(documentAudiences) });

export const listChildrenQuery = z.strictObject({ q: searchText(200).optional() });

export const listCasesQuery = z.strictObject({ status: commaList(caseStatuses).optional() });

/** For routes that take no query parameters at all. */
export const noQuery = z.strictObject({});

export type ListAssessmentsQuery = z.output<typeof listAssessmentsQuery>;
export type ReviewsDueQuery = z.output<typeof reviewsDueQuery>;
export type DocumentQuery = z.output<typeof documentQuery>;
export type ListChildrenQuery = z.output<typeof listChildrenQuery>;
export type ListCasesQuery = z.output<typeof listCasesQuery>;
