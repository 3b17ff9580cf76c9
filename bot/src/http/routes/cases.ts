import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { apiContract, apiHeaders, apiPaths, type Stored } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';
import { casesOf, servicesFor } from '../services.js';
import { requiredIfMatch } from './assessments.js';

/** Ids are server-made UUIDs; anything else cannot name a record, so it is simply not found. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Kind = 'child' | 'case';

function recordId(req: Request, what: Kind): string {
  const id = String(req.params?.id ?? '');
  if (!ID.test(id)) throw new HttpError(404, 'NOT_FOUND', `No ${what} has this id.`);
  return id.toLowerCase();
}

function sendStored<T>(res: Response, status: number, stored: Stored<T>, location?: string): void {
  res.header(apiHeaders.etag, stored.etag);
  if (location) res.header(apiHeaders.location, location);
  res.send(status, stored.record);
}

type Services = Awaited<ReturnType<typeof servicesFor>>;
type Cases = ReturnType<typeof casesOf>;

/**
 * Children, cases and their chronology (the routes of `apiContract` named below). Every route checks
 * its query against the contract, signs the caller in, and works through the caller's services.
 * Children and cases are both versioned records, so their routes share one shape.
 */
export function registerCaseRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;
  const c = apiContract;

  const list = <Q extends z.ZodType>(
    route: { path: string; query: Q },
    items: (cases: Cases, query: z.output<Q>) => Promise<unknown[]>,
  ) =>
    server.get(
      route.path,
      handler(
        logger,
        async (req, res, query) => {
          res.send(200, { items: await items(casesOf(await servicesFor(deps, req)), query) });
        },
        { query: route.query },
      ),
    );

  const create = <Q extends z.ZodType>(
    route: { path: string; query: Q },
    make: (services: Services, body: unknown) => Promise<Stored<{ id: string }>>,
    location: (id: string) => string,
  ) =>
    server.post(
      route.path,
      handler(
        logger,
        async (req, res) => {
          const services = await servicesFor(deps, req);
          const stored = await make(services, await readJsonBody(req));
          sendStored(res, 201, stored, location(stored.record.id));
        },
        { query: route.query },
      ),
    );

  const read = (
    path: string,
    what: Kind,
    get: (services: Services, id: string) => Promise<Stored<unknown>>,
  ) =>
    server.get(
      path,
      handler(logger, async (req, res) => {
        const id = recordId(req, what);
        sendStored(res, 200, await get(await servicesFor(deps, req), id));
      }),
    );

  const replace = (
    path: string,
    what: Kind,
    put: (services: Services, id: string, body: unknown, ifMatch: string) => Promise<Stored<unknown>>,
  ) =>
    server.put(
      path,
      handler(logger, async (req, res) => {
        const id = recordId(req, what);
        const services = await servicesFor(deps, req);
        const ifMatch = requiredIfMatch(req);
        const body = await readJsonBody(req);
        sendStored(res, 200, await put(services, id, body, ifMatch));
      }),
    );

  const chronology = (path: string, what: Kind, items: (cases: Cases, id: string) => Promise<unknown[]>) =>
    server.get(
      path,
      handler(logger, async (req, res) => {
        const id = recordId(req, what);
        res.send(200, { items: await items(casesOf(await servicesFor(deps, req)), id) });
      }),
    );

  list(c.listChildren, (cases, query) => cases.findChildren(query.q));
  create(c.createChild, (s, body) => casesOf(s).createChild(body, s.signer), apiPaths.child);
  read(c.getChild.path, 'child', (s, id) => casesOf(s).readChild(id, s.caller.actor));
  replace(c.replaceChild.path, 'child', (s, id, body, ifMatch) =>
    casesOf(s).replaceChild(id, body, ifMatch, s.signer),
  );
  chronology(c.childChronology.path, 'child', (cases, id) => cases.childChronology(id));

  list(c.listCases, (cases, query) => cases.listCases(query.status));
  create(c.createCase, (s, body) => casesOf(s).createCase(body, s.signer), apiPaths.case);
  read(c.getCase.path, 'case', (s, id) => casesOf(s).readCase(id, s.caller.actor));
  replace(c.replaceCase.path, 'case', (s, id, body, ifMatch) =>
    casesOf(s).replaceCase(id, body, ifMatch, s.signer),
  );
  chronology(c.caseChronology.path, 'case', (cases, id) => cases.caseChronology(id));

  server.post(
    c.addCaseChronology.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'case');
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const entry = await casesOf(services).addChronology(id, body, services.signer);
      res.header(apiHeaders.location, apiPaths.caseChronology(id));
      res.send(201, entry);
    }),
  );
}
