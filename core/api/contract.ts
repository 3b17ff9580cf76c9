import type { z } from 'zod';
import { createAssessmentSchema, replaceAssessmentSchema, reviewInputSchema } from '../assessment/schema.js';
import { createCaseSchema, replaceCaseSchema } from '../cases/case.js';
import { childInputSchema, replaceChildSchema } from '../cases/child.js';
import { chronologyInputSchema } from '../cases/chronology.js';
import { actionsContract } from './actions.js';
import { apiRoutes } from './paths.js';
import { governorsReportBody, governorsReportQuery, trendsQuery, trendsResponse } from './reports.js';
import { recordsContract } from './records.js';
import {
  documentQuery,
  listAssessmentsQuery,
  listCasesQuery,
  listChildrenQuery,
  noQuery,
  reviewsDueQuery,
} from './queries.js';
import {
  assessmentResponse,
  assessmentSummaryResponse,
  caseResponse,
  caseSummaryResponse,
  childResponse,
  childSummaryResponse,
  chronologyEntryResponse,
  healthResponse,
  itemsOf,
  meResponse,
  reviewsDueResponse,
  stageResponse,
} from './responses.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface ApiRoute {
  method: HttpMethod;
  /** The pattern the server registers (`:id` for a record id). */
  path: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Absent for answers that are not JSON (a .docx) or not ours (Bot Framework). */
  response?: z.ZodType;
  /** The success status. */
  status: 200 | 201;
  /**
   * `required`: without If-Match the answer is 428, with a stale one 412. `optional`: checked when
   * sent. Every record answer carries an ETag; a 201 also carries a Location.
   */
  ifMatch?: 'required' | 'optional';
}

/**
 * The HTTP API, written once. The server registers these routes and parses with these schemas; the
 * browser client builds its calls from them.
 */
export const apiContract = {
  health: { method: 'GET', path: apiRoutes.health, response: healthResponse, status: 200 },
  me: { method: 'GET', path: apiRoutes.me, query: noQuery, response: meResponse, status: 200 },

  listChildren: {
    method: 'GET',
    path: apiRoutes.children,
    query: listChildrenQuery,
    response: itemsOf(childSummaryResponse),
    status: 200,
  },
  createChild: {
    method: 'POST',
    path: apiRoutes.children,
    query: noQuery,
    body: childInputSchema,
    response: childResponse,
    status: 201,
  },
  getChild: { method: 'GET', path: apiRoutes.child, query: noQuery, response: childResponse, status: 200 },
  replaceChild: {
    method: 'PUT',
    path: apiRoutes.child,
    query: noQuery,
    body: replaceChildSchema,
    response: childResponse,
    status: 200,
    ifMatch: 'required',
  },
  childChronology: {
    method: 'GET',
    path: apiRoutes.childChronology,
    query: noQuery,
    response: itemsOf(chronologyEntryResponse),
    status: 200,
  },

  listCases: {
    method: 'GET',
    path: apiRoutes.cases,
    query: listCasesQuery,
    response: itemsOf(caseSummaryResponse),
    status: 200,
  },
  createCase: {
    method: 'POST',
    path: apiRoutes.cases,
    query: noQuery,
    body: createCaseSchema,
    response: caseResponse,
    status: 201,
  },
  getCase: { method: 'GET', path: apiRoutes.case, query: noQuery, response: caseResponse, status: 200 },
  replaceCase: {
    method: 'PUT',
    path: apiRoutes.case,
    query: noQuery,
    body: replaceCaseSchema,
    response: caseResponse,
    status: 200,
    ifMatch: 'required',
  },
  caseChronology: {
    method: 'GET',
    path: apiRoutes.caseChronology,
    query: noQuery,
    response: itemsOf(chronologyEntryResponse),
    status: 200,
  },
  addCaseChronology: {
    method: 'POST',
    path: apiRoutes.caseChronology,
    query: noQuery,
    body: chronologyInputSchema,
    response: chronologyEntryResponse,
    status: 201,
  },

  listAssessments: {
    method: 'GET',
    path: apiRoutes.assessments,
    query: listAssessmentsQuery,
    response: itemsOf(assessmentSummaryResponse),
    status: 200,
  },
  createAssessment: {
    method: 'POST',
    path: apiRoutes.assessments,
    query: noQuery,
    body: createAssessmentSchema,
    response: assessmentResponse,
    status: 201,
  },
  getAssessment: {
    method: 'GET',
    path: apiRoutes.assessment,
    query: noQuery,
    response: assessmentResponse,
    status: 200,
  },
  replaceAssessment: {
    method: 'PUT',
    path: apiRoutes.assessment,
    query: noQuery,
    body: replaceAssessmentSchema,
    response: assessmentResponse,
    status: 200,
    ifMatch: 'required',
  },
  addReview: {
    method: 'POST',
    path: apiRoutes.assessmentReviews,
    query: noQuery,
    body: reviewInputSchema,
    response: assessmentResponse,
    status: 201,
    ifMatch: 'optional',
  },
  assessmentDocument: {
    method: 'GET',
    path: apiRoutes.assessmentDocument,
    query: documentQuery,
    status: 200,
  },
  assessmentStage: {
    method: 'GET',
    path: apiRoutes.assessmentStage,
    query: noQuery,
    response: stageResponse,
    status: 200,
  },
  caseStage: {
    method: 'GET',
    path: apiRoutes.caseStage,
    query: noQuery,
    response: stageResponse,
    status: 200,
  },
  reviewsDue: {
    method: 'GET',
    path: apiRoutes.reviewsDue,
    query: reviewsDueQuery,
    response: reviewsDueResponse,
    status: 200,
  },
  reportTrends: {
    method: 'GET',
    path: apiRoutes.reportsTrends,
    query: trendsQuery,
    response: trendsResponse,
    status: 200,
  },
  /** The governors' report (.docx) without a commentary. */
  governorsReport: {
    method: 'GET',
    path: apiRoutes.reportsGovernors,
    query: governorsReportQuery,
    status: 200,
  },
  /** The governors' report (.docx) with the commentary the DSL has just written; nothing is stored. */
  governorsReportWithCommentary: {
    method: 'POST',
    path: apiRoutes.reportsGovernors,
    query: noQuery,
    body: governorsReportBody,
    status: 200,
  },
  ...recordsContract,
  ...actionsContract,
} as const satisfies Record<string, ApiRoute>;

export type ApiContract = typeof apiContract;
export type ApiOperation = keyof ApiContract;
/** The parsed body an operation accepts. */
export type RequestBody<Op extends ApiOperation> = ApiContract[Op] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
/** What an operation answers with. */
export type ResponseBody<Op extends ApiOperation> = ApiContract[Op] extends {
  response: infer R extends z.ZodType;
}
  ? z.output<R>
  : never;
