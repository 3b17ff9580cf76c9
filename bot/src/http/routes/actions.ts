import type { Server } from 'restify';
import { apiContract, hasOutbox, ownerIdOfActor, UpstreamError } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { servicesFor } from '../services.js';

/** The newest entries the outbox view shows. */
const OUTBOX_SHOWN = 100;

/**
 * Actions given to people: the staff the owner picker offers, the caller's own actions, and local
 * mode's outbox of the notifications it would have sent (the routes of `apiContract` named below).
 * Every route decides access through `servicesFor` first, so only a member of a safeguarding team
 * reaches its directory or its plans.
 */
export function registerActionRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;
  const c = apiContract;

  server.get(
    c.people.path,
    handler(
      logger,
      async (req, res, query) => {
        const { caller } = await servicesFor(deps, req);
        if (!deps.people) {
          throw new UpstreamError('PEOPLE_UNAVAILABLE', 'The staff directory is not available here.');
        }
        res.send(200, { items: await deps.people(caller).find(query.q, query.top) });
      },
      { query: c.people.query },
    ),
  );

  server.get(
    c.myActions.path,
    handler(logger, async (req, res) => {
      const { caller, actions } = await servicesFor(deps, req);
      res.send(200, await actions.mine(ownerIdOfActor(caller.actor)));
    }),
  );

  server.get(
    c.outbox.path,
    handler(logger, async (req, res) => {
      // Microsoft 365 sends to Teams and keeps nothing: there is no outbox to show.
      if (deps.config.mode !== 'local' || !hasOutbox(deps.store)) {
        throw new HttpError(404, 'NOT_FOUND', 'There is nothing at this address.');
      }
      const { caller } = await servicesFor(deps, req);
      res.send(200, { items: await deps.store.outboxFor(caller.schoolId).list(OUTBOX_SHOWN) });
    }),
  );
}
