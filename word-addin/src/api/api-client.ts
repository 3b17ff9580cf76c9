/**
 * The task pane reaches the server through the one browser client it shares with the Teams tab
 * (core/api/browser-client.ts). The pane reads; `PaneApi` is the part of the client it uses, so
 * component tests can pass an in-memory API.
 */
import type { ApiClient } from '../../../core/api/browser-client.js';

export {
  ApiClient,
  ApiError,
  detectMode,
  SAFEGUARDING_TEAM_HEADER,
  type Case,
  type CaseSummary,
  type ClauseQuery,
  type GetToken,
  type TokenRequest,
} from '../../../core/api/browser-client.js';

export type PaneApi = Pick<
  ApiClient,
  'me' | 'clauses' | 'languageGuide' | 'riskTemplate' | 'listCases' | 'getCase' | 'getAssessment'
>;
