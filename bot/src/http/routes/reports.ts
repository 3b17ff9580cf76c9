import type { Response, Server } from 'restify';
import { apiContract, dateInZone, parseWith, type GovernorsDocument } from '../../../../core/index.js';
import { DOCX_CONTENT_TYPE, renderGovernorsDocx } from '../../documents/render-assessment-docx.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { readJsonBody } from '../json-body.js';
import { reportsOf, servicesFor } from '../services.js';

const c = apiContract;

async function sendDocx(res: Response, doc: GovernorsDocument): Promise<void> {
  const content = await renderGovernorsDocx(doc);
  res.sendRaw(200, content, {
    'Content-Type': DOCX_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${doc.fileName}"`,
    'Content-Length': String(content.length),
  });
}

/**
 * Trend reports. Only members of the school's safeguarding team reach them (servicesFor decides,
 * as for every record). `audience=governors` answers counts with every count from 1 to 4 withheld;
 * the governors' report is the same counts as Word, with the DSL's commentary when it is POSTed.
 */
export function registerReportRoutes(server: Server, deps: AppDeps): void {
  const { logger } = deps;

  server.get(
    c.reportTrends.path,
    handler(
      logger,
      async (req, res, query) => {
        const report = await reportsOf(await servicesFor(deps, req)).trends(query, query.audience);
        res.send(200, report);
      },
      { query: c.reportTrends.query },
    ),
  );

  server.get(
    c.governorsReport.path,
    handler(
      logger,
      async (req, res, query) => {
        const reports = reportsOf(await servicesFor(deps, req));
        await sendDocx(res, await reports.governors(query, undefined, dateInZone(deps.clock.now())));
      },
      { query: c.governorsReport.query },
    ),
  );

  server.post(
    c.governorsReportWithCommentary.path,
    handler(
      logger,
      async (req, res) => {
        const services = await servicesFor(deps, req);
        const body = parseWith(c.governorsReportWithCommentary.body, await readJsonBody(req));
        const range = { from: body.from, to: body.to };
        const doc = await reportsOf(services).governors(range, body.commentary, dateInZone(deps.clock.now()));
        await sendDocx(res, doc);
      },
      { query: c.governorsReportWithCommentary.query },
    ),
  );
}
