import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ArchivedDocument, DocumentArchive, GeneratedDocument } from '../../core/index.js';
import { executeBatch } from './graph-batch.js';
import { graphCall, toDomainError } from './graph-errors.js';
import { query } from './odata.js';
import type { SchoolLocation } from './site-resolver.js';
import type { StoreCaches } from './store-caches.js';

export interface DocumentArchiveContext {
  client: Client;
  location: () => Promise<SchoolLocation>;
  caches: StoreCaches;
}

function pathSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\\/:*?"<>|#%]/g, '-'));
}

/**
 * Saves generated documents in the team's "HSB documents" library, one folder per case reference.
 * The file and its columns are related writes, so they travel in one $batch: the upload, then the
 * metadata update that depends on it. Saving again replaces the file and SharePoint keeps the
 * earlier one as a version.
 */
export class SharePointDocumentArchive implements DocumentArchive {
  constructor(private readonly ctx: DocumentArchiveContext) {}

  private async driveId(loc: SchoolLocation): Promise<string> {
    const key = `${loc.siteId}|${loc.lists.documents}`;
    const known = this.ctx.caches.driveIds.get(key);
    if (known) return known;
    const drive = await graphCall(
      () =>
        this.ctx.client
          .api(`/sites/${loc.siteId}/lists/${loc.lists.documents}/drive${query({ $select: 'id' })}`)
          .get() as Promise<{ id: string }>,
    );
    this.ctx.caches.driveIds.set(key, drive.id);
    return drive.id;
  }

  async save(document: GeneratedDocument, context: { at: Date }): Promise<ArchivedDocument> {
    const loc = await this.ctx.location();
    const driveId = await this.driveId(loc);
    const path = `${pathSegment(document.caseRef)}/${pathSegment(document.fileName)}`;
    const outcomes = await graphCall(() =>
      executeBatch(this.ctx.client, [
        {
          id: 'upload',
          method: 'PUT',
          url: `/drives/${driveId}/root:/${path}:/content`,
          binary: document.content,
          headers: { 'Content-Type': document.contentType },
        },
        {
          id: 'columns',
          method: 'PATCH',
          url: `/drives/${driveId}/root:/${path}:/listItem/fields`,
          body: {
            CaseRef: document.caseRef,
            AssessmentId: document.assessmentId,
            Audience: document.audience,
            GeneratedAt: context.at.toISOString(),
          },
          dependsOn: ['upload'],
        },
      ]),
    );
    for (const id of ['upload', 'columns']) {
      const outcome = outcomes.get(id);
      if (!outcome || outcome.status < 200 || outcome.status >= 300) {
        throw toDomainError(
          outcome?.error ?? new GraphError(outcome?.status ?? -1, 'A batched request failed.'),
        );
      }
    }
    const uploaded = outcomes.get('upload')!.body as { webUrl?: string } | undefined;
    return { webUrl: uploaded?.webUrl ?? null };
  }
}
