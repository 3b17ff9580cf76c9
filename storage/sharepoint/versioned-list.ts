import type { Client } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  NotFoundError,
  type AccessContext,
  type AuditEntry,
  type ChangeContext,
} from '../../core/index.js';
import { etagVersion, RECORD_FIELDS, type Fields } from './assessment-fields.js';
import { auditLogFields } from './audit-log.js';
import { executeBatch, type BatchOutcome, type BatchStep } from './graph-batch.js';
import { graphCall, graphStatus, toDomainError } from './graph-errors.js';
import { allPages, type Page } from './graph-paging.js';
import {
  auditStep,
  changeColumns,
  ensureAudit,
  factsKey,
  itemEtag,
  itemHistory,
  itemsPath,
  jsonColumns,
  logAccess,
  ok,
  readJson,
  stepError,
  versionWritten,
  type GraphItem,
} from './list-items.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import type { ListKey } from './sharepoint-schema.js';
import type { SchoolLocation } from './site-resolver.js';
import type { ItemFacts } from './store-caches.js';

/** Ids per `RecordId eq … or …` filter: keeps the URL well inside Graph's limits. */
const IDS_PER_FILTER = 15;

export type Versioned = { id: string; createdAt: string; updatedAt: string; version: number };

/**
 * More steps for the batch that writes a record (chronology entries, a case's participants), each
 * depending on the write, and what to do with their outcomes once the write is known to have landed.
 */
export interface AlsoInBatch {
  steps: BatchStep[];
  settle(outcomes: Map<string, BatchOutcome>): void | Promise<void>;
}

/**
 * What plans, children and cases share: one item per record holding it as versioned JSON, written
 * with its audit entry in one $batch (If-Match on a replace), so a save is one round trip; found by
 * the unique, indexed RecordId; history from the audit log, completed from the item's version
 * history. A retried write whose answer was lost is recognised by its write id, never written twice.
 */
export abstract class VersionedList<R extends Versioned> {
  constructor(
    protected readonly ctx: RepositoryContext,
    protected readonly key: ListKey,
    protected readonly notFound: string,
  ) {}

  protected get client(): Client {
    return this.ctx.client;
  }

  protected path(loc: SchoolLocation, key: ListKey = this.key): string {
    return itemsPath(loc, key);
  }

  protected factsKey(loc: SchoolLocation, id: string): string {
    return factsKey(loc, this.key, id);
  }

  protected remember(loc: SchoolLocation, record: Omit<R, 'version'>, itemId: string): ItemFacts {
    const facts = {
      itemId,
      caseRef: (record as { caseRef?: string }).caseRef ?? '',
      createdAt: record.createdAt,
    };
    this.ctx.caches.items.set(this.factsKey(loc, record.id), facts);
    return facts;
  }

  /** The record in an item's fields. */
  protected decode(fields: Fields, etag: string): { record: R; etag: string } {
    return { record: { ...readJson<R>(fields), version: etagVersion(etag) }, etag };
  }

  /** The fields of a new item: its own columns, the record and the change. */
  protected newItemFields(
    record: Omit<R, 'version'>,
    columns: Fields,
    context: ChangeContext,
    writeId: string,
  ): Fields {
    return { ...columns, RecordId: record.id, ...jsonColumns(record), ...changeColumns(context, writeId) };
  }

  /** The fields a replace writes. */
  protected changedItemFields(
    record: Omit<R, 'version'>,
    columns: Fields,
    context: ChangeContext,
    writeId: string,
  ): Fields {
    return { ...columns, ...jsonColumns(record), ...changeColumns(context, writeId) };
  }

  protected async find(loc: SchoolLocation, id: string) {
    const page = await graphCall(
      () =>
        this.client
          .api(
            `${this.path(loc)}${query({
              $filter: `fields/RecordId eq ${literal(id)}`,
              $expand: expandFields(RECORD_FIELDS),
              $top: 1,
            })}`,
          )
          .get() as Promise<Page<GraphItem>>,
    );
    const item = page.value[0];
    if (!item?.fields) return undefined;
    const stored = this.decode(item.fields, itemEtag(item));
    return { facts: this.remember(loc, stored.record, item.id), stored };
  }

  protected async read(loc: SchoolLocation, itemId: string) {
    const item = (await this.client
      .api(`${this.path(loc)}/${itemId}${query({ $expand: expandFields(RECORD_FIELDS) })}`)
      .get()) as GraphItem;
    return { stored: this.decode(item.fields ?? {}, itemEtag(item)), fields: item.fields ?? {} };
  }

  /** The item's immutable facts: from memory, or one look-up. */
  protected async facts(loc: SchoolLocation, id: string): Promise<ItemFacts> {
    const known = this.ctx.caches.items.get(this.factsKey(loc, id));
    if (known) return known;
    const found = await this.find(loc, id);
    if (!found) throw new NotFoundError(this.notFound);
    return found.facts;
  }

  async get(id: string): Promise<{ record: R; etag: string }> {
    const loc = await this.ctx.location();
    const known = this.ctx.caches.items.get(this.factsKey(loc, id));
    if (known) {
      try {
        return (await this.read(loc, known.itemId)).stored;
      } catch (error) {
        if (graphStatus(error) !== 404) throw toDomainError(error);
        this.ctx.caches.items.delete(this.factsKey(loc, id));
      }
    }
    const found = await this.find(loc, id);
    if (!found) throw new NotFoundError(this.notFound);
    return found.stored;
  }

  /**
   * Creates the item and its audit entry in one batch, with any `also` steps. Undefined when a
   * unique column other than RecordId clashed with someone else's item (a taken case reference).
   */
  protected async insert(
    loc: SchoolLocation,
    record: Omit<R, 'version'>,
    columns: Fields,
    context: ChangeContext,
    also?: AlsoInBatch,
  ): Promise<{ record: R; etag: string } | undefined> {
    const writeId = this.ctx.newId();
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        {
          id: 'item',
          method: 'POST',
          url: this.path(loc),
          body: { fields: this.newItemFields(record, columns, context, writeId) },
        },
        auditStep(loc, record.id, context, writeId),
        ...(also?.steps ?? []),
      ]),
    );
    const item = outcomes.get('item');
    const audit = { id: record.id, context, writeId, outcome: outcomes.get('audit') };
    if (ok(item)) {
      await also?.settle(outcomes);
      await ensureAudit(this.ctx, loc, audit);
      const created = item!.body as GraphItem;
      const etag = itemEtag(created);
      const full = { ...record, version: etagVersion(etag) } as R;
      this.remember(loc, full, created.id);
      return { record: full, etag };
    }
    if (item?.status !== 409) throw toDomainError(stepError(item));
    // Another item holds a unique value, or an earlier attempt of ours landed and only its answer
    // was lost (a timeout): the unique RecordId tells which.
    const mine = await this.find(loc, record.id);
    if (!mine) return undefined;
    await ensureAudit(this.ctx, loc, audit);
    return mine.stored;
  }

  /** Replaces the item's record (If-Match) with its audit entry and any `also` steps, in one batch. */
  protected async update(
    loc: SchoolLocation,
    facts: ItemFacts,
    record: Omit<R, 'version'>,
    columns: Fields,
    ifMatch: string,
    context: ChangeContext,
    noun: string,
    also?: AlsoInBatch,
  ): Promise<{ record: R; etag: string }> {
    const writeId = this.ctx.newId();
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        {
          id: 'item',
          method: 'PATCH',
          url: `${this.path(loc)}/${facts.itemId}/fields`,
          body: this.changedItemFields(record, columns, context, writeId),
          headers: { 'If-Match': ifMatch },
        },
        auditStep(loc, record.id, context, writeId),
        ...(also?.steps ?? []),
      ]),
    );
    const item = outcomes.get('item');
    const audit = { id: record.id, context, writeId, outcome: outcomes.get('audit') };
    if (ok(item)) {
      await ensureAudit(this.ctx, loc, audit);
      await also?.settle(outcomes);
      // Graph answers a field update with the fields and their new ETag; should a tenant ever leave
      // the ETag out, one read gets it.
      const answered = (item!.body as { '@odata.etag'?: string } | undefined)?.['@odata.etag'];
      const etag = answered ?? (await graphCall(() => this.read(loc, facts.itemId))).stored.etag;
      return { record: { ...record, version: etagVersion(etag) } as R, etag };
    }
    if (item?.status === 404) {
      this.ctx.caches.items.delete(this.factsKey(loc, record.id));
      throw new NotFoundError(this.notFound);
    }
    if (item?.status !== 412) throw toDomainError(stepError(item));
    // A 412 after a retried attempt may be our own write whose answer was lost, possibly with
    // someone else's save already on top of it. The write ids in the version history tell.
    const current = await graphCall(() => this.read(loc, facts.itemId));
    if (
      current.fields.WriteId === writeId ||
      (await versionWritten(this.ctx, loc, this.key, facts.itemId, writeId))
    ) {
      await ensureAudit(this.ctx, loc, audit);
      await also?.settle(outcomes);
      return current.stored;
    }
    throw new ConflictError(
      'stale',
      'ETAG_MISMATCH',
      `Someone else has saved this ${noun} since.`,
      current.stored.etag,
    );
  }

  async history(id: string): Promise<AuditEntry[]> {
    const loc = await this.ctx.location();
    const facts = await this.facts(loc, id);
    const entries = await itemHistory(this.ctx, loc, this.key, id, facts.itemId);
    if (entries) return entries;
    this.ctx.caches.items.delete(this.factsKey(loc, id));
    throw new NotFoundError(this.notFound);
  }

  async recordAccess(id: string, context: AccessContext): Promise<void> {
    const loc = await this.ctx.location();
    await this.facts(loc, id);
    // A clash on EntryId means an earlier attempt of this very entry was written: nothing to add.
    await logAccess(this.ctx, loc, auditLogFields(id, context, this.ctx.newId()));
  }

  /** Items whose RecordId is one of `ids`, a few ids per indexed filter. */
  protected async byIds(loc: SchoolLocation, ids: readonly string[], select: readonly string[]) {
    const items: GraphItem[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IDS_PER_FILTER) {
      const some = unique.slice(i, i + IDS_PER_FILTER);
      items.push(
        ...(await allPages<GraphItem>(
          this.client,
          this.ctx.baseUrl,
          `${this.path(loc)}${query({
            $filter: some.map((id) => `fields/RecordId eq ${literal(id)}`).join(' or '),
            $expand: expandFields(select),
            $top: this.ctx.pageSize,
          })}`,
        )),
      );
    }
    return items;
  }
}
