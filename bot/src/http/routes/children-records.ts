import type { Request, Server } from 'restify';
import {
  apiContract,
  apiHeaders,
  apiPaths,
  UpstreamError,
  type RecordsService,
} from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';
import { servicesFor, type CallerServices } from '../services.js';

/** Ids are server-made UUIDs; anything else cannot name a record, so it is simply not found. */
const CHILD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ITEM_ID = /^[0-9a-f]{12}$/i;

function childId(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!CHILD_ID.test(id)) throw new HttpError(404, 'NOT_FOUND', 'No child has this id.');
  return id.toLowerCase();
}

function transferId(req: Request): string {
  const id = String(req.params?.tid ?? '');
  if (!ITEM_ID.test(id)) throw new HttpError(404, 'NOT_FOUND', 'This child has no transfer with this id.');
  return id.toLowerCase();
}

function recordsOf(services: CallerServices): RecordsService {
  if (!services.records) {
    throw new UpstreamError('CASES_UNAVAILABLE', 'Cases are not available on this store yet.');
  }
  return services.records;
}

/**
 * A child's whole record: the child-protection file transfer and its receipt, the subject access
 * export, the retention review list and the DSL's erasure (the routes of `apiContract` named below).
 */
export function registerChildRecordRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;
  const c = apiContract;

  server.post(
    c.sendTransfer.path,
    handler(logger, async (req, res) => {
      const id = childId(req);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const sent = await recordsOf(services).sendTransfer(id, body, services.signer);
      res.header(apiHeaders.location, apiPaths.childTransfer(id, sent.transfer.id));
      res.send(201, sent);
    }),
  );

  server.put(
    c.confirmTransferReceipt.path,
    handler(logger, async (req, res) => {
      const id = childId(req);
      const tid = transferId(req);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      res.send(200, await recordsOf(services).confirmReceipt(id, tid, body, services.signer));
    }),
  );

  server.get(
    c.transfersAwaitingReceipt.path,
    handler(logger, async (req, res) => {
      const records = recordsOf(await servicesFor(deps, req));
      res.send(200, { today: records.today(), items: await records.awaitingReceipt() });
    }),
  );

  server.get(
    c.childExport.path,
    handler(logger, async (req, res) => {
      const id = childId(req);
      const services = await servicesFor(deps, req);
      const exported = await recordsOf(services).exportFor(id, services.caller.actor);
      // Named by case reference nowhere and by child never: the id is all the file name carries.
      res.header('Content-Disposition', `attachment; filename="child-record-${id}.json"`);
      res.header('Cache-Control', 'no-store');
      res.send(200, exported);
    }),
  );

  server.get(
    c.retentionDue.path,
    handler(
      logger,
      async (req, res, query) => {
        const records = recordsOf(await servicesFor(deps, req));
        res.send(200, {
          today: records.today(),
          withinDays: query.withinDays,
          items: await records.retentionReview(query.withinDays),
        });
      },
      { query: c.retentionDue.query },
    ),
  );

  server.post(
    c.eraseChild.path,
    handler(logger, async (req, res) => {
      const id = childId(req);
      const services = await servicesFor(deps, req);
      const body = await readJsonBody(req);
      const line = await recordsOf(services).erase(id, body, services.signer, () =>
        deps.authenticator.isDsl(req),
      );
      logger.info({ erasureId: line.id, counts: line.counts }, 'retention erasure');
      res.send(200, line);
    }),
  );
}
