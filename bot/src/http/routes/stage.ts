import type { Server } from 'restify';
import { noQuery, stageView } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { parseQuery } from '../query.js';
import { servicesFor } from '../services.js';
import { idParam } from './assessments.js';

/** The projection's entity tag follows the record's version: a new version, a new view. */
function stageEtag(recordEtag: string): string {
  return `"stage-${recordEtag.replace(/^W\//, '').replace(/"/g, '')}"`;
}

/**
 * The meeting stage's view of an assessment (core/assessment/stage-view.ts): redacted here, on the
 * server, so that a child's name never reaches a screen that guests and external users can see.
 * The stage polls; `If-None-Match` answers 304 while nothing changed, so the audit trail records each
 * version a viewer was shown rather than every poll.
 */
export function registerStageRoutes(server: Server, deps: AppDeps): void {
  server.get(
    '/api/assessments/:id/stage',
    handler(deps.logger, async (req, res) => {
      const id = idParam(req);
      parseQuery(req, noQuery);
      const { caller, plans } = await servicesFor(deps, req);
      const { record, etag } = await plans.get(id);
      const tag = stageEtag(etag);
      res.header('ETag', tag);
      if (req.headers['if-none-match'] === tag) {
        res.send(304);
        return;
      }
      await plans.recordView(record.id, caller.actor, 'stage');
      res.send(200, stageView(record));
    }),
  );
}
