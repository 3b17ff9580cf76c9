import { changedFields } from '../assessment/lifecycle.js';
import { defaultNewId, type NewId } from '../assessment/normalise.js';
import type { AssessmentData, ChildRole, PlanKind } from '../assessment/schema.js';
import { dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { createNameMatcher } from '../privacy/index.js';
import type {
  Actor,
  AssessmentRepository,
  ChangeContext,
  StoredPlan,
} from '../repositories/assessment-repository.js';
import type { CaseOpening, CaseRecords, StoredCase, StoredChild } from '../repositories/case-records.js';
import { parseWith } from '../validation.js';
import {
  createCaseSchema,
  participantLabel,
  planKindsFor,
  plansOf,
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
  type ChildData,
  type ChildInput,
  type ChildSummary,
} from './child.js';
import {
  chronologyInputSchema,
  type ChronologyEntry,
  type ChronologyEntryData,
  type ChronologyKind,
} from './chronology.js';
import { tokeniseNames } from './free-text.js';

/** The person acting: their audit identity and the name the school knows them by. */
export interface Signer {
  actor: Actor;
  /** The signed-in display name (or the configured local user): never typed into a form. */
  name: string;
}

export interface CaseServiceOptions {
  records: CaseRecords;
  /** Where plans added to an existing case are written (a new case writes its plans with the case). */
  plans: AssessmentRepository;
  clock?: Clock;
  newId?: NewId;
  /** Ids of new records (children, cases, plans): UUIDs, as the backends would assign them. */
  newRecordId?: () => string;
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

/** The plan a child's roles call for first: a risk assessment for HSB displayed, else a support plan if harmed. */
export function planKindFor(roles: readonly ChildRole[]): PlanKind | undefined {
  return planKindsFor(roles)[0];
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

/** Each participant's first plan (the one `assessmentId` names), from the plans written in order. */
function firstPlans(
  plans: readonly { index: number }[],
  stored: readonly StoredPlan[],
): Map<number, StoredPlan> {
  const first = new Map<number, StoredPlan>();
  plans.forEach((p, n) => {
    if (!first.has(p.index)) first.set(p.index, stored[n]!);
  });
  return first;
}

/** What each kind of plan is called, capitalised as a heading; lower-case it inside a sentence. */
export const planKindNames: Readonly<Record<PlanKind, string>> = {
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
  private readonly newRecordId: () => string;
  private readonly timeZone: string | undefined;

  constructor(options: CaseServiceOptions) {
    this.records = options.records;
    this.plans = options.plans;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? defaultNewId;
    this.newRecordId = options.newRecordId ?? (() => globalThis.crypto.randomUUID());
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
   * assessment) and each child harmed (support plan); records the opening in the chronology. All of
   * it is written as one unit by the backend, so a failure part way leaves no half-made case.
   */
  async openCase(
    input: OpenCaseInput,
    signer: Signer,
  ): Promise<{ stored: StoredCase; plans: Map<number, StoredPlan> }> {
    const children = await this.resolveChildren(input.participants, signer);
    const named = children.map((c) => ({ id: c.id, name: c.data.name }));
    const caseId = this.newRecordId();
    const at = this.clock.now();
    const create = (fields: string[]) => ({ actor: signer.actor, at, action: 'create' as const, fields });
    const chronology: CaseOpening['chronology'] = [];
    const note = (entry: Parameters<CaseService['entry']>[1]) =>
      chronology.push({ entry: this.entry(signer, entry), context: create(['chronology']) });
    note({ caseId, kind: 'concern', summary: 'Case opened.' });

    const plans: { index: number; id: string; data: AssessmentData; context: ChangeContext }[] = [];
    const participants: Participant[] = input.participants.map((p, i) => {
      const participant: Participant = {
        childId: children[i]!.id,
        roles: p.roles,
        label: participantLabel(i),
      };
      const own = children[i]!;
      const others = named.filter((c) => c.id !== own.id);
      const made: { kind: PlanKind; assessmentId: string }[] = [];
      // A child who both displayed HSB and was harmed gets both plans.
      for (const kind of planKindsFor(p.roles)) {
        const content = input.planFor?.(i, kind, own.id) ?? emptyPlanContent();
        const data: AssessmentData = {
          ...tokeniseNames(content, others, own.data.name),
          kind,
          caseId,
          childId: own.id,
        };
        const id = this.newRecordId();
        plans.push({ index: i, id, data, context: create(changedFields({}, data)) });
        made.push({ kind, assessmentId: id });
        note({
          caseId,
          childId: own.id,
          kind: 'note',
          summary: `${planKindNames[kind]} started (${participant.label}).`,
        });
        if (data.status === 'active') {
          note({
            caseId,
            childId: own.id,
            kind: 'plan-activated',
            summary: `${planKindNames[kind]} activated.`,
          });
        }
      }
      if (made.length === 0) return participant;
      return { ...participant, assessmentId: made[0]!.assessmentId, plans: made };
    });
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
    const opened = await this.records.cases.open({
      case: { id: caseId, data: tokenised, context: create(changedFields({}, tokenised as never)) },
      children: children.flatMap((c) => (c.isNew ? [{ id: c.id, data: c.data, context: c.context }] : [])),
      plans: plans.map(({ id, data, context }) => ({ id, data, context })),
      chronology,
    });
    return {
      stored: opened.case,
      plans: firstPlans(plans, opened.plans),
    };
  }

  /**
   * A draft plan of `kind` for one participant, their own name kept and the other children's names
   * in its text made mentions; records it on the participant (mutated) and in the chronology.
   */
  private async makePlan(
    signer: Signer,
    kase: { id: string; caseRef: string },
    participant: Participant,
    own: { id: string; name: string },
    named: readonly { id: string; name: string }[],
    kind: PlanKind,
    content: Omit<AssessmentData, 'kind' | 'caseId' | 'childId'>,
  ): Promise<StoredPlan> {
    const others = named.filter((c) => c.id !== own.id);
    const plan: AssessmentData = {
      ...tokeniseNames(content, others, own.name),
      kind,
      caseId: kase.id,
      childId: own.id,
    };
    const created = await this.plans.create(
      plan,
      { actor: signer.actor, at: this.clock.now(), action: 'create', fields: changedFields({}, plan) },
      kase.caseRef,
    );
    const made = { kind, assessmentId: created.record.id };
    participant.plans = [...plansOf(participant), made];
    participant.assessmentId ??= created.record.id;
    await this.note(signer, {
      caseId: kase.id,
      childId: own.id,
      kind: 'note',
      summary: `${planKindNames[kind]} started (${participant.label}).`,
    });
    return created;
  }

  /** Existing children are read; new ones get an id now and are written with the case. */
  private async resolveChildren(
    participants: readonly NewParticipant[],
    signer: Signer,
  ): Promise<{ id: string; data: ChildData; isNew: boolean; context: ChangeContext }[]> {
    const seen = new Set<string>();
    const out: { id: string; data: ChildData; isNew: boolean; context: ChangeContext }[] = [];
    for (const [i, p] of participants.entries()) {
      let child: (typeof out)[number];
      if ('id' in p.child) {
        try {
          const stored = await this.records.children.get(p.child.id);
          const { id, createdAt: _c, updatedAt: _u, version: _v, ...data } = stored.record;
          child = { id, data, isNew: false, context: this.change(signer.actor, 'update', []) };
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
        child = {
          id: this.newRecordId(),
          data,
          isNew: true,
          context: this.change(signer.actor, 'create', changedFields({}, data as never)),
        };
      }
      if (seen.has(child.id)) {
        throw new ValidationError(
          'DUPLICATE_PARTICIPANT',
          'A child is listed twice: give them both roles once.',
          [{ path: `participants.${i}`, problem: 'This child is already in the case.' }],
        );
      }
      seen.add(child.id);
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
        // Read with the roles the plans were made for, before this change.
        ...(old && plansOf(old).length > 0 ? { plans: plansOf(old) } : {}),
      });
    }
    for (const old of before.participants) {
      if (!seen.has(old.childId) && plansOf(old).length > 0) {
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
    let saved = await this.records.cases.replace(
      id,
      data,
      ifMatch,
      this.change(signer.actor, 'update', fields),
    );
    saved = await this.addMissingPlans(saved, names, signer);

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
      // A referral saved with its outcome already known gets both entries.
      if (r.outcome && oldOutcomes.get(r.id) !== r.outcome) {
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

  /**
   * A child who joined the case, or took on a role, gets the plan(s) their roles call for: a child
   * both harmed and displaying HSB has a support plan and a risk assessment. Plans are never removed
   * here; a plan no longer needed is closed by staff with a reason.
   */
  private async addMissingPlans(
    stored: StoredCase,
    named: readonly { id: string; name: string }[],
    signer: Signer,
  ): Promise<StoredCase> {
    const participants = stored.record.participants.map((p) => ({ ...p }));
    let made = 0;
    for (const p of participants) {
      const has = new Set(plansOf(p).map((x) => x.kind));
      const own = named.find((c) => c.id === p.childId);
      if (!own) continue;
      for (const kind of planKindsFor(p.roles)) {
        if (has.has(kind)) continue;
        await this.makePlan(signer, stored.record, p, own, named, kind, emptyPlanContent());
        made += 1;
      }
    }
    if (made === 0) return stored;
    const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...data } = stored.record;
    return this.records.cases.replace(
      stored.record.id,
      { ...data, participants },
      stored.etag,
      this.change(signer.actor, 'update', ['participants']),
    );
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
    return this.records.chronology.append(this.entry(signer, entry), {
      actor: signer.actor,
      at: this.clock.now(),
      action: 'create',
      fields: ['chronology'],
    });
  }

  /** The entry an action makes, for the backend to write together with the action itself. */
  entry(
    signer: Signer,
    entry: { caseId: string; childId?: string; kind: ChronologyKind; summary: string; date?: string },
  ): ChronologyEntryData {
    return { ...entry, date: entry.date ?? this.today(), by: signer.name };
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
