import { z } from 'zod';
import { planKinds, riskContexts } from '../assessment/schema.js';
import { apiRoutes } from './paths.js';
import { noQuery } from './queries.js';

/**
 * The contract of actions given to people: the people directory the owner picker searches, the
 * caller's own actions, and local mode's outbox of the notifications it would have sent. Kept beside
 * the main contract and spread into it.
 */

export const PEOPLE_TOP_MAX = 20;
export const PEOPLE_TOP_DEFAULT = 10;
export const PEOPLE_QUERY_MAX = 100;

/**
 * `q`: the start of a name (a member of staff's, never a child's); blank or absent lists the
 * safeguarding team only. `top`: 1 to 20, default 10.
 */
export const peopleQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(PEOPLE_QUERY_MAX, { error: `At most ${PEOPLE_QUERY_MAX} characters.` })
    .transform((q) => (q === '' ? undefined : q))
    .optional(),
  top: z
    .string()
    .regex(/^\d{1,2}$/, 'A whole number from 1 to 20.')
    .transform(Number)
    .pipe(z.number().int().min(1).max(PEOPLE_TOP_MAX))
    .default(PEOPLE_TOP_DEFAULT),
});

/** Where a person was found: the safeguarding team, the school's directory, or local mode's list. */
export const personSources = ['team', 'directory', 'local'] as const;

export const personResponse = z.object({
  /** What a strategy's `ownerId` takes: an Entra object id (lower case), `local-user` or `local:<slug>`. */
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().optional(),
  source: z.enum(personSources),
});

/** GET /api/people: the safeguarding team's members first, then the school's staff; no one twice. */
export const peopleResponse = z.object({ items: z.array(personResponse) });

export const actionItemKinds = ['strategy', 'measure'] as const;

export const myActionResponse = z.object({
  caseRef: z.string(),
  assessmentId: z.string(),
  planKind: z.enum(planKinds),
  /** A risk assessment's strategy, or a support plan's measure. */
  itemKind: z.enum(actionItemKinds),
  strategyId: z.string(),
  /**
   * The action's text; every child of the case, named or mentioned in it, is shown as the case's
   * label for them ("Child A"), and a child outside the case as "another child": never a name.
   */
  action: z.string(),
  /** For a strategy: the context of the risk it manages (the template's code, e.g. `classroom`). */
  context: z.enum(riskContexts).optional(),
  due: z.string().optional(),
  /** `due` is before today (the school's time zone) and the action is not in place yet. */
  overdue: z.boolean(),
  inPlace: z.boolean(),
});

/**
 * GET /api/actions/mine: the actions whose `ownerId` is the caller, in the school's open plans (drafts
 * and active), overdue first, then by due date (undated last).
 */
export const myActionsResponse = z.object({ today: z.string(), items: z.array(myActionResponse) });

export const notificationActivityTypes = ['actionAssigned'] as const;

export const outboxEntryResponse = z.object({
  id: z.string(),
  to: z.object({ id: z.string(), displayName: z.string() }),
  caseRef: z.string(),
  activityType: z.enum(notificationActivityTypes),
  /** The case reference and the due date only: never a child's name, never the action's text. */
  text: z.string(),
  createdAt: z.string(),
  /** Where the notification leads: the plan in the tab. */
  link: z.string(),
});

/** GET /api/notifications/outbox (local mode only): the notifications "sent", newest first. */
export const outboxResponse = z.object({ items: z.array(outboxEntryResponse) });

export const actionsContract = {
  people: {
    method: 'GET',
    path: apiRoutes.people,
    query: peopleQuery,
    response: peopleResponse,
    status: 200,
  },
  myActions: {
    method: 'GET',
    path: apiRoutes.myActions,
    query: noQuery,
    response: myActionsResponse,
    status: 200,
  },
  /** Local mode only: 404 NOT_FOUND in Microsoft 365 mode, where notifications go to Teams. */
  outbox: {
    method: 'GET',
    path: apiRoutes.outbox,
    query: noQuery,
    response: outboxResponse,
    status: 200,
  },
} as const;

export type PeopleQuery = z.output<typeof peopleQuery>;
export type PersonSource = (typeof personSources)[number];
export type PersonResponse = z.output<typeof personResponse>;
export type PeopleResponse = z.output<typeof peopleResponse>;
export type ActionItemKind = (typeof actionItemKinds)[number];
export type MyActionResponse = z.output<typeof myActionResponse>;
export type MyActionsResponse = z.output<typeof myActionsResponse>;
export type NotificationActivityType = (typeof notificationActivityTypes)[number];
export type OutboxEntryResponse = z.output<typeof outboxEntryResponse>;
export type OutboxResponse = z.output<typeof outboxResponse>;
