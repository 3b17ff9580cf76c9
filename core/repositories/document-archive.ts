import type { DocumentAudience } from '../documents/document-audiences.js';
import type { Actor, RepositoryAccess } from './assessment-repository.js';

/** A generated document as the archive keeps it. Its name carries the case reference only, never a name. */
export interface GeneratedDocument {
  assessmentId: string;
  caseRef: string;
  audience: DocumentAudience;
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface ArchivedDocument {
  /** Where the school's staff can open it (a SharePoint address), when the archive has one. */
  webUrl: string | null;
}

/** Where generated documents are kept beside the records (the team's document library in Microsoft 365). */
export interface DocumentArchive {
  save(document: GeneratedDocument, context: { actor: Actor; at: Date }): Promise<ArchivedDocument>;
}

export interface DocumentArchiveStore {
  documentsFor(schoolId: string, access?: RepositoryAccess): DocumentArchive;
}
