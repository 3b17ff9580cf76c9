import type { Server } from 'restify';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';

/** Bot Framework activities. The adapter authenticates the channel's token itself (bot/src/bot/adapter.ts). */
export function registerMessageRoutes(server: Server, deps: AppDeps): void {
  server.post(
    '/api/messages',
    handler(deps.logger, async (req, res) => {
      req.body = await readJsonBody(req);
      await deps.processActivity(req, res);
    }),
  );
}
