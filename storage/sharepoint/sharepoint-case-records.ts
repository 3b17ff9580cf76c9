import type { Client } from '@microsoft/microsoft-graph-client';
import {
  ConflictError,
  dateInZone,
  NotFoundError,
  UpstreamError,
  type AccessContext,
  type AuditEntry,
  type Case,
  type CaseData,
  type CaseOpened,
  type CaseOpening,
  type CaseQuery,
  type CaseRecords,
  type CaseRepository,
  type CaseSummary,
  type ChangeContext,
  type Child,
  type ChildData,
  type ChildRepository,
  type ChildSummary,
  type ChronologyEntry,
  type ChronologyEntryData,
  type ChronologyQuery,
  type ChronologyRepository,
  type StoredCase,
  type StoredChild,
} from '../../core/index.js';
import { etagVersion, fromSharePointDate, type Fields } from './assessment-fields.js';
import { auditLogFields } from './audit-log.js';
import { reserveCaseRef } from './case-refs.js';
import { executeBatch, MAX_BATCH, type BatchOutcome, type BatchStep } from './graph-batch.js';
import { graphCall, graphStatus, toDomainError } from './graph-errors.js';
import { allPages, type Page } from './graph-paging.js';
import {
  appendChronology,
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
import { caseColumns, childColumns, knowPair, openCaseOnSharePoint } from './case-opening.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import { RECORD_CHUNK_COLUMNS, type ListKey } from './sharepoint-schema.js';
import { sharePointTrends } from './sharepoint-trends.js';
import type { SchoolLocation } from './site-resolver.js';
import type { ItemFacts } from './store-caches.js';

/** Ids per `RecordId eq … or …` filter: keeps the URL well inside Graph's limits. */
const IDS_PER_FILTER = 15;

const RECORD_FIELDS = ['RecordId', 'WriteId', ...RECORD_CHUNK_COLUMNS];

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Versioned = { id: string; createdAt: string; updatedAt: string; version: number };

/**
 * What children and cases share: one item per record holding it as versioned JSON, written with its
 * audit entry in one $batch (If-Match on a replace); found by the unique, indexed RecordId; history
 * from the audit log, completed from the item's version history, as for plans.
 */
abstract class VersionedList<R extends Versioned> {
  constructor(
    protected readonly ctx: RepositoryContext,
    protected readonly key: ListKey,
    private readonly notFound: string,
  ) {}

  protected get client(): Client {
    return this.ctx.client;
  }

  protected path(loc: SchoolLocation, key: ListKey = this.key): string {
    return itemsPath(loc, key);
  }

  private factsKey(loc: SchoolLocation, id: string): string {
    return factsKey(loc, this.key, id);
  }

  protected remember(loc: SchoolLocation, record: R, itemId: string): ItemFacts {
    const facts = {
      itemId,
      caseRef: (record as Partial<Case>).caseRef ?? '',
      createdAt: record.createdAt,
    };
    this.ctx.caches.items.set(this.factsKey(loc, record.id), facts);
    return facts;
  }

  private stored(fields: Fields, etag: string): { record: R; etag: string } {
    return { record: { ...readJson<R>(fields), version: etagVersion(etag) }, etag };
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
    const stored = this.stored(item.fields, itemEtag(item));
    return { facts: this.remember(loc, stored.record, item.id), stored };
  }

  private async read(loc: SchoolLocation, itemId: string) {
    const item = (await this.client
      .api(`${this.path(loc)}/${itemId}${query({ $expand: expandFields(RECORD_FIELDS) })}`)
      .get()) as GraphItem;
    return { stored: this.stored(item.fields ?? {}, itemEtag(item)), fields: item.fields ?? {} };
  }

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
   * Creates the item and its audit entry in one batch, with any `after` steps. Undefined when a
   * unique column other than RecordId clashed with someone else's item (a taken case reference).
   */
  protected async insert(
    loc: SchoolLocation,
    record: Omit<R, 'version'>,
    columns: Fields,
    context: ChangeContext,
    also?: { steps: BatchStep[]; outcomes: (o: Map<string, BatchOutcome>) => void },
  ): Promise<{ record: R; etag: string } | undefined> {
    const writeId = this.ctx.newId();
    const fields = {
      ...columns,
      RecordId: record.id,
      ...jsonColumns(record),
      ...changeColumns(context, writeId),
    };
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        { id: 'item', method: 'POST', url: this.path(loc), body: { fields } },
        auditStep(loc, record.id, context, writeId),
        ...(also?.steps ?? []),
      ]),
    );
    const item = outcomes.get('item');
    if (ok(item)) {
      also?.outcomes(outcomes);
      await ensureAudit(this.ctx, loc, { id: record.id, context, writeId, outcome: outcomes.get('audit') });
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
    await ensureAudit(this.ctx, loc, { id: record.id, context, writeId, outcome: outcomes.get('audit') });
    return mine.stored;
  }

  protected async update(
    loc: SchoolLocation,
    facts: ItemFacts,
    record: Omit<R, 'version'>,
    columns: Fields,
    ifMatch: string,
    context: ChangeContext,
    noun: string,
  ): Promise<{ record: R; etag: string }> {
    const writeId = this.ctx.newId();
    const outcomes = await graphCall(() =>
      executeBatch(this.client, [
        {
          id: 'item',
          method: 'PATCH',
          url: `${this.path(loc)}/${facts.itemId}/fields`,
          body: { ...columns, ...jsonColumns(record), ...changeColumns(context, writeId) },
          headers: { 'If-Match': ifMatch },
        },
        auditStep(loc, record.id, context, writeId),
      ]),
    );
    const item = outcomes.get('item');
    if (ok(item)) {
      await ensureAudit(this.ctx, loc, { id: record.id, context, writeId, outcome: outcomes.get('audit') });
      const answered = (item!.body as { '@odata.etag'?: string } | undefined)?.['@odata.etag'];
      const etag = answered ?? (await graphCall(() => this.read(loc, facts.itemId))).stored.etag;
      return { record: { ...record, version: etagVersion(etag) } as R, etag };
    }
    if (item?.status === 404) {
      this.ctx.caches.items.delete(this.factsKey(loc, record.id));
      throw new NotFoundError(this.notFound);
    }
    if (item?.status !== 412) throw toDomainError(stepError(item));
    // A 412 after a retried attempt may be our own write whose answer was lost: the write ids tell.
    const current = await graphCall(() => this.read(loc, facts.itemId));
    if (
      current.fields.WriteId === writeId ||
      (await versionWritten(this.ctx, loc, this.key, facts.itemId, writeId))
    ) {
      await ensureAudit(this.ctx, loc, { id: record.id, context, writeId, outcome: outcomes.get('audit') });
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

const CHILD_SUMMARY_FIELDS = ['RecordId', 'ChildName', 'YearGroup', 'DateOfBirth', 'ChangedAt'];

export class SharePointChildRepository extends VersionedList<Child> implements ChildRepository {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'children', 'No child has this id.');
  }

  async create(data: ChildData, context: ChangeContext): Promise<StoredChild> {
    return this.createWithId(this.ctx.newId(), data, context);
  }

  /** With an id chosen by the caller: the migration derives ids, so that running it again adds nothing. */
  async createWithId(id: string, data: ChildData, context: ChangeContext): Promise<StoredChild> {
    const loc = await this.ctx.location();
    const at = context.at.toISOString();
    const record = { ...data, id, createdAt: at, updatedAt: at };
    const stored = await this.insert(loc, record, childColumns(data), context);
    if (!stored) throw new UpstreamError('GRAPH_CONFLICT', 'Could not save this child. Please try again.');
    return stored;
  }

  async replace(id: string, data: ChildData, ifMatch: string, context: ChangeContext): Promise<StoredChild> {
    const loc = await this.ctx.location();
    const facts = await this.facts(loc, id);
    const record = { ...data, id, createdAt: facts.createdAt, updatedAt: context.at.toISOString() };
    return this.update(loc, facts, record, childColumns(data), ifMatch, context, 'child’s record');
  }

  async list(q: { ids?: readonly string[] } = {}): Promise<ChildSummary[]> {
    if (q.ids && q.ids.length === 0) return [];
    const loc = await this.ctx.location();
    const items = q.ids
      ? await this.byIds(loc, q.ids, CHILD_SUMMARY_FIELDS)
      : await allPages<GraphItem>(
          this.client,
          this.ctx.baseUrl,
          `${this.path(loc)}${query({ $expand: expandFields(CHILD_SUMMARY_FIELDS), $top: this.ctx.pageSize })}`,
        );
    return items
      .map((item): ChildSummary | undefined => {
        const f = item.fields ?? {};
        const id = textOrNull(f.RecordId);
        if (!id) return undefined;
        return {
          id,
          name: textOrNull(f.ChildName) ?? '',
          yearGroup: textOrNull(f.YearGroup),
          dateOfBirth: fromSharePointDate(f.DateOfBirth),
          updatedAt: textOrNull(f.ChangedAt) ?? '',
        };
      })
      .filter((c): c is ChildSummary => c !== undefined)
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  }
}

const CASE_SUMMARY_FIELDS = ['RecordId', 'CaseRef', 'Status', 'Participants', 'ChangedAt'];

function caseSummaryFrom(fields: Fields): CaseSummary | undefined {
  const id = textOrNull(fields.RecordId);
  const caseRef = textOrNull(fields.CaseRef);
  const status = fields.Status as CaseSummary['status'] | undefined;
  if (!id || !caseRef || !status) return undefined;
  let participants: CaseSummary['participants'] = [];
  try {
    const parsed: unknown = JSON.parse(String(fields.Participants ?? '[]'));
    if (Array.isArray(parsed)) participants = parsed as CaseSummary['participants'];
  } catch {
    participants = [];
  }
  return { id, caseRef, status, participants, updatedAt: textOrNull(fields.ChangedAt) ?? '' };
}

export class SharePointCaseRepository extends VersionedList<Case> implements CaseRepository {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'cases', 'No case has this id.');
  }

  async open(opening: CaseOpening): Promise<CaseOpened> {
    return openCaseOnSharePoint(this.ctx, await this.ctx.location(), opening);
  }

  async create(data: CaseData, context: ChangeContext): Promise<StoredCase> {
    const loc = await this.ctx.location();
    const at = context.at.toISOString();
    const year = Number(dateInZone(context.at).slice(0, 4));
    const id = this.ctx.newId();
    const stored = await reserveCaseRef(this.ctx, loc, year, (caseRef) =>
      this.insert(
        loc,
        { ...data, id, caseRef, createdAt: at, updatedAt: at },
        { Title: caseRef, CaseRef: caseRef, CaseYear: year, CreatedAt: at, ...caseColumns(data, at) },
        context,
        this.participantSteps(loc, id, caseRef, data),
      ),
    );
    await this.noteParticipants(loc, stored.record);
    return stored;
  }

  /**
   * The participant items of a new case, in the batch that creates it (when they fit in one $batch
   * with the case and its audit entry), so that a case create stays one round trip.
   */
  private participantSteps(loc: SchoolLocation, caseId: string, caseRef: string, data: CaseData) {
    const pairs = data.participants.map((p) => ({ pair: `${caseId}|${p.childId}`, childId: p.childId }));
    if (pairs.length + 2 > MAX_BATCH) return undefined;
    return {
      steps: pairs.map(({ pair, childId }, i) => ({
        id: `p${i + 1}`,
        method: 'POST' as const,
        url: this.path(loc, 'caseParticipants'),
        body: { fields: { Title: caseRef, CaseId: caseId, ChildId: childId, PairKey: pair } },
        dependsOn: ['item'],
      })),
      outcomes: (outcomes: Map<string, BatchOutcome>) =>
        pairs.forEach(({ pair }, i) => {
          const outcome = outcomes.get(`p${i + 1}`);
          if (ok(outcome) || outcome?.status === 409) knowPair(this.ctx, loc, pair);
        }),
    };
  }

  /**
   * A case that keeps the reference it already had (an assessment from before cases existed), with
   * an id chosen by the caller, so that running the migration again adds nothing.
   */
  async createWithRef(
    id: string,
    caseRef: string,
    data: CaseData,
    context: ChangeContext,
  ): Promise<StoredCase> {
    const loc = await this.ctx.location();
    const at = context.at.toISOString();
    const year = Number(caseRef.split('-')[1]);
    const stored = await this.insert(
      loc,
      { ...data, id, caseRef, createdAt: at, updatedAt: at },
      { Title: caseRef, CaseRef: caseRef, CaseYear: year, CreatedAt: at, ...caseColumns(data, at) },
      context,
    );
    if (!stored) throw new UpstreamError('CASE_REF_TAKEN', 'Another case already has this reference.');
    await this.noteParticipants(loc, stored.record);
    return stored;
  }

  async replace(id: string, data: CaseData, ifMatch: string, context: ChangeContext): Promise<StoredCase> {
    const loc = await this.ctx.location();
    const facts = await this.facts(loc, id);
    const record = {
      ...data,
      id,
      caseRef: facts.caseRef,
      createdAt: facts.createdAt,
      updatedAt: context.at.toISOString(),
    };
    const saved = await this.update(
      loc,
      facts,
      record,
      caseColumns(data, facts.createdAt),
      ifMatch,
      context,
      'case',
    );
    await this.noteParticipants(loc, saved.record);
    return saved;
  }

  /**
   * Adds the (case, child) pairs the participants list does not have yet. It only ever grows: a
   * child who left is still listed there, and `list` checks each case's own participants. Pairs
   * this process has written are remembered, so an ordinary save adds no request.
   */
  private async noteParticipants(loc: SchoolLocation, record: Case): Promise<void> {
    const missing = record.participants
      .map((p) => `${record.id}|${p.childId}`)
      .filter((pair) => !this.ctx.caches.items.get(`${loc.siteId}|pair|${pair}`));
    if (missing.length === 0) return;
    const outcomes = await graphCall(() =>
      executeBatch(
        this.client,
        missing.map((pair, i) => ({
          id: String(i + 1),
          method: 'POST' as const,
          url: this.path(loc, 'caseParticipants'),
          body: {
            fields: {
              Title: record.caseRef,
              CaseId: record.id,
              ChildId: pair.slice(pair.indexOf('|') + 1),
              PairKey: pair,
            },
          },
        })),
      ),
    );
    missing.forEach((pair, i) => {
      const outcome = outcomes.get(String(i + 1));
      if (ok(outcome) || outcome?.status === 409) {
        knowPair(this.ctx, loc, pair);
        return;
      }
      throw toDomainError(stepError(outcome));
    });
  }

  async list(q: CaseQuery = {}): Promise<CaseSummary[]> {
    if (q.status && q.status.length === 0) return [];
    const loc = await this.ctx.location();
    let items: GraphItem[];
    if (q.childId) {
      const pairs = await allPages<GraphItem>(
        this.client,
        this.ctx.baseUrl,
        `${this.path(loc, 'caseParticipants')}${query({
          $filter: `fields/ChildId eq ${literal(q.childId)}`,
          $expand: expandFields(['CaseId']),
          $top: this.ctx.pageSize,
        })}`,
      );
      const caseIds = pairs.map((p) => textOrNull(p.fields?.CaseId)).filter((c): c is string => !!c);
      items = caseIds.length ? await this.byIds(loc, caseIds, CASE_SUMMARY_FIELDS) : [];
    } else {
      items = await allPages<GraphItem>(
        this.client,
        this.ctx.baseUrl,
        `${this.path(loc)}${query({
          $filter: q.status?.map((s) => `fields/Status eq ${literal(s)}`).join(' or '),
          $expand: expandFields(CASE_SUMMARY_FIELDS),
          $top: this.ctx.pageSize,
        })}`,
      );
    }
    return items
      .map((item) => caseSummaryFrom(item.fields ?? {}))
      .filter((c): c is CaseSummary => c !== undefined)
      .filter((c) => !q.status || q.status.includes(c.status))
      .filter((c) => !q.childId || c.participants.some((p) => p.childId === q.childId))
      .sort((a, b) => compare(a.caseRef, b.caseRef) || compare(a.id, b.id));
  }
}

const CHRONOLOGY_FIELDS = ['RecordId', 'RecordJson'];

class SharePointChronologyRepository implements ChronologyRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private path(loc: SchoolLocation): string {
    return itemsPath(loc, 'chronology');
  }

  async append(entry: ChronologyEntryData, context: ChangeContext): Promise<ChronologyEntry> {
    const loc = await this.ctx.location();
    const [record] = await appendChronology(this.ctx, loc, [{ entry, context }]);
    return record!;
  }

  async get(id: string): Promise<ChronologyEntry> {
    const loc = await this.ctx.location();
    const page = await graphCall(
      () =>
        this.ctx.client
          .api(
            `${this.path(loc)}${query({
              $filter: `fields/RecordId eq ${literal(id)}`,
              $expand: expandFields(CHRONOLOGY_FIELDS),
              $top: 1,
            })}`,
          )
          .get() as Promise<Page<GraphItem>>,
    );
    const item = page.value[0];
    if (!item?.fields) throw new NotFoundError('No chronology entry has this id.');
    return readJson<ChronologyEntry>({ RecordJson: item.fields.RecordJson });
  }

  async list(q: ChronologyQuery): Promise<ChronologyEntry[]> {
    const loc = await this.ctx.location();
    const clauses: string[] = [];
    if (q.caseId !== undefined) clauses.push(`fields/CaseId eq ${literal(q.caseId)}`);
    if (q.childId !== undefined) clauses.push(`fields/ChildId eq ${literal(q.childId)}`);
    const items = await allPages<GraphItem>(
      this.ctx.client,
      this.ctx.baseUrl,
      `${this.path(loc)}${query({
        $filter: clauses.length ? clauses.join(' and ') : undefined,
        $expand: expandFields(CHRONOLOGY_FIELDS),
        $top: this.ctx.pageSize,
      })}`,
    );
    // SharePoint numbers items in the order they were added: that is the order of recording.
    return items
      .map((item) => ({
        order: Number(item.id),
        entry: readJson<ChronologyEntry>({ RecordJson: item.fields?.RecordJson }),
      }))
      .filter((e) => q.caseId === undefined || e.entry.caseId === q.caseId)
      .filter((e) => q.childId === undefined || e.entry.childId === q.childId)
      .sort((a, b) => compare(a.entry.date, b.entry.date) || a.order - b.order)
      .map((e) => e.entry);
  }
}

/** One school's children, cases and chronology, through the same Graph client and site as its plans. */
export function sharePointCaseRecords(ctx: RepositoryContext): CaseRecords {
  return {
    children: new SharePointChildRepository(ctx),
    cases: new SharePointCaseRepository(ctx),
    chronology: new SharePointChronologyRepository(ctx),
    reports: sharePointTrends(ctx),
  };
}
