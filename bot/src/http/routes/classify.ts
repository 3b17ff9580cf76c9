import type { Server } from 'restify';
import { apiRoutes, classify, parseClassificationInput } from '../../../../core/index.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';

/** A description of a behaviour is a few choices and ages: far below the API's general body limit. */
const MAX_CLASSIFY_BYTES = 8 * 1024;

/**
 * POST /api/classify: a first placement of a described behaviour on Hackett's continuum, from the rule
 * table in core/classify. It stores and logs nothing of the answers. The body holds ages and choices,
 * never who the children are (a name is an unknown field), so like the content routes it needs sign-in
 * only, not membership of a safeguarding team.
 */
export function registerClassifyRoutes(server: Server, deps: AppDeps): void {
  server.post(
    apiRoutes.classify,
    handler(deps.logger, async (req, res) => {
      await deps.authenticator.identify(req);
      const input = parseClassificationInput(await readJsonBody(req, MAX_CLASSIFY_BYTES));
      res.send(200, classify(input));
    }),
  );
}
