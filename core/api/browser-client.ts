import type { Assessment } from '../assessment/index.js';
import type { Classification } from '../classify/classify.js';
import type { ClassificationInput } from '../classify/input.js';
import type { HackettGuide, LanguageGuide, RiskTemplate } from '../content/schema.js';
import {
  AssessmentCalls,
  type ListQuery,
  type StageAnswer,
  type SummaryRow,
} from './browser/assessment-calls.js';
import { ApiTransport, type ApiClientOptions, type Versioned } from './browser/api-transport.js';
import {
  CaseCalls,
  type Case,
  type CaseSummary,
  type Child,
  type ChildSummary,
  type ChronologyEntry,
} from './browser/case-calls.js';
import { ContentCalls, type ClauseQuery, type LibraryClause } from './browser/content-calls.js';
import { PeopleCalls, type Me, type MyActions, type Outbox, type Person } from './browser/people-calls.js';
import { RecordCalls } from './browser/record-calls.js';
import { ReportCalls } from './browser/report-calls.js';
import { apiHeaders } from './headers.js';
import type {
  AwaitingReceiptResponse,
  ErasureResponse,
  RetentionReviewResponse,
  SubjectAccessResponse,
  TransferSentResponse,
} from './records.js';
import type { GovernorsReportBody, TrendsQuery, TrendsResponse } from './reports.js';
import type { TransferResponse } from './responses.js';

export { ApiError, type ErrorDetail } from './browser/api-error.js';
export {
  detectMode,
  type ApiClientOptions,
  type GetToken,
  type TokenRequest,
  type Versioned,
} from './browser/api-transport.js';
export type { ListQuery, StageAnswer, SummaryRow } from './browser/assessment-calls.js';
export type { Case, CaseSummary, Child, ChildSummary, ChronologyEntry } from './browser/case-calls.js';
export type { ClauseKind, ClauseQuery, LibraryClause } from './browser/content-calls.js';
export type { Me, MyActions, Outbox, Person } from './browser/people-calls.js';

export const SAFEGUARDING_TEAM_HEADER = apiHeaders.safeguardingTeam;

/**
 * The one browser client of the server's API, shared by the Teams tab and the Word task pane, built
 * on the HTTP contract's paths, headers and error body (this folder). It imports the contract's
 * files one by one rather than its index, so the front ends bundle no schema code. It holds no
 * token logic of its own: each front end injects how it gets a token (single sign-on,
 * nested app authentication, a sign-in window), and this client decides, the same way for both,
 * what a refusal means and when to ask for a fresh token. Child data only ever travels in bodies:
 * ids go in paths; search text goes in the query of the content routes, the children search and the
 * people directory (staff names) only.
 *
 * How a call travels is `browser/api-transport.ts`; the calls of each resource are in `browser/`,
 * and this class is the one object the front ends hold.
 */
export class ApiClient {
  private readonly http: ApiTransport;
  private readonly assessments: AssessmentCalls;
  private readonly cases: CaseCalls;
  private readonly records: RecordCalls;
  private readonly reports: ReportCalls;
  private readonly staff: PeopleCalls;
  private readonly content: ContentCalls;

  constructor(options: ApiClientOptions = {}) {
    this.http = new ApiTransport(options);
    this.assessments = new AssessmentCalls(this.http);
    this.cases = new CaseCalls(this.http);
    this.records = new RecordCalls(this.http);
    this.reports = new ReportCalls(this.http);
    this.staff = new PeopleCalls(this.http);
    this.content = new ContentCalls(this.http);
  }

  me(): Promise<Me> {
    return this.staff.me();
  }

  listAssessments(query: ListQuery = {}): Promise<SummaryRow[]> {
    return this.assessments.listAssessments(query);
  }

  getAssessment(id: string): Promise<Versioned<Assessment>> {
    return this.assessments.getAssessment(id);
  }

  /** Starts reading a record the first view will ask for; its failure surfaces when it is used. */
  prefetchAssessment(id: string): void {
    this.assessments.prefetchAssessment(id);
  }

  createAssessment(body: unknown): Promise<Versioned<Assessment>> {
    return this.assessments.createAssessment(body);
  }

  replaceAssessment(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.assessments.replaceAssessment(id, body, etag);
  }

  addReview(id: string, body: unknown, etag: string): Promise<Versioned<Assessment>> {
    return this.assessments.addReview(id, body, etag);
  }

  /**
   * The meeting stage's view of a plan in its case (`of` "plan") or of a case alone, redacted on the
   * server; `unchanged` when `etag` is still current (304).
   */
  stageView(id: string, etag?: string, of: 'plan' | 'case' = 'plan'): Promise<StageAnswer> {
    return this.assessments.stageView(id, etag, of);
  }

  /** The clause library; search text is the only free text any route takes in its query. */
  clauses(query: ClauseQuery = {}, signal?: AbortSignal): Promise<LibraryClause[]> {
    return this.content.clauses(query, signal);
  }

  /** Children whose name matches `q`; the name travels in the query only on this route. */
  listChildren(q?: string, signal?: AbortSignal): Promise<ChildSummary[]> {
    return this.cases.listChildren(q, signal);
  }

  /** A new child record (POST /api/children): the only place the child's name is kept. */
  createChild(body: unknown): Promise<Versioned<Child>> {
    return this.cases.createChild(body);
  }

  getChild(id: string): Promise<Versioned<Child>> {
    return this.cases.getChild(id);
  }

  childChronology(id: string): Promise<ChronologyEntry[]> {
    return this.cases.childChronology(id);
  }

  listCases(status?: readonly Case['status'][]): Promise<CaseSummary[]> {
    return this.cases.listCases(status);
  }

  createCase(body: unknown): Promise<Versioned<Case>> {
    return this.cases.createCase(body);
  }

  getCase(id: string): Promise<Versioned<Case>> {
    return this.cases.getCase(id);
  }

  replaceCase(id: string, body: unknown, etag: string): Promise<Versioned<Case>> {
    return this.cases.replaceCase(id, body, etag);
  }

  caseChronology(id: string): Promise<ChronologyEntry[]> {
    return this.cases.caseChronology(id);
  }

  addCaseChronology(id: string, body: unknown): Promise<ChronologyEntry> {
    return this.cases.addCaseChronology(id, body);
  }

  /** Counts for the trends view, or the governors' view of them (small counts withheld). */
  reportTrends(query: TrendsQuery): Promise<TrendsResponse> {
    return this.reports.reportTrends(query);
  }

  /** The governors' report as a Word file, with the commentary the DSL has just written. */
  governorsReport(body: GovernorsReportBody): Promise<Blob> {
    return this.reports.governorsReport(body);
  }

  /** Records a child-protection file as sent; answers where the child's own file can be downloaded. */
  sendTransfer(childId: string, body: unknown): Promise<TransferSentResponse> {
    return this.records.sendTransfer(childId, body);
  }

  confirmTransferReceipt(childId: string, transferId: string, body: unknown): Promise<TransferResponse> {
    return this.records.confirmTransferReceipt(childId, transferId, body);
  }

  transfersAwaitingReceipt(): Promise<AwaitingReceiptResponse> {
    return this.records.transfersAwaitingReceipt();
  }

  childExport(childId: string): Promise<SubjectAccessResponse> {
    return this.records.childExport(childId);
  }

  retentionDue(withinDays?: number): Promise<RetentionReviewResponse> {
    return this.records.retentionDue(withinDays);
  }

  eraseChild(childId: string, reason: string): Promise<ErasureResponse> {
    return this.records.eraseChild(childId, reason);
  }

  replaceChild(id: string, body: unknown, etag: string): Promise<Versioned<Child>> {
    return this.cases.replaceChild(id, body, etag);
  }

  /**
   * A file the server generates (a plan's .docx), fetched with the caller's token, for the page to
   * save. Only the API's own paths are fetched, so a link in an answer cannot send the token elsewhere.
   */
  download(path: string): Promise<Blob> {
    return this.http.download(path);
  }

  /**
   * Staff whose name starts with `q`: the safeguarding team's members first, then the school's
   * directory (local mode: a small local list). Without `q`, the team alone. `top` is 1 to 20.
   */
  people(q?: string, top?: number, signal?: AbortSignal): Promise<Person[]> {
    return this.staff.people(q, top, signal);
  }

  /** The caller's own actions in the school's open plans, overdue first. */
  myActions(): Promise<MyActions> {
    return this.staff.myActions();
  }

  /** Local mode's outbox: the notifications that would have gone to Teams, newest first. */
  outbox(): Promise<Outbox> {
    return this.staff.outbox();
  }

  /** A first placement of a described behaviour (POST /api/classify); the server stores nothing. */
  classify(input: ClassificationInput): Promise<Classification> {
    return this.content.classify(input);
  }

  /** Content changes only with a deployment, so one fetch per page load is enough. */
  riskTemplate(): Promise<RiskTemplate> {
    return this.content.riskTemplate();
  }

  languageGuide(): Promise<LanguageGuide> {
    return this.content.languageGuide();
  }

  hackettGuide(): Promise<HackettGuide> {
    return this.content.hackettGuide();
  }
}
