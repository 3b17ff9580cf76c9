import type { Client } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  dateInZone,
  NotFoundError,
  UpstreamError,
  type AccessContext,
  type AssessmentData,
  type AssessmentQuery,
  type AssessmentRepository,
  type AssessmentSummary,
  type AuditEntry,
  type ChangeContext,
  type PlanWriteExtras,
  type StoredPlan,
} from '../../core/index.js';
import {
  etagVersion,
  newPlanFields,
  RECORD_FIELDS,
  recordFields,
  storedFrom,
  summaryFrom,
  SUMMARY_FIELDS,
  toSharePointDate,
  type Fields,
  type StoredRecord,
} from './assessment-fields.js';
import { executeBatch } from './graph-batch.js';
import { graphCall, graphStatus, toDomainError } from './graph-errors.js';
import { allPages, type Page } from './graph-paging.js';
import {
  chronologySteps,
  ensureAudit,
  itemEtag,
  itemHistory,
  logAccess,
  ok,
  settleChronology,
  stepError,
  versionWritten,
  type GraphItem,
} from './list-items.js';
import { expandFields, literal, query } from './odata.js';
import { reserveCaseRef } from './case-refs.js';
import type { SchoolLocation } from './site-resolver.js';
import type { ItemFacts, StoreCaches } from './store-caches.js';
import { auditLogFields } from './audit-log.js';

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

const NOT_FOUND = 'No assessment has this id.';

/**
 * One school's assessments in its SharePoint list. A save is one round trip: a $batch holding the
 * item write (with If-Match) and its audit entry, which only runs if the write succeeded. A read is
 * one GET; lists filter only on indexed columns and follow paging. The item's own version history
 * carries the same audit columns, so SharePoint's history shows who changed what and why.
 */
export class SharePointAssessmentRepository implements AssessmentRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private get client(): Client {
    return this.ctx.client;
  }

  private itemsPath(loc: SchoolLocation, list: 'assessments' | 'auditLog' = 'assessments'): string {
    return `/sites/${loc.siteId}/lists/${loc.lists[list]}/items`;
  }

  private factsKey(loc: SchoolLocation, id: string): string {
    return `${loc.siteId}|${loc.lists.assessments}|${id}`;
  }

  private remember(loc: SchoolLocation, record: StoredRecord, itemId: string): ItemFacts {
    const facts = { itemId, caseRef: record.caseRef, createdAt: record.createdAt };
    this.ctx.caches.items.set(this.factsKey(loc, record.id), facts);
    return facts;
  }

  async create(data: AssessmentData, context: ChangeContext, caseRef?: string): Promise<StoredPlan> {
    const loc = await this.ctx.location();
    const at = context.at.toISOString();
    const year = Number(dateInZone(context.at).slice(0, 4));
    const id = this.ctx.newId();
    const writeId = this.ctx.newId();
    if (caseRef !== undefined) {
      // A plan of a case takes the case's reference: no number to reserve.
      const stored = await this.insert(
        loc,
        { id, caseRef, createdAt: at, updatedAt: at, ...data },
        context,
        writeId,
      );
      if (stored) return stored;
      throw new UpstreamError('CASE_REF_CONTENTION', 'Could not save this plan. Please try again.');
    }
    return reserveCaseRef({ ...this.ctx, client: this.client }, loc, year, async (candidate) =>
      this.insert(loc, { id, caseRef: candidate, createdAt: at, updatedAt: at, ...data }, context, writeId),
    );
  }

  /**
   * One batch: the item and its audit entry. Undefined when the plan key is taken by someone else;
   * a retried attempt of our own that landed (only its answer lost) is recognised by RecordId.
   */
  private async insert(
    loc: SchoolLocation,
    record: StoredRecord,
    context: ChangeContext,
    writeId: string,
  ): Promise<StoredPlan | undefined> {
    const fields = newPlanFields(record, context, writeId);
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        { id: 'item', method: 'POST', url: this.itemsPath(loc), body: { fields } },
        {
          id: 'audit',
          method: 'POST',
          url: this.itemsPath(loc, 'auditLog'),
          body: { fields: auditLogFields(record.id, context, writeId) },
          dependsOn: ['item'],
        },
      ]),
    );
    const item = outcomes.get('item');
    const audit = { id: record.id, context, writeId, outcome: outcomes.get('audit') };
    if (ok(item)) {
      await ensureAudit(this.ctx, loc, audit);
      const created = item!.body as GraphItem;
      this.remember(loc, record, created.id);
      const etag = itemEtag(created);
      return { record: { ...record, version: etagVersion(etag) }, etag };
    }
    if (item?.status !== 409) throw toDomainError(stepError(item));
    const mine = await this.findItem(loc, record.id);
    if (!mine) return undefined;
    await ensureAudit(this.ctx, loc, audit);
    return mine.stored;
  }

  /** Finds an item by the app's id through the unique, indexed RecordId column. */
  private async findItem(
    loc: SchoolLocation,
    id: string,
  ): Promise<{ facts: ItemFacts; stored: StoredPlan } | undefined> {
    const page = await graphCall(
      () =>
        this.client
          .api(
            `${this.itemsPath(loc)}${query({
              $filter: `fields/RecordId eq ${literal(id)}`,
              $expand: expandFields(RECORD_FIELDS),
              $top: 1,
            })}`,
          )
          .get() as Promise<Page<GraphItem>>,
    );
    const item = page.value[0];
    if (!item?.fields) return undefined;
    const stored = storedFrom(item.fields, itemEtag(item));
    return { facts: this.remember(loc, stored.record, item.id), stored };
  }

  private async readItem(
    loc: SchoolLocation,
    itemId: string,
  ): Promise<{ stored: StoredPlan; fields: Fields }> {
    const item = (await this.client
      .api(`${this.itemsPath(loc)}/${itemId}${query({ $expand: expandFields(RECORD_FIELDS) })}`)
      .get()) as GraphItem;
    return { stored: storedFrom(item.fields ?? {}, itemEtag(item)), fields: item.fields ?? {} };
  }

  /** The item's immutable facts: from memory, or one look-up. */
  private async facts(loc: SchoolLocation, id: string): Promise<ItemFacts> {
    const known = this.ctx.caches.items.get(this.factsKey(loc, id));
    if (known) return known;
    const found = await this.findItem(loc, id);
    if (!found) throw new NotFoundError(NOT_FOUND);
    return found.facts;
  }

  async get(id: string): Promise<StoredPlan> {
    const loc = await this.ctx.location();
    const known = this.ctx.caches.items.get(this.factsKey(loc, id));
    if (known) {
      try {
        return (await this.readItem(loc, known.itemId)).stored;
      } catch (error) {
        if (graphStatus(error) !== 404) throw toDomainError(error);
        this.ctx.caches.items.delete(this.factsKey(loc, id));
      }
    }
    const found = await this.findItem(loc, id);
    if (!found) throw new NotFoundError(NOT_FOUND);
    return found.stored;
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
    const writeId = this.ctx.newId();
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
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        {
          id: 'item',
          method: 'PATCH',
          url: `${this.itemsPath(loc)}/${facts.itemId}/fields`,
          body: recordFields(record, context, writeId),
          headers: { 'If-Match': ifMatch },
        },
        {
          id: 'audit',
          method: 'POST',
          url: this.itemsPath(loc, 'auditLog'),
          body: { fields: auditLogFields(id, context, writeId) },
          dependsOn: ['item'],
        },
        ...chronology.steps,
      ]),
    );
    const item = outcomes.get('item');
    const audit = { id, context, writeId, outcome: outcomes.get('audit') };
    if (ok(item)) {
      await ensureAudit(this.ctx, loc, audit);
      await settleChronology(this.ctx, loc, chronology, outcomes);
      // Graph answers a field update with the fields and their new ETag; should a tenant ever leave
      // the ETag out, one read gets it.
      const answered = (item!.body as { '@odata.etag'?: string } | undefined)?.['@odata.etag'];
      const etag = answered ?? (await graphCall(() => this.readItem(loc, facts.itemId))).stored.etag;
      return { record: { ...record, version: etagVersion(etag) }, etag };
    }
    if (item?.status === 404) {
      this.ctx.caches.items.delete(this.factsKey(loc, id));
      throw new NotFoundError(NOT_FOUND);
    }
    if (item?.status !== 412) throw toDomainError(stepError(item));
    // A 412 after a retried attempt may be our own write whose answer was lost, possibly with
    // someone else's save already on top of it. The write ids in the version history tell.
    const current = await graphCall(() => this.readItem(loc, facts.itemId));
    if (
      current.fields.WriteId === writeId ||
      (await versionWritten(this.ctx, loc, 'assessments', facts.itemId, writeId))
    ) {
      await ensureAudit(this.ctx, loc, audit);
      await settleChronology(this.ctx, loc, chronology, outcomes);
      return current.stored;
    }
    throw new ConflictError(
      'stale',
      'ETAG_MISMATCH',
      'Someone else has saved this assessment since.',
      current.stored.etag,
    );
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
      `${this.itemsPath(loc)}${query({
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

  async history(id: string): Promise<AuditEntry[]> {
    const loc = await this.ctx.location();
    const facts = await this.facts(loc, id);
    const entries = await itemHistory(this.ctx, loc, 'assessments', id, facts.itemId);
    if (entries) return entries;
    this.ctx.caches.items.delete(this.factsKey(loc, id));
    throw new NotFoundError(NOT_FOUND);
  }

  async recordAccess(id: string, context: AccessContext): Promise<void> {
    const loc = await this.ctx.location();
    await this.facts(loc, id);
    // A clash on EntryId means an earlier attempt of this very entry was written: nothing to add.
    await logAccess(this.ctx, loc, auditLogFields(id, context, this.ctx.newId()));
  }
}
