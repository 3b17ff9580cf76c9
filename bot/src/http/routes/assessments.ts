import type { Request, Server } from 'restify';
import {
  AssessmentService,
  listAssessmentsQuery,
  reviewsDueQuery,
  type StoredAssessment,
} from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';
import { parseQuery } from '../query.js';

// Plans have no kind yet on this backend's records: the list takes the contract's query without it.
const listQuery = listAssessmentsQuery.omit({ kind: true });

/** Ids are server-made UUIDs; anything else cannot name a record, so it is simply not found. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idParam(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!ID.test(id)) throw new HttpError(404, 'NOT_FOUND', 'No assessment has this id.');
  return id.toLowerCase();
}

function requiredIfMatch(req: Request): string {
  const value = req.headers['if-match'];
  if (typeof value !== 'string' || value.trim() === '' || value.trim() === '*') {
    throw new HttpError(
      428,
      'IF_MATCH_REQUIRED',
      'Send the ETag you last read in an If-Match header, so that nobody’s changes are overwritten.',
    );
  }
  return value.trim();
}

function optionalIfMatch(req: Request): string | undefined {
  const value = req.headers['if-match'];
  return typeof value === 'string' && value.trim() !== '' && value.trim() !== '*' ? value.trim() : undefined;
}

function location(id: string): string {
  return `/api/assessments/${id}`;
}

export function registerAssessmentRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;

  async function serviceFor(req: Request) {
    const caller = await deps.authenticator.authenticate(req);
    const service = new AssessmentService({
      repository: deps.store.forSchool(
        caller.schoolId,
        caller.userAssertion ? { userAssertion: caller.userAssertion } : {},
      ),
      clock: deps.clock,
    });
    return { caller, service };
  }

  function sendRecord(res: import('restify').Response, status: number, stored: StoredAssessment): void {
    res.header('ETag', stored.etag);
    res.send(status, stored.record);
  }

  server.get(
    '/api/assessments',
    handler(logger, async (req, res) => {
      const query = parseQuery(req, listQuery);
      const { service } = await serviceFor(req);
      const items = await service.list({
        ...(query.status ? { status: query.status } : {}),
        ...(query.dueWithinDays !== undefined ? { dueWithinDays: query.dueWithinDays } : {}),
      });
      res.send(200, { items });
    }),
  );

  server.post(
    '/api/assessments',
    handler(logger, async (req, res) => {
      const { caller, service } = await serviceFor(req);
      const body = await readJsonBody(req);
      const stored = await service.create(body, caller.actor);
      res.header('Location', location(stored.record.id));
      sendRecord(res, 201, stored);
    }),
  );

  server.get(
    '/api/assessments/:id',
    handler(logger, async (req, res) => {
      const id = idParam(req);
      const { caller, service } = await serviceFor(req);
      sendRecord(res, 200, await service.read(id, caller.actor));
    }),
  );

  server.put(
    '/api/assessments/:id',
    handler(logger, async (req, res) => {
      const id = idParam(req);
      const { caller, service } = await serviceFor(req);
      const ifMatch = requiredIfMatch(req);
      const body = await readJsonBody(req);
      sendRecord(res, 200, await service.replace(id, body, ifMatch, caller.actor));
    }),
  );

  server.post(
    '/api/assessments/:id/reviews',
    handler(logger, async (req, res) => {
      const id = idParam(req);
      const { caller, service } = await serviceFor(req);
      const body = await readJsonBody(req);
      const stored = await service.addReview(id, body, caller.actor, optionalIfMatch(req));
      res.header('Location', location(id));
      sendRecord(res, 201, stored);
    }),
  );

  server.get(
    '/api/reviews/due',
    handler(logger, async (req, res) => {
      const query = parseQuery(req, reviewsDueQuery);
      const { service } = await serviceFor(req);
      res.send(200, {
        withinDays: query.withinDays,
        today: service.today(),
        items: await service.due(query.withinDays),
      });
    }),
  );
}
