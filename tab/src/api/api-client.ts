/**
 * The tab reaches the server through the one browser client it shares with the Word task pane
 * (core/api/browser-client.ts); this module names it for the tab's own imports.
 */
export {
  ApiClient,
  ApiError,
  SAFEGUARDING_TEAM_HEADER,
  type ApiClientOptions,
  type Case,
  type CaseSummary,
  type Child,
  type ChildSummary,
  type ChronologyEntry,
  type ErrorDetail,
  type ListQuery,
  type Me,
  type MyActions,
  type Outbox,
  type Person,
  type StageAnswer,
  type SummaryRow,
  type Versioned,
} from '../../../core/api/browser-client';
export type { GovernorsReportBody, TrendsQuery, TrendsResponse } from '../../../core/api/reports';
export type {
  AwaitingReceiptResponse,
  ErasureResponse,
  RetentionReviewResponse,
  SubjectAccessResponse,
  TransferSentResponse,
} from '../../../core/api/records';
export type { TransferResponse } from '../../../core/api/responses';
