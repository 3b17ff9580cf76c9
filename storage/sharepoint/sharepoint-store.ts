import { randomUUID } from 'node:crypto';
import type {
  Actor,
  AssessmentRepository,
  AssessmentStore,
  CaseRecords,
  CaseRecordStore,
  DocumentArchive,
  DocumentArchiveStore,
  RecordEraser,
  RecordEraserStore,
  RepositoryAccess,
} from '../../core/index.js';
import { createGraphClient } from './graph-client.js';
import type { ResilienceOptions, RetryPolicy } from './graph-middleware.js';
import {
  SharePointAssessmentRepository,
  type RepositoryContext,
} from './sharepoint-assessment-repository.js';
import { migrateSharePointRecords, type MigrationReport } from './migrate.js';
import { sharePointCaseRecords } from './sharepoint-case-records.js';
import { SharePointDocumentArchive } from './sharepoint-document-archive.js';
import { SharePointRecordEraser } from './sharepoint-record-eraser.js';
import { defaultListNames, type ListNames } from './sharepoint-schema.js';
import { parseSchoolId, SiteResolver, type SiteSettings } from './site-resolver.js';
import { createStoreCaches, type StoreCaches } from './store-caches.js';

/** Who a Graph token is for: the signed-in user (on their behalf) or the app itself, in a tenant. */
export interface TokenRequest {
  schoolId: string;
  tenantId: string | undefined;
  userAssertion: string | undefined;
}

export interface SharePointStoreOptions {
  graphBaseUrl: string;
  /** Delegated when `userAssertion` is present, app-only otherwise (the app passes GraphTokenService). */
  getAccessToken: (request: TokenRequest) => Promise<string>;
  /** Product/version for the User-Agent, e.g. `hsb-assistant/0.1.0`. */
  product: string;
  site?: SiteSettings;
  /** List display names per school; tests give each run its own lists. */
  listNames?: (schoolId: string) => ListNames;
  retry?: Partial<RetryPolicy>;
  onRetry?: ResilienceOptions['onRetry'];
  random?: ResilienceOptions['random'];
  /** Items per page when listing (Graph's default page is 200). */
  pageSize?: number;
  newId?: () => string;
  /** Problems that did not fail a request, e.g. an audit log entry that had to be left to version history. */
  onWarning?: (event: { code: string; err: unknown }) => void;
}

/**
 * The Microsoft 365 store: each school's assessments live in its safeguarding team's own SharePoint
 * site. Every request carries the caller's own delegated token when there is one, so the app can
 * never reach more than that user may; background work uses the app's token for that site.
 */
export class SharePointAssessmentStore
  implements AssessmentStore, DocumentArchiveStore, CaseRecordStore, RecordEraserStore
{
  private readonly resolver: SiteResolver;
  private readonly caches: StoreCaches = createStoreCaches();

  constructor(private readonly options: SharePointStoreOptions) {
    const site = options.site;
    // One site holds one team's lists: with several teams it would mix schools' records in one list.
    if (site?.siteId && !options.listNames && site.allowedGroupIds?.length !== 1) {
      throw new Error('A fixed SharePoint site (SHAREPOINT_SITE_ID) serves exactly one safeguarding team.');
    }
    this.resolver = new SiteResolver(
      options.graphBaseUrl,
      options.site ?? {},
      options.listNames ?? (() => defaultListNames),
    );
  }

  private session(schoolId: string, access: RepositoryAccess = {}) {
    this.resolver.check(schoolId);
    const { tenantId } = parseSchoolId(schoolId);
    const client = createGraphClient({
      baseUrl: this.options.graphBaseUrl,
      product: this.options.product,
      getAccessToken: () =>
        this.options.getAccessToken({ schoolId, tenantId, userAssertion: access.userAssertion }),
      ...(this.options.retry ? { retry: this.options.retry } : {}),
      ...(this.options.onRetry ? { onRetry: this.options.onRetry } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
    return { client, location: () => this.resolver.resolve(client, schoolId) };
  }

  private context(schoolId: string, access?: RepositoryAccess): RepositoryContext {
    const { client, location } = this.session(schoolId, access);
    return {
      client,
      baseUrl: this.options.graphBaseUrl,
      location,
      caches: this.caches,
      newId: this.options.newId ?? randomUUID,
      pageSize: this.options.pageSize ?? 200,
      ...(this.options.onWarning ? { onWarning: this.options.onWarning } : {}),
    };
  }

  forSchool(schoolId: string, access?: RepositoryAccess): AssessmentRepository {
    return new SharePointAssessmentRepository(this.context(schoolId, access));
  }

  /** Children, cases and chronology of the school, with the same identity and site as its plans. */
  recordsFor(schoolId: string, access?: RepositoryAccess): CaseRecords {
    return sharePointCaseRecords(this.context(schoolId, access));
  }

  /** Retention erasure, with the same identity and site as the records. */
  eraserFor(schoolId: string, access?: RepositoryAccess): RecordEraser {
    return new SharePointRecordEraser(this.context(schoolId, access));
  }

  /**
   * Moves the school's plans from before cases existed into cases, child records and plans per
   * child (storage/sharepoint/migrate.ts). Idempotent and resumable.
   */
  migrateRecords(
    schoolId: string,
    options: { dryRun: boolean; actor: Actor; now?: () => Date },
  ): Promise<MigrationReport> {
    return migrateSharePointRecords(this.context(schoolId), options);
  }

  /** The team's document library, reached with the same identity as the records. */
  documentsFor(schoolId: string, access?: RepositoryAccess): DocumentArchive {
    const { client, location } = this.session(schoolId, access);
    return new SharePointDocumentArchive({ client, location, caches: this.caches });
  }

  async close(): Promise<void> {}
}
