import { defaultNewId, type NewId } from '../assessment/normalise.js';
import { apiPaths, withQuery } from '../api/paths.js';
import type { PlanKind, PlanRecord } from '../assessment/schema.js';
import type { Case } from '../cases/case.js';
import type { Signer } from '../cases/case-service.js';
import type { ChildData } from '../cases/child.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import { dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import {
  AccessDeniedError,
  ConflictError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../errors.js';
import type { Actor, AssessmentRepository } from '../repositories/assessment-repository.js';
import type { CaseRecords } from '../repositories/case-records.js';
import type { ErasureLine, RecordEraser } from '../repositories/record-erasure.js';
import { parseWith } from '../validation.js';
import {
  caseWithoutChild,
  eraseInputSchema,
  erasureTarget,
  planWithoutChild,
  reasonWithoutNames,
  withoutChild,
} from './erasure.js';
import { retentionReview, type RetentionReviewItem } from './retention.js';
import { subjectAccessExport, type SubjectAccessExport } from './subject-access.js';
import {
  receiptDueBy,
  receiptOverdue,
  transferInputSchema,
  transferReceiptSchema,
  type Transfer,
} from './transfer.js';

export interface RecordsServiceOptions {
  records: CaseRecords;
  plans: AssessmentRepository;
  /** Absent on a backend that cannot erase yet: erasure is then refused, never half done. */
  eraser?: RecordEraser;
  clock?: Clock;
  newId?: NewId;
  timeZone?: string;
}

export interface TransferSent {
  transfer: Transfer;
  documents: { assessmentId: string; caseRef: string; kind: PlanKind; href: string }[];
  exportHref: string;
}

/** A transfer still waiting for the receiving school to confirm receipt. */
export interface AwaitingReceipt {
  childId: string;
  transferId: string;
  sentOn: string;
  dueBy: string;
  overdue: boolean;
}

const methodWords: Record<Transfer['method'], string> = {
  'secure-transfer-service': 'by secure transfer service',
  'by-hand': 'by hand',
  other: 'by another secure route',
};

/**
 * A child's whole record across its life: the child-protection file sent to a new school, the
 * subject access export, the retention review and the erasure that ends it. Independent of HTTP and
 * of the backend.
 */
export class RecordsService {
  private readonly records: CaseRecords;
  private readonly plans: AssessmentRepository;
  private readonly eraser: RecordEraser | undefined;
  private readonly clock: Clock;
  private readonly newId: NewId;
  private readonly timeZone: string | undefined;

  constructor(options: RecordsServiceOptions) {
    this.records = options.records;
    this.plans = options.plans;
    this.eraser = options.eraser;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? defaultNewId;
    this.timeZone = options.timeZone;
  }

  today(): IsoDate {
    return dateInZone(this.clock.now(), this.timeZone);
  }

  // Transfer of the child-protection file

  /**
   * Records the file as sent and answers where to download the child's own file: each of their
   * plans as a document for the child's file, and the same record as JSON.
   */
  async sendTransfer(childId: string, body: unknown, signer: Signer): Promise<TransferSent> {
    const input = parseWith(transferInputSchema, body);
    if (input.method === 'other' && !input.methodDetail) {
      throw new ValidationError('METHOD_DETAIL_REQUIRED', 'Say how the file was sent.', [
        { path: 'methodDetail', problem: 'Required when the method is "other".' },
      ]);
    }
    if (input.sentOn > this.today()) {
      throw new ValidationError('DATE_IN_FUTURE', 'A file cannot be sent in the future.', [
        { path: 'sentOn', problem: 'Must be today or earlier.' },
      ]);
    }
    const current = await this.records.children.get(childId);
    const transfer: Transfer = {
      ...input,
      id: this.newId(),
      sentBy: signer.name,
      recordedAt: this.clock.now().toISOString(),
    };
    await this.saveTransfers(
      current.record,
      current.etag,
      [...(current.record.transfers ?? []), transfer],
      signer,
    );
    await this.note(
      signer,
      childId,
      input.sentOn,
      `Child-protection file sent ${methodWords[input.method]}.`,
    );
    const plans = await this.plans.list({ childId });
    return {
      transfer,
      documents: plans.map((p) => ({
        assessmentId: p.id,
        caseRef: p.caseRef,
        kind: p.kind,
        href: withQuery(apiPaths.assessmentDocument(p.id), { audience: 'file' }),
      })),
      exportHref: apiPaths.childExport(childId),
    };
  }

  async confirmReceipt(
    childId: string,
    transferId: string,
    body: unknown,
    signer: Signer,
  ): Promise<Transfer> {
    const input = parseWith(transferReceiptSchema, body);
    const current = await this.records.children.get(childId);
    const transfers = current.record.transfers ?? [];
    const found = transfers.find((t) => t.id === transferId);
    if (!found) throw new NotFoundError('This child has no transfer with this id.');
    if (found.receivedOn !== undefined) {
      throw new ConflictError(
        'state',
        'RECEIPT_ALREADY_RECORDED',
        'Receipt of this transfer is already recorded.',
      );
    }
    if (input.receivedOn < found.sentOn || input.receivedOn > this.today()) {
      throw new ValidationError(
        'RECEIPT_DATE_INVALID',
        'The receipt date must fall between sending and today.',
        [{ path: 'receivedOn', problem: 'Between the date sent and today.' }],
      );
    }
    const updated: Transfer = { ...found, ...input, receiptRecordedBy: signer.name };
    await this.saveTransfers(
      current.record,
      current.etag,
      transfers.map((t) => (t.id === transferId ? updated : t)),
      signer,
    );
    await this.note(signer, childId, input.receivedOn, 'Receipt of the child-protection file confirmed.');
    return updated;
  }

  private async saveTransfers(
    child: ChildData & { id: string },
    etag: string,
    transfers: Transfer[],
    signer: Signer,
  ): Promise<void> {
    const {
      id,
      createdAt: _c,
      updatedAt: _u,
      version: _v,
      ...data
    } = child as ChildData & {
      id: string;
      createdAt?: string;
      updatedAt?: string;
      version?: number;
    };
    await this.records.children.replace(id, { ...data, transfers }, etag, {
      actor: signer.actor,
      at: this.clock.now(),
      action: 'update',
      fields: ['transfers'],
    });
  }

  private note(signer: Signer, childId: string, date: string, summary: string): Promise<ChronologyEntry> {
    return this.records.chronology.append(
      { date, kind: 'transfer', summary, by: signer.name, childId },
      { actor: signer.actor, at: this.clock.now(), action: 'create', fields: ['chronology'] },
    );
  }

  /**
   * Transfers without a recorded receipt, each with the date receipt was due. Reads every child
   * record: the child list does not carry transfers, so this is one read per child.
   */
  async awaitingReceipt(): Promise<AwaitingReceipt[]> {
    const today = this.today();
    const out: AwaitingReceipt[] = [];
    for (const summary of await this.records.children.list()) {
      const { record } = await this.records.children.get(summary.id);
      for (const t of record.transfers ?? []) {
        if (t.receivedOn !== undefined) continue;
        out.push({
          childId: record.id,
          transferId: t.id,
          sentOn: t.sentOn,
          dueBy: receiptDueBy(t),
          overdue: receiptOverdue(t, today),
        });
      }
    }
    return out.sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0));
  }

  // Subject access

  async exportFor(childId: string, actor: Actor): Promise<SubjectAccessExport> {
    const { record: child } = await this.records.children.get(childId);
    const { plans, cases, chronology } = await this.gather(childId);
    const otherIds = [...new Set(cases.flatMap((c) => c.participants.map((p) => p.childId)))].filter(
      (id) => id !== childId,
    );
    const others = await this.records.children.list({ ids: otherIds });
    await this.records.children.recordAccess(childId, {
      actor,
      at: this.clock.now(),
      action: 'export',
      detail: 'subject-access',
    });
    return subjectAccessExport({
      child,
      plans,
      cases,
      chronology,
      others,
      generatedAt: this.clock.now().toISOString(),
    });
  }

  /** The child's plans and cases, each case's chronology and the child's own entries. */
  private async gather(childId: string): Promise<{
    plans: PlanRecord[];
    cases: Case[];
    chronology: ChronologyEntry[];
    planSummaries: { id: string; childId: string | null; caseId: string | null }[];
  }> {
    const caseRows = await this.records.cases.list({ childId });
    const cases = await Promise.all(caseRows.map(async (c) => (await this.records.cases.get(c.id)).record));
    const planSummaries = await this.plans.list({ childId });
    const plans = await Promise.all(planSummaries.map(async (p) => (await this.plans.get(p.id)).record));
    const byId = new Map<string, ChronologyEntry>();
    for (const e of await this.records.chronology.list({ childId })) byId.set(e.id, e);
    for (const c of cases)
      for (const e of await this.records.chronology.list({ caseId: c.id })) byId.set(e.id, e);
    const chronology = [...byId.values()].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : a.recordedAt < b.recordedAt ? -1 : 1,
    );
    return { plans, cases, chronology, planSummaries };
  }

  // Retention

  /** The lines erasures have left, newest first. */
  erasures(): Promise<ErasureLine[]> {
    if (!this.eraser)
      throw new UpstreamError('ERASE_UNAVAILABLE', 'Erasing records is not available on this store yet.');
    return this.eraser.erasures();
  }

  async retentionReview(withinDays: number): Promise<RetentionReviewItem[]> {
    return retentionReview(await this.records.children.list(), this.today(), withinDays);
  }

  /**
   * Erases the child's records from every store for retention. Only the DSL may: `isDsl` is the one
   * authorisation decision, asked once the request is known to be well formed.
   */
  async erase(
    childId: string,
    body: unknown,
    signer: Signer,
    isDsl: () => Promise<boolean>,
  ): Promise<ErasureLine> {
    const { reason } = parseWith(eraseInputSchema, body);
    if (!(await isDsl()))
      throw new AccessDeniedError('DSL_ONLY', 'Only the designated safeguarding lead can erase a record.');
    const eraser = this.eraser;
    if (!eraser)
      throw new UpstreamError('ERASE_UNAVAILABLE', 'Erasing records is not available on this store yet.');
    const { record: child } = await this.records.children.get(childId);
    const named = { id: child.id, name: child.name };
    const { cases, chronology, planSummaries } = await this.gather(childId);
    const casePlans = (await Promise.all(cases.map((c) => this.plans.list({ caseId: c.id })))).flat();
    const { target, casesKept } = erasureTarget({
      childId,
      plans: [...planSummaries, ...casePlans],
      cases,
      chronology,
    });
    const at = this.clock.now();
    const change = { actor: signer.actor, at, action: 'update' as const, reason: 'retention erasure' };

    // Other children's records first: if this fails part way, the child's own record is still there
    // and the erasure can simply be run again.
    const goingPlans = new Set(target.planIds);
    const scrub = withoutChild(named);
    for (const kase of casesKept) {
      const stored = await this.records.cases.get(kase.id);
      await this.records.cases.replace(kase.id, caseWithoutChild(stored.record, named), stored.etag, {
        ...change,
        fields: ['participants'],
      });
      for (const p of casePlans.filter((x) => x.caseId === kase.id && !goingPlans.has(x.id))) {
        const plan = await this.plans.get(p.id);
        const data = planWithoutChild(plan.record, named);
        const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...before } = plan.record;
        if (JSON.stringify(data) === JSON.stringify(before)) continue;
        await this.plans.replace(p.id, data, plan.etag, { ...change, fields: ['otherChildren'] });
      }
    }
    const goingEntries = new Set(target.chronologyIds);
    for (const e of chronology) {
      if (goingEntries.has(e.id)) continue;
      const summary = scrub(e.summary);
      if (summary !== e.summary) await eraser.rewriteChronology(e.id, summary);
    }
    // Generated documents are copies: those of the other children's plans in these cases may name
    // this child (the staff and full versions do), so they go too and are made again when next asked for.
    const allPlans = [...new Set([...target.planIds, ...casePlans.map((p) => p.id)])];
    const documents = await eraser.eraseDocuments(allPlans);
    await eraser.erase(target);

    const line: ErasureLine = {
      id: globalThis.crypto.randomUUID(),
      at: at.toISOString(),
      actorId: signer.actor.id,
      reason: reasonWithoutNames(reason, [named, ...(await this.records.children.list())]),
      counts: {
        plans: target.planIds.length,
        cases: target.caseIds.length,
        casesKept: casesKept.length,
        chronology: target.chronologyIds.length,
        documents,
      },
    };
    await eraser.recordErasure(line);
    return line;
  }
}
