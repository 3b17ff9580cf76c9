import type { Server } from 'restify';
import { AssessmentService, assessmentDocument, dateInZone, documentQuery } from '../../../../core/index.js';
import { DOCX_CONTENT_TYPE, renderAssessmentDocx } from '../../documents/render-assessment-docx.js';
import type { AppDeps } from '../app-deps.js';
import { handler } from '../handler.js';
import { parseQuery } from '../query.js';
import { idParam } from './assessments.js';

export function registerDocumentRoutes(server: Server, deps: AppDeps): void {
  /**
   * GET /api/assessments/:id/document?audience=staff|parents|full — the assessment as a Word document
   * for one audience. The export is written to the access audit before anything is generated; in Microsoft 365
   * mode the file is also kept in the team's document library. The file name is the case reference only.
   */
  server.get(
    '/api/assessments/:id/document',
    handler(deps.logger, async (req, res) => {
      const id = idParam(req);
      const { audience } = parseQuery(req, documentQuery);
      const caller = await deps.authenticator.authenticate(req);
      const access = caller.userAssertion ? { userAssertion: caller.userAssertion } : {};
      const service = new AssessmentService({
        repository: deps.store.forSchool(caller.schoolId, access),
        clock: deps.clock,
      });
      // The export is in the access audit before anything is generated: no audit, no document.
      const { record } = await service.readForExport(id, caller.actor, audience);
      const at = deps.clock.now();
      const doc = assessmentDocument(record, audience, { generatedOn: dateInZone(at) });
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
