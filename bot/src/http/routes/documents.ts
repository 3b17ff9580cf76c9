import type { Server } from 'restify';
import { assessmentDocument, dateInZone, documentQuery } from '../../../../core/index.js';
import { DOCX_CONTENT_TYPE, renderAssessmentDocx } from '../../documents/render-assessment-docx.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { servicesFor } from '../services.js';
import { parseQuery } from '../query.js';
import { idParam } from './assessments.js';

export function registerDocumentRoutes(server: Server, deps: AppDeps): void {
  /**
   * GET /api/assessments/:id/document?audience=staff|parents|full|file — the assessment as a Word document
   * for one audience. The export is written to the access audit before anything is generated; in Microsoft 365
   * mode the file is also kept in the team's document library. The file name is the case reference only.
   */
  server.get(
    '/api/assessments/:id/document',
    handler(deps.logger, async (req, res) => {
      const id = idParam(req);
      const { audience } = parseQuery(req, documentQuery);
      const { caller, plans, cases } = await servicesFor(deps, req);
      const access = caller.userAssertion ? { userAssertion: caller.userAssertion } : {};
      // The export is in the access audit before anything is generated: no audit, no document.
      const { record } = await plans.readForExport(id, caller.actor, audience);
      const at = deps.clock.now();
      // The child's own file and the full record carry the child's chronology.
      const chronology =
        cases && record.childId && (audience === 'file' || audience === 'full')
          ? await cases.childChronology(record.childId)
          : undefined;
      const doc = assessmentDocument(record, audience, {
        generatedOn: dateInZone(at),
        ...(chronology ? { chronology } : {}),
      });
      const content = await renderAssessmentDocx(doc);

      await deps.documentArchive?.documentsFor(caller.schoolId, access).save(
        {
          assessmentId: record.id,
          caseRef: record.caseRef,
          audience,
          fileName: `${record.caseRef}-${audience}.docx`,
          contentType: DOCX_CONTENT_TYPE,
          content,
        },
        { actor: caller.actor, at },
      );

      res.sendRaw(200, content, {
        'Content-Type': DOCX_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${doc.fileName}"`,
        'Content-Length': String(content.length),
      });
    }),
  );
}
