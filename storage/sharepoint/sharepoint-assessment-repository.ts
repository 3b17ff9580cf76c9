import type { Client } from '@microsoft/microsoft-graph-client';
import {
  dateInZone,
  UpstreamError,
  type AssessmentData,
  type AssessmentQuery,
  type AssessmentRepository,
  type AssessmentSummary,
  type ChangeContext,
  type PlanRecord,
  type PlanWriteExtras,
  type StoredPlan,
} from '../../core/index.js';
import {
  newPlanFields,
  recordFields,
  storedFrom,
  summaryFrom,
  SUMMARY_FIELDS,
  toSharePointDate,
  type Fields,
  type StoredRecord,
} from './assessment-fields.js';
import { allPages } from './graph-paging.js';
import { chronologySteps, settleChronology, type GraphItem } from './list-items.js';
import { expandFields, literal, query } from './odata.js';
import { reserveCaseRef } from './case-refs.js';
import type { SchoolLocation } from './site-resolver.js';
import type { StoreCaches } from './store-caches.js';
import { VersionedList } from './versioned-list.js';

export interface RepositoryContext {
  client: Client;
  baseUrl: string;
  location: () => Promise<SchoolLocation>;
  caches: StoreCaches;
  newId: () => string;
  pageSize: number;
  /** Something went wrong that did not fail the request (logged by the app, ids and codes only). */
  onWarning?: (event: { code: string; err: unknown }) => void;
}

/**
 * One school's assessments in its SharePoint list. A save is one round trip: a $batch holding the
 * item write (with If-Match) and its audit entry, which only runs if the write succeeded, and the
 * save's chronology entries. A read is one GET; lists filter only on indexed columns and follow
 * paging. The item's own version history carries the same audit columns, so SharePoint's history
 * shows who changed what and why.
 */
export class SharePointAssessmentRepository
  extends VersionedList<PlanRecord>
  implements AssessmentRepository
{
  constructor(ctx: RepositoryContext) {
    super(ctx, 'assessments', 'No assessment has this id.');
  }

  protected override decode(fields: Fields, etag: string): StoredPlan {
    return storedFrom(fields, etag);
  }

  protected override newItemFields(
    record: StoredRecord,
    _c: Fields,
    context: ChangeContext,
    writeId: string,
  ) {
    return newPlanFields(record, context, writeId);
  }

  protected override changedItemFields(
    record: StoredRecord,
    _c: Fields,
    context: ChangeContext,
    writeId: string,
  ) {
    return recordFields(record, context, writeId);
  }

  async create(data: AssessmentData, context: ChangeContext, caseRef?: string): Promise<StoredPlan> {
    const loc = await this.ctx.location();
    const at = context.at.toISOString();
    const year = Number(dateInZone(context.at).slice(0, 4));
    const id = this.ctx.newId();
    if (caseRef !== undefined) {
      // A plan of a case takes the case's reference: no number to reserve.
      const stored = await this.insert(
        loc,
        { id, caseRef, createdAt: at, updatedAt: at, ...data },
        {},
        context,
      );
      if (stored) return stored;
      throw new UpstreamError('CASE_REF_CONTENTION', 'Could not save this plan. Please try again.');
    }
    return reserveCaseRef({ ...this.ctx, client: this.client }, loc, year, async (candidate) =>
      this.insert(loc, { id, caseRef: candidate, createdAt: at, updatedAt: at, ...data }, {}, context),
    );
  }

  async replace(
    id: string,
    data: AssessmentData,
    ifMatch: string,
    context: ChangeContext,
    extras: PlanWriteExtras = {},
  ): Promise<StoredPlan> {
    const loc = await this.ctx.location();
    const facts = await this.facts(loc, id);
    const record: StoredRecord = {
      ...data,
      id,
      caseRef: facts.caseRef,
      createdAt: facts.createdAt,
      updatedAt: context.at.toISOString(),
    };
    // The chronology entries of this save go in the same batch, after the write succeeded.
    const chronology = chronologySteps(
      this.ctx,
      loc,
      (extras.chronology ?? []).map((entry) => ({
        entry,
        context: { actor: context.actor, at: context.at, action: 'create', fields: ['chronology'] },
      })),
      'item',
    );
    return this.update(loc, facts, record, {}, ifMatch, context, 'assessment', {
      steps: chronology.steps,
      settle: (outcomes) => settleChronology(this.ctx, loc, chronology, outcomes),
    });
  }

  async list(q: AssessmentQuery = {}): Promise<AssessmentSummary[]> {
    if (q.status && q.status.length === 0) return [];
    const loc = await this.ctx.location();
    // Only indexed columns (Status, NextReviewDue, Kind, CaseId, ChildId) are filtered on, so the query keeps working on
    // lists far past SharePoint's 5,000-item view threshold.
    const clauses: string[] = [];
    if (q.status) clauses.push(`(${q.status.map((s) => `fields/Status eq ${literal(s)}`).join(' or ')})`);
    if (q.dueOnOrBefore)
      clauses.push(`fields/NextReviewDue le ${literal(toSharePointDate(q.dueOnOrBefore)!)}`);
    if (q.kind) clauses.push(`fields/Kind eq ${literal(q.kind)}`);
    if (q.caseId) clauses.push(`fields/CaseId eq ${literal(q.caseId)}`);
    if (q.childId) clauses.push(`fields/ChildId eq ${literal(q.childId)}`);
    const items = await allPages<GraphItem>(
      this.client,
      this.ctx.baseUrl,
      `${this.path(loc)}${query({
        $filter: clauses.length ? clauses.join(' and ') : undefined,
        $expand: expandFields(SUMMARY_FIELDS),
        $top: this.ctx.pageSize,
      })}`,
    );
    return items
      .map((item) => summaryFrom(item.fields ?? {}))
      .filter((s): s is AssessmentSummary => s !== undefined)
      .filter((s) => !q.status || q.status.includes(s.status))
      .filter((s) => !q.dueOnOrBefore || (s.nextDue !== null && s.nextDue <= q.dueOnOrBefore))
      .filter((s) => (!q.kind || s.kind === q.kind) && (!q.caseId || s.caseId === q.caseId))
      .filter((s) => !q.childId || s.childId === q.childId)
      .sort((a, b) => (a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : 0));
  }
}
