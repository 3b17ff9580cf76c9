import { changedFields } from '../assessment/lifecycle.js';
import { defaultNewId, type NewId } from '../assessment/normalise.js';
import type { AssessmentData, ChildRole, PlanKind } from '../assessment/schema.js';
import { dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { createNameMatcher } from '../privacy/index.js';
import type { Actor, AssessmentRepository, StoredPlan } from '../repositories/assessment-repository.js';
import type { CaseRecords, StoredCase, StoredChild } from '../repositories/case-records.js';
import { parseWith } from '../validation.js';
import {
  createCaseSchema,
  participantLabel,
  replaceCaseSchema,
  type Agencies,
  type CaseData,
  type CaseStatus,
  type CaseSummary,
  type CreateCaseInput,
  type Participant,
} from './case.js';
import {
  childData,
  childInputSchema,
  replaceChildSchema,
  type ChildInput,
  type ChildSummary,
} from './child.js';
import { chronologyInputSchema, type ChronologyEntry, type ChronologyKind } from './chronology.js';
import { tokeniseNames } from './free-text.js';

/** The person acting: their audit identity and the name the school knows them by. */
export interface Signer {
  actor: Actor;
  /** The signed-in display name (or the configured local user): never typed into a form. */
  name: string;
}

export interface CaseServiceOptions {
  records: CaseRecords;
  plans: AssessmentRepository;
  clock?: Clock;
  newId?: NewId;
  timeZone?: string;
}

/** A participant of a new case: a child to create, or one the school already has. */
export interface NewParticipant {
  child: ChildInput | { id: string };
  roles: ChildRole[];
}

/** What a new case is opened with; plans' content may be given per child (the quick start's plan). */
export interface OpenCaseInput {
  participants: NewParticipant[];
  incidents?: CaseData['incidents'];
  summary?: string;
  decision?: CaseData['decision'];
  agencies?: Agencies;
  /** The content of the plan made for participant `index`, instead of an empty draft. */
  planFor?: (
    index: number,
    kind: PlanKind,
    childId: string,
  ) => Omit<AssessmentData, 'kind' | 'caseId' | 'childId'> | undefined;
}

export const emptyAgencies = (): Agencies => ({
  referrals: [],
  cscStatus: 'none',
  police: { agreedSharing: [] },
  specialistAssessment: 'none',
});

/** The plan a child's roles call for: a risk assessment for HSB displayed, a support plan if harmed. */
export function planKindFor(roles: readonly ChildRole[]): PlanKind | undefined {
  if (roles.includes('displayedHsb')) return 'risk-assessment';
  if (roles.includes('harmed')) return 'support-plan';
  return undefined;
}

export function emptyPlanContent(): Omit<AssessmentData, 'kind' | 'caseId' | 'childId'> {
  return {
    status: 'draft',
    incidents: [],
    otherChildren: [],
    risks: [],
    sharing: [],
    review: {},
    reviews: [],
    signOff: [],
    overallRisk: null,
  };
}

const planNames: Record<PlanKind, string> = {
  'risk-assessment': 'Risk assessment',
  'support-plan': 'Support plan',
};

/**
 * Children, cases and their chronology: the use cases behind /api/children and /api/cases,
 * independent of HTTP and of the backend.
 */
export class CaseService {
  readonly records: CaseRecords;
  private readonly plans: AssessmentRepository;
  private readonly clock: Clock;
  private readonly newId: NewId;
  private readonly timeZone: string | undefined;

  constructor(options: CaseServiceOptions) {
    this.records = options.records;
    this.plans = options.plans;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? defaultNewId;
    this.timeZone = options.timeZone;
  }

  today(): IsoDate {
    return dateInZone(this.clock.now(), this.timeZone);
  }

  private change(actor: Actor, action: 'create' | 'update', fields: string[], reason?: string) {
    return { actor, at: this.clock.now(), action, fields, ...(reason ? { reason } : {}) };
  }

  // Children

  async createChild(body: unknown, signer: Signer): Promise<StoredChild> {
    const data = childData(parseWith(childInputSchema, body));
    return this.records.children.create(
      data,
      this.change(signer.actor, 'create', changedFields({}, data as never)),
    );
  }

  async readChild(id: string, actor: Actor): Promise<StoredChild> {
    const stored = await this.records.children.get(id);
    await this.records.children.recordAccess(id, { actor, at: this.clock.now(), action: 'read' });
    return stored;
  }

  async replaceChild(id: string, body: unknown, ifMatch: string, signer: Signer): Promise<StoredChild> {
    const input = parseWith(replaceChildSchema, body);
    const current = await this.records.children.get(id);
    if (input.id !== undefined && input.id !== id) {
      throw new ValidationError('ID_MISMATCH', 'The body is for a different child.', [
        { path: 'id', problem: 'Must match the address.' },
      ]);
    }
    if (ifMatch !== current.etag) {
      throw new ConflictError(
        'stale',
        'ETAG_MISMATCH',
        'Someone else has saved this record since.',
        current.etag,
      );
    }
    const {
      id: _i,
      createdAt: _c,
      updatedAt: _u,
      version: _v,
      retainUntil: _r,
      transfers: _t,
      ...content
    } = input;
    const data = childData(content);
    if (current.record.transfers) data.transfers = current.record.transfers;
    const fields = changedFields(current.record as never, { ...current.record, ...data } as never).filter(
      (f) => !['updatedAt', 'version'].includes(f),
    );
    if (fields.length === 0) return current;
    return this.records.children.replace(id, data, ifMatch, this.change(signer.actor, 'update', fields));
  }

  /** Children whose name matches `q` in any Unicode form and case (a first name alone matches too). */
  async findChildren(q: string | undefined): Promise<ChildSummary[]> {
    const all = await this.records.children.list();
    if (q === undefined) return all;
    const ids = new Set(
      createNameMatcher(all)
        .find(q)
        .map((m) => m.id),
    );
    return all.filter((c) => ids.has(c.id));
  }

  async childChronology(id: string): Promise<ChronologyEntry[]> {
    await this.records.children.get(id);
    return this.records.chronology.list({ childId: id });
  }

  // Cases

  async createCase(body: unknown, signer: Signer): Promise<StoredCase> {
    const input: CreateCaseInput = parseWith(createCaseSchema, body);
    const { stored } = await this.openCase(
      {
        participants: input.participants,
        incidents: input.incidents.map((i) => ({ ...i, id: i.id ?? this.newId() })),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.decision ? { decision: input.decision } : {}),
        agencies: {
          ...input.agencies,
          referrals: input.agencies.referrals.map((r) => ({ ...r, id: r.id ?? this.newId() })),
        },
      },
      signer,
    );
    return stored;
  }

  /**
   * Creates the case, any new child records, and a draft plan for each child who displayed HSB (risk
   * assessment) and each child harmed (support plan); records the opening in the chronology.
   */
  async openCase(
    input: OpenCaseInput,
    signer: Signer,
  ): Promise<{ stored: StoredCase; plans: Map<number, StoredPlan> }> {
    const children = await this.resolveChildren(input.participants, signer);
    const named = children.map((c) => ({ id: c.record.id, name: c.record.name }));
    const participants: Participant[] = input.participants.map((p, i) => ({
      childId: children[i]!.record.id,
      roles: p.roles,
      label: participantLabel(i),
    }));
    const data: CaseData = {
      status: 'open',
      participants,
      labelsIssued: participants.length,
      incidents: input.incidents ?? [],
      agencies: input.agencies ?? emptyAgencies(),
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.decision ? { decision: input.decision } : {}),
    };
    const tokenised = tokeniseNames(data, named);
    let stored = await this.records.cases.create(
      tokenised,
      this.change(signer.actor, 'create', changedFields({}, tokenised as never)),
    );
    const caseId = stored.record.id;
    await this.note(signer, { caseId, kind: 'concern', summary: 'Case opened.' });

    const plans = new Map<number, StoredPlan>();
    for (const [i, p] of participants.entries()) {
      const kind = planKindFor(p.roles);
      if (!kind) continue;
      const own = children[i]!.record;
      const content = input.planFor?.(i, kind, own.id) ?? emptyPlanContent();
      const others = named.filter((c) => c.id !== own.id);
      const plan: AssessmentData = {
        ...tokeniseNames(content, others, own.name),
        kind,
        caseId,
        childId: own.id,
      };
      const created = await this.plans.create(
        plan,
        { actor: signer.actor, at: this.clock.now(), action: 'create', fields: changedFields({}, plan) },
        stored.record.caseRef,
      );
      plans.set(i, created);
      p.assessmentId = created.record.id;
      await this.note(signer, {
        caseId,
        childId: own.id,
        kind: 'note',
        summary: `${planNames[kind]} started (${p.label}).`,
      });
    }
    if (plans.size > 0) {
      stored = await this.records.cases.replace(
        caseId,
        { ...stored.record, participants },
        stored.etag,
        this.change(signer.actor, 'update', ['participants']),
      );
    }
    return { stored, plans };
  }

  private async resolveChildren(
    participants: readonly NewParticipant[],
    signer: Signer,
  ): Promise<StoredChild[]> {
    const seen = new Set<string>();
    const out: StoredChild[] = [];
    for (const [i, p] of participants.entries()) {
      let child: StoredChild;
      if ('id' in p.child) {
        try {
          child = await this.records.children.get(p.child.id);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          throw new ValidationError(
            'INVALID_REFERENCE',
            'A participant refers to a child the school has no record of.',
            [{ path: `participants.${i}.child.id`, problem: 'No child has this id.' }],
          );
        }
      } else {
        const data = childData(p.child);
        child = await this.records.children.create(
          data,
          this.change(signer.actor, 'create', changedFields({}, data as never)),
        );
      }
      if (seen.has(child.record.id)) {
        throw new ValidationError(
          'DUPLICATE_PARTICIPANT',
          'A child is listed twice: give them both roles once.',
          [{ path: `participants.${i}`, problem: 'This child is already in the case.' }],
        );
      }
      seen.add(child.record.id);
      out.push(child);
    }
    return out;
  }

  async readCase(id: string, actor: Actor): Promise<StoredCase> {
    const stored = await this.records.cases.get(id);
    await this.records.cases.recordAccess(id, { actor, at: this.clock.now(), action: 'read' });
    return stored;
  }

  listCases(status?: readonly CaseStatus[]): Promise<CaseSummary[]> {
    return this.records.cases.list(status ? { status } : {});
  }

  async replaceCase(id: string, body: unknown, ifMatch: string, signer: Signer): Promise<StoredCase> {
    const input = parseWith(replaceCaseSchema, body);
    const current = await this.records.cases.get(id);
    const before = current.record;
    if (input.id !== undefined && input.id !== id) {
      throw new ValidationError('ID_MISMATCH', 'The body is for a different case.', [
        { path: 'id', problem: 'Must match the address.' },
      ]);
    }
    if (input.caseRef !== undefined && input.caseRef !== before.caseRef) {
      throw new ValidationError('CASE_REF_READ_ONLY', 'The case reference cannot be changed.', [
        { path: 'caseRef', problem: 'Must match the stored case reference.' },
      ]);
    }
    if (ifMatch !== current.etag) {
      throw new ConflictError(
        'stale',
        'ETAG_MISMATCH',
        'Someone else has saved this case since.',
        current.etag,
      );
    }
    if (input.status === 'closed' && !input.closingReason) {
      throw new ValidationError('CLOSING_REASON_REQUIRED', 'Say why the case is being closed.', [
        { path: 'closingReason', problem: 'Required when closing.' },
      ]);
    }

    const previous = new Map(before.participants.map((p) => [p.childId, p]));
    let labelsIssued = before.labelsIssued;
    const participants: Participant[] = [];
    const seen = new Set<string>();
    for (const [i, p] of input.participants.entries()) {
      if (seen.has(p.childId)) {
        throw new ValidationError(
          'DUPLICATE_PARTICIPANT',
          'A child is listed twice: give them both roles once.',
          [{ path: `participants.${i}`, problem: 'This child is already in the case.' }],
        );
      }
      seen.add(p.childId);
      const old = previous.get(p.childId);
      if (!old) {
        try {
          await this.records.children.get(p.childId);
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          throw new ValidationError(
            'INVALID_REFERENCE',
            'A participant refers to a child the school has no record of.',
            [{ path: `participants.${i}.childId`, problem: 'No child has this id.' }],
          );
        }
      }
      // Labels and plans are the server's: a label once given is never given to another child.
      participants.push({
        childId: p.childId,
        roles: p.roles,
        label: old?.label ?? participantLabel(labelsIssued++),
        ...(old?.assessmentId ? { assessmentId: old.assessmentId } : {}),
      });
    }
    for (const old of before.participants) {
      if (!seen.has(old.childId) && old.assessmentId) {
        throw new ConflictError(
          'state',
          'PARTICIPANT_HAS_PLAN',
          'A child with a plan in this case cannot be removed from it; close their plan instead.',
        );
      }
    }

    const names = await this.records.children.list({ ids: participants.map((p) => p.childId) });
    const data: CaseData = tokeniseNames(
      {
        status: input.status,
        participants,
        labelsIssued,
        incidents: input.incidents.map((x) => ({ ...x, id: x.id ?? this.newId() })),
        agencies: {
          ...input.agencies,
          referrals: input.agencies.referrals.map((r) => ({ ...r, id: r.id ?? this.newId() })),
        },
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.decision ? { decision: input.decision } : {}),
        ...(input.status === 'closed'
          ? { closedOn: before.status === 'closed' && before.closedOn ? before.closedOn : this.today() }
          : {}),
        ...(input.status === 'closed' && input.closingReason ? { closingReason: input.closingReason } : {}),
      },
      names,
    );
    const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...beforeData } = before;
    const fields = changedFields(beforeData as never, data as never);
    if (fields.length === 0) return current;
    const saved = await this.records.cases.replace(
      id,
      data,
      ifMatch,
      this.change(signer.actor, 'update', fields),
    );

    // The chronology records what the change did, in the words of the action, never the free text.
    const oldReferrals = new Set(before.agencies.referrals.map((r) => r.id));
    for (const r of data.agencies.referrals) {
      if (!oldReferrals.has(r.id))
        await this.note(signer, {
          caseId: id,
          kind: 'referral',
          summary: `Referral made (${r.to}).`,
          date: r.on,
        });
    }
    const oldOutcomes = new Map(before.agencies.referrals.map((r) => [r.id, r.outcome]));
    for (const r of data.agencies.referrals) {
      if (r.outcome && oldOutcomes.get(r.id) !== r.outcome && oldReferrals.has(r.id)) {
        await this.note(signer, {
          caseId: id,
          kind: 'outcome',
          summary: `Referral outcome recorded (${r.to}).`,
          ...(r.outcomeOn ? { date: r.outcomeOn } : {}),
        });
      }
    }
    if (fields.includes('decision') && data.decision) {
      await this.note(signer, { caseId: id, kind: 'decision', summary: 'Decision recorded.' });
    }
    if (before.status !== 'closed' && data.status === 'closed') {
      await this.note(signer, { caseId: id, kind: 'closed', summary: 'Case closed.' });
    }
    return saved;
  }

  async caseChronology(id: string): Promise<ChronologyEntry[]> {
    await this.records.cases.get(id);
    return this.records.chronology.list({ caseId: id });
  }

  /** A chronology entry written by hand; a correction must point at an entry of the same case. */
  async addChronology(caseId: string, body: unknown, signer: Signer): Promise<ChronologyEntry> {
    const input = parseWith(chronologyInputSchema, body);
    const kase = await this.records.cases.get(caseId);
    const childIds = kase.record.participants.map((p) => p.childId);
    if (input.childId !== undefined && !childIds.includes(input.childId)) {
      throw new ValidationError('INVALID_REFERENCE', 'That child is not part of this case.', [
        { path: 'childId', problem: 'Not a participant of the case.' },
      ]);
    }
    if (input.corrects !== undefined) {
      const target = await this.records.chronology.get(input.corrects).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (!target || target.caseId !== caseId) {
        throw new ValidationError('INVALID_REFERENCE', 'A correction must point at an entry of this case.', [
          { path: 'corrects', problem: 'No entry of this case has this id.' },
        ]);
      }
    }
    const names = await this.records.children.list({ ids: childIds });
    return this.record(signer, {
      date: input.date,
      kind: input.kind,
      summary: tokeniseNames(input.summary, names),
      caseId,
      ...(input.childId ? { childId: input.childId } : {}),
      ...(input.corrects ? { corrects: input.corrects } : {}),
    });
  }

  /** An entry written by an action (opening, activation, review…), dated today unless given. */
  note(
    signer: Signer,
    entry: { caseId: string; childId?: string; kind: ChronologyKind; summary: string; date?: string },
  ): Promise<ChronologyEntry> {
    return this.record(signer, { ...entry, date: entry.date ?? this.today() });
  }

  private record(
    signer: Signer,
    entry: {
      caseId: string;
      childId?: string;
      kind: ChronologyKind;
      summary: string;
      date: string;
      corrects?: string;
    },
  ): Promise<ChronologyEntry> {
    return this.records.chronology.append(
      { ...entry, by: signer.name },
      { actor: signer.actor, at: this.clock.now(), action: 'create', fields: ['chronology'] },
    );
  }
}
