import { z } from 'zod';
import { daysBetween, isIsoDate } from '../dates.js';
import { reportAudiences, reportUnits } from '../reports/types.js';

/**
 * The reports part of the contract: trends (JSON) for the safeguarding team or the governing board,
 * and the governors' report as a Word document, with a commentary the DSL writes before exporting.
 */

/** A report spans at most three academic years: enough for any comparison, bounded for the store. */
export const MAX_REPORT_DAYS = 3 * 366;
export const MAX_COMMENTARY_CHARS = 5_000;

const reportDate = z.string().refine(isIsoDate, 'A date as YYYY-MM-DD.');

const rangeShape = { from: reportDate, to: reportDate };

function checkRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return;
  if (range.to < range.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end is before the start.' });
  else if (daysBetween(range.from, range.to) >= MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'A report covers at most three years.' });
  }
}

export const trendsQuery = z
  .strictObject({ ...rangeShape, audience: z.enum(reportAudiences).default('dsl') })
  .superRefine(checkRange);

export const governorsReportQuery = z.strictObject(rangeShape).superRefine(checkRange);

/** POST /api/reports/governors: the same report with the DSL's commentary, written just before export. */
export const governorsReportBody = z
  .strictObject({
    ...rangeShape,
    commentary: z
      .string()
      .trim()
      .max(MAX_COMMENTARY_CHARS, `At most ${MAX_COMMENTARY_CHARS} characters.`)
      .optional(),
  })
  .superRefine(checkRange);

const reportCount = z.union([z.number().int().min(0), z.object({ suppressed: z.literal(true) })]);

export const trendTableResponse = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(reportUnits),
  partition: z.boolean(),
  total: reportCount.optional(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), count: reportCount })),
});

export const trendsResponse = z.object({
  audience: z.enum(reportAudiences),
  range: z.object({ from: z.string(), to: z.string() }),
  comparedWith: z.object({ from: z.string(), to: z.string() }),
  headline: z.object({ cases: reportCount, incidents: reportCount, children: reportCount }),
  tables: z.array(trendTableResponse),
  timings: z
    .array(
      z.object({
        id: z.enum(['report-to-decision', 'report-to-plan']),
        title: z.string(),
        medianDays: z.number().nullable(),
        cases: z.number(),
      }),
    )
    .optional(),
  summary: z.array(z.string()),
  notes: z.array(z.string()),
});

export type TrendsQuery = z.output<typeof trendsQuery>;
export type GovernorsReportQuery = z.output<typeof governorsReportQuery>;
export type GovernorsReportBody = z.output<typeof governorsReportBody>;
export type TrendsResponse = z.output<typeof trendsResponse>;
