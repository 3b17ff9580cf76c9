import { z } from 'zod';

/**
 * The one error body every route answers with. `message` is a fixed, user-safe sentence; `details`
 * name fields by their dotted path and the rule broken, never the value sent.
 */
export const errorDetailSchema = z.object({ path: z.string(), problem: z.string() });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    correlationId: z.string().optional(),
    details: z.array(errorDetailSchema).optional(),
  }),
});

export type ApiErrorBody = z.output<typeof errorBodySchema>;
export type ApiErrorDetail = z.output<typeof errorDetailSchema>;

/** The statuses the API answers errors with. */
export const errorStatuses = [400, 401, 403, 404, 409, 412, 413, 428, 429, 500, 503] as const;
