export { createGraphClient, graphUserAgent, GRAPH_VERSION, type GraphClientOptions } from './graph-client.js';
export { defaultRetryPolicy, type RetryPolicy } from './graph-middleware.js';
export { toDomainError } from './graph-errors.js';
export { executeBatch, MAX_BATCH, type BatchStep, type BatchOutcome } from './graph-batch.js';
export {
  SharePointAssessmentStore,
  type SharePointStoreOptions,
  type TokenRequest,
} from './sharepoint-store.js';
export { parseSchoolId, type SiteSettings, type SchoolLocation } from './site-resolver.js';
export {
  defaultListNames,
  listSpecs,
  columnDefinition,
  type ListNames,
  type ListSpec,
  type ColumnSpec,
} from './sharepoint-schema.js';
export { provisionSharePoint, formatPlan, type ProvisionPlan, type ProvisionStep } from './provision.js';
export { allPages } from './graph-paging.js';
