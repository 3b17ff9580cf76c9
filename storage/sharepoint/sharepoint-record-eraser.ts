import { GraphError } from '@microsoft/microsoft-graph-client';
import {
  NotFoundError,
  UpstreamError,
  type ErasureLine,
  type ErasureTarget,
  type RecordEraser,
} from '../../core/index.js';
import type { Fields } from './assessment-fields.js';
import { executeBatch, MAX_BATCH, type BatchStep } from './graph-batch.js';
import { graphCall, toDomainError } from './graph-errors.js';
import { allPages } from './graph-paging.js';
import { expandFields, literal, query } from './odata.js';
import type { RepositoryContext } from './sharepoint-assessment-repository.js';
import type { ListKey } from './sharepoint-schema.js';
import type { SchoolLocation } from './site-resolver.js';

/** Values per `… eq x or …` filter: keeps the URL well inside Graph's limits. */
const VALUES_PER_FILTER = 15;

/** The audit log's marker for erasure lines (an indexed column, so they are found without a scan). */
export const ERASURE_MARKER = 'erasure';

interface Item {
  id: string;
  fields?: Fields;
}

/**
 * Retention erasure in SharePoint. Each record is its own list item, and deleting an item takes its
 * version history with it, so a deleted child, plan, case or chronology entry leaves no earlier
 * version behind; so do the audit log's items about them and the generated files of the plans.
 * Items deleted through Graph may pass through the site's recycle bin, which the school's own
 * retention process empties. Records kept for other children are rewritten (the erased child becomes
 * "another child"), but SharePoint keeps their earlier versions, which still carry the erased child's
 * id as a reference (never a name, which was stored as a reference when typed); Graph cannot delete
 * one version of an item, so purging those is left to the site's version limits (#16).
 */
export class SharePointRecordEraser implements RecordEraser {
  constructor(private readonly ctx: RepositoryContext) {}

  private path(loc: SchoolLocation, key: ListKey): string {
    return `/sites/${loc.siteId}/lists/${loc.lists[key]}/items`;
  }

  /** Items of a list whose `column` is one of `values`, with the `select`ed fields. */
  private async where(
    loc: SchoolLocation,
    key: ListKey,
    column: string,
    values: readonly string[],
    select: readonly string[] = [column],
  ): Promise<Item[]> {
    const items: Item[] = [];
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += VALUES_PER_FILTER) {
      const some = unique.slice(i, i + VALUES_PER_FILTER);
      items.push(
        ...(await allPages<Item>(
          this.ctx.client,
          this.ctx.baseUrl,
          `${this.path(loc, key)}${query({
            $filter: some.map((v) => `fields/${column} eq ${literal(v)}`).join(' or '),
            $expand: expandFields(select),
            $top: this.ctx.pageSize,
          })}`,
        )),
      );
    }
    return items;
  }

  private async deleteItems(loc: SchoolLocation, key: ListKey, items: readonly Item[]): Promise<void> {
    const steps: BatchStep[] = items.map((item, i) => ({
      id: String(i),
      method: 'DELETE',
      url: `${this.path(loc, key)}/${item.id}`,
    }));
    for (let i = 0; i < steps.length; i += MAX_BATCH) {
      const outcomes = await graphCall(() => executeBatch(this.ctx.client, steps.slice(i, i + MAX_BATCH)));
      for (const [, outcome] of outcomes) {
        // Already gone (an earlier, interrupted run of this erasure) is what was wanted.
        if (outcome.status === 404 || (outcome.status >= 200 && outcome.status < 300)) continue;
        throw toDomainError(outcome.error ?? new GraphError(outcome.status, 'A batched delete failed.'));
      }
    }
  }

  async erase(target: ErasureTarget): Promise<void> {
    const loc = await this.ctx.location();
    const plans = await this.where(loc, 'assessments', 'RecordId', target.planIds);
    const cases = await this.where(loc, 'cases', 'RecordId', target.caseIds);
    const entries = await this.where(loc, 'chronology', 'RecordId', target.chronologyIds);
    const pairs = [
      ...(await this.where(loc, 'caseParticipants', 'ChildId', [target.childId])),
      ...(await this.where(loc, 'caseParticipants', 'CaseId', target.caseIds)),
    ];
    const audit = await this.where(loc, 'auditLog', 'AssessmentId', [
      target.childId,
      ...target.planIds,
      ...target.caseIds,
      ...target.chronologyIds,
    ]);
    const child = await this.where(loc, 'children', 'RecordId', [target.childId]);
    // The child's own item goes last: until then a failed run can be started again from the child.
    await this.deleteItems(loc, 'auditLog', audit);
    await this.deleteItems(loc, 'assessments', plans);
    await this.deleteItems(loc, 'chronology', entries);
    await this.deleteItems(loc, 'caseParticipants', [...new Map(pairs.map((p) => [p.id, p])).values()]);
    await this.deleteItems(loc, 'cases', cases);
    await this.deleteItems(loc, 'children', child);
  }

  async rewriteChronology(id: string, summary: string): Promise<void> {
    const loc = await this.ctx.location();
    const [item] = await this.where(loc, 'chronology', 'RecordId', [id], ['RecordId', 'RecordJson']);
    if (!item?.fields) throw new NotFoundError('No chronology entry has this id.');
    let envelope: { record?: { summary?: string } };
    try {
      envelope = JSON.parse(String(item.fields.RecordJson)) as typeof envelope;
    } catch (error) {
      throw new UpstreamError('RECORD_UNREADABLE', 'A record in SharePoint could not be read.', error);
    }
    const record = { ...envelope.record, summary };
    await graphCall(() =>
      this.ctx.client
        .api(`${this.path(loc, 'chronology')}/${item.id}/fields`)
        .patch({ RecordJson: JSON.stringify({ ...envelope, record }) }),
    );
  }

  async eraseDocuments(planIds: readonly string[]): Promise<number> {
    if (planIds.length === 0) return 0;
    const loc = await this.ctx.location();
    const files = await this.where(loc, 'documents', 'AssessmentId', planIds);
    await this.deleteItems(loc, 'documents', files);
    return files.length;
  }

  async recordErasure(line: ErasureLine): Promise<void> {
    const loc = await this.ctx.location();
    await graphCall(() =>
      this.ctx.client.api(this.path(loc, 'auditLog')).post({
        fields: {
          Title: ERASURE_MARKER,
          AssessmentId: ERASURE_MARKER,
          Action: 'update',
          ChangedFields: JSON.stringify(line.counts),
          Reason: line.reason,
          Detail: ERASURE_MARKER,
          ActorId: line.actorId,
          ActorKind: 'user',
          At: line.at,
          EntryId: line.id,
        },
      }),
    );
  }

  async erasures(): Promise<ErasureLine[]> {
    const loc = await this.ctx.location();
    const items = await this.where(
      loc,
      'auditLog',
      'AssessmentId',
      [ERASURE_MARKER],
      ['EntryId', 'At', 'ActorId', 'Reason', 'ChangedFields'],
    );
    return items
      .map((item) => {
        const f = item.fields ?? {};
        return {
          id: String(f.EntryId ?? ''),
          at: String(f.At ?? ''),
          actorId: String(f.ActorId ?? ''),
          reason: String(f.Reason ?? ''),
          counts: JSON.parse(String(f.ChangedFields ?? '{}')) as ErasureLine['counts'],
        };
      })
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }
}
