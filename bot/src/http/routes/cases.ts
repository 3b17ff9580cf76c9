import type { Request, Response, Server } from 'restify';
import { apiContract, apiHeaders, apiPaths, type Stored } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';
import { parseQuery } from '../query.js';
import { casesOf, servicesFor } from '../services.js';
import { requiredIfMatch } from './assessments.js';

/** Ids are server-made UUIDs; anything else cannot name a record, so it is simply not found. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function recordId(req: Request, what: 'child' | 'case'): string {
  const id = String(req.params?.id ?? '');
  if (!ID.test(id)) throw new HttpError(404, 'NOT_FOUND', `No ${what} has this id.`);
  return id.toLowerCase();
}

function sendStored<T>(res: Response, status: number, stored: Stored<T>, location?: string): void {
  res.header(apiHeaders.etag, stored.etag);
  if (location) res.header(apiHeaders.location, location);
  res.send(status, stored.record);
}

/**
 * Children, cases and their chronology (the routes of `apiContract` named below). Every route checks
 * its query against the contract, signs the caller in, and works through the caller's services.
 */
export function registerCaseRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;
  const c = apiContract;

  server.get(
    c.listChildren.path,
    handler(logger, async (req, res) => {
      const query = parseQuery(req, c.listChildren.query);
      const cases = casesOf(await servicesFor(deps, req));
      res.send(200, { items: await cases.findChildren(query.q) });
    }),
  );

  server.post(
    c.createChild.path,
    handler(logger, async (req, res) => {
      parseQuery(req, c.createChild.query);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const stored = await casesOf(services).createChild(body, services.signer);
      sendStored(res, 201, stored, apiPaths.child(stored.record.id));
    }),
  );

  server.get(
    c.getChild.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'child');
      parseQuery(req, c.getChild.query);
      const services = await servicesFor(deps, req);
      sendStored(res, 200, await casesOf(services).readChild(id, services.caller.actor));
    }),
  );

  server.put(
    c.replaceChild.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'child');
      parseQuery(req, c.replaceChild.query);
      const services = await servicesFor(deps, req);
      const ifMatch = requiredIfMatch(req);
      const body = await readJsonBody(req);
      sendStored(res, 200, await casesOf(services).replaceChild(id, body, ifMatch, services.signer));
    }),
  );

  server.get(
    c.childChronology.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'child');
      parseQuery(req, c.childChronology.query);
      const cases = casesOf(await servicesFor(deps, req));
      res.send(200, { items: await cases.childChronology(id) });
    }),
  );

  server.get(
    c.listCases.path,
    handler(logger, async (req, res) => {
      const query = parseQuery(req, c.listCases.query);
      const cases = casesOf(await servicesFor(deps, req));
      res.send(200, { items: await cases.listCases(query.status) });
    }),
  );

  server.post(
    c.createCase.path,
    handler(logger, async (req, res) => {
      parseQuery(req, c.createCase.query);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const stored = await casesOf(services).createCase(body, services.signer);
      sendStored(res, 201, stored, apiPaths.case(stored.record.id));
    }),
  );

  server.get(
    c.getCase.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'case');
      parseQuery(req, c.getCase.query);
      const services = await servicesFor(deps, req);
      sendStored(res, 200, await casesOf(services).readCase(id, services.caller.actor));
    }),
  );

  server.put(
    c.replaceCase.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'case');
      parseQuery(req, c.replaceCase.query);
      const services = await servicesFor(deps, req);
      const ifMatch = requiredIfMatch(req);
      const body = await readJsonBody(req);
      sendStored(res, 200, await casesOf(services).replaceCase(id, body, ifMatch, services.signer));
    }),
  );

  server.get(
    c.caseChronology.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'case');
      parseQuery(req, c.caseChronology.query);
      const cases = casesOf(await servicesFor(deps, req));
      res.send(200, { items: await cases.caseChronology(id) });
    }),
  );

  server.post(
    c.addCaseChronology.path,
    handler(logger, async (req, res) => {
      const id = recordId(req, 'case');
      parseQuery(req, c.addCaseChronology.query);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const entry = await casesOf(services).addChronology(id, body, services.signer);
      res.header(apiHeaders.location, apiPaths.caseChronology(id));
      res.send(201, entry);
    }),
  );
}
