import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { apiContract, type StageAnswer } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';
import { handler } from '../handler.js';
import { servicesFor, type CallerServices } from '../services.js';
import { idParam } from './assessments.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function caseId(req: Request): string {
  const id = String(req.params?.id ?? '');
  if (!ID.test(id)) throw new HttpError(404, 'NOT_FOUND', 'No case has this id.');
  return id.toLowerCase();
}

/**
 * The entity tag follows both what the view shows and the versions of the records it was made
 * from: a new version of the case or of a plan in it is a new view for the audit trail.
 */
function stageEtag(answer: StageAnswer): string {
  const digest = createHash('sha256')
    .update(answer.sources)
    .update('\n')
    .update(JSON.stringify(answer.view))
    .digest('base64url')
    .slice(0, 27);
  return `"stage-${digest}"`;
}

async function sendStage(
  req: Request,
  res: Response,
  services: CallerServices,
  answer: StageAnswer,
): Promise<void> {
  const tag = stageEtag(answer);
  res.header('ETag', tag);
  if (req.headers['if-none-match'] === tag) {
    res.send(304);
    return;
  }
  await services.stage.recordShown(answer.view, services.caller.actor);
  res.send(200, answer.view);
}

/**
 * The meeting stage (core/assessment/stage-view.ts): a case, and the plan being discussed, with
 * every child as the case's pseudonym. Redacted here, on the server, so that a child's name never
 * reaches a screen that parents, other agencies and guests can see. The stage polls; `If-None-Match`
 * answers 304 while nothing changed, so the audit trail records each version a viewer was shown
 * rather than every poll.
 */
export function registerStageRoutes(server: Server, deps: AppDeps): void {
  server.get(
    apiContract.assessmentStage.path,
    handler(deps.logger, async (req, res) => {
      const id = idParam(req);
      const services = await servicesFor(deps, req);
      await sendStage(req, res, services, await services.stage.ofPlan(id));
    }),
  );

  server.get(
    apiContract.caseStage.path,
    handler(deps.logger, async (req, res) => {
      const id = caseId(req);
      const services = await servicesFor(deps, req);
      await sendStage(req, res, services, await services.stage.ofCase(id));
    }),
  );
}
