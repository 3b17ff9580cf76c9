import {
  dateInZone,
  NotFoundError,
  UpstreamError,
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
import { fromSharePointDate, type Fields } from './assessment-fields.js';
import { reserveCaseRef } from './case-refs.js';
import { executeBatch, MAX_BATCH, type BatchOutcome } from './graph-batch.js';
import { graphCall, toDomainError } from './graph-errors.js';
import { allPages, type Page } from './graph-paging.js';
import { appendChronology, itemsPath, ok, readJson, stepError, type GraphItem } from './list-items.js';
import { caseColumns, childColumns, knowPair, openCaseOnSharePoint } from './case-opening.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import { sharePointTrends } from './sharepoint-trends.js';
import type { SchoolLocation } from './site-resolver.js';
import { VersionedList } from './versioned-list.js';

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
      settle: (outcomes: Map<string, BatchOutcome>) =>
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
