import { newAssignments, noticesFor, type ActionNotifier } from '../actions/assignments.js';
import { CaseService, emptyPlanContent, planKindFor, type Signer } from '../cases/case-service.js';
import { participantLabel as participantLabelOf, planOf, plansOf } from '../cases/case.js';
import { childData } from '../cases/child.js';
import { tokeniseNames } from '../cases/free-text.js';
import type { ChronologyEntryData } from '../cases/chronology.js';
import { addDays, dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { ConflictError, ValidationError } from '../errors.js';
import type {
  Actor,
  AssessmentRepository,
  StoredAssessment,
  StoredPlan,
} from '../repositories/assessment-repository.js';
import type { CaseRecords } from '../repositories/case-records.js';
import { parseWith } from '../validation.js';
import { changedFields, checkLifecycle } from './lifecycle.js';
import {
  assessmentContent,
  defaultNewId,
  normaliseContent,
  type NewId,
  type NormalContent,
} from './normalise.js';
import { daysUntilDue, isDue, isOverdue } from './review-schedule.js';
import { overallRisk as computedRisk } from './risk-level.js';
import {
  createAssessmentSchema,
  replaceAssessmentSchema,
  reviewInputSchema,
  type Assessment,
  type AssessmentData,
  type AssessmentStatus,
  type AssessmentSummary,
  type Learner,
  type OtherChild,
  type PlanKind,
  type PlanRecord,
  type ReviewEntry,
  type RiskLevelChange,
} from './schema.js';

export interface AssessmentServiceOptions {
  repository: AssessmentRepository;
  /**
   * The school's children, cases and chronology. Without them (a backend that does not hold cases
   * yet) plans are kept as before: the learner in the plan, no case around it.
   */
  records?: CaseRecords;
  clock?: Clock;
  newId?: NewId;
  timeZone?: string;
  /** The signed-in person's display name, for sign-off and the chronology. */
  callerName?: string;
  /** Told of actions a save gives to someone (a new action, or a new owner). */
  notifier?: ActionNotifier;
}

export interface SummaryView extends AssessmentSummary {
  overdue: boolean;
}

export interface DueView extends SummaryView {
  nextDue: string;
  daysUntilDue: number;
}

/** A review appended without If-Match retries this many times when someone else saved meanwhile. */
const REVIEW_APPEND_ATTEMPTS = 3;

const planNames: Record<PlanKind, string> = {
  'risk-assessment': 'Risk assessment',
  'support-plan': 'Support plan',
};

/**
 * The use cases of the plan API (risk assessments and support plans), independent of HTTP and of the
 * storage backend: parse and validate input, apply the lifecycle rules, compute derived fields, and
 * write with optimistic concurrency. A plan in a case never stores a child's name: the learner's
 * details live in the child record, other children are the case's participants, incidents are the
 * case's, and names typed in free text are stored as mention tokens.
 */
export class AssessmentService {
  private readonly repository: AssessmentRepository;
  private readonly cases: CaseService | undefined;
  private readonly clock: Clock;
  private readonly newId: NewId;
  private readonly timeZone: string | undefined;
  private readonly callerName: string | undefined;
  private readonly notifier: ActionNotifier | undefined;

  constructor(options: AssessmentServiceOptions) {
    this.repository = options.repository;
    this.notifier = options.notifier;
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? defaultNewId;
    this.timeZone = options.timeZone;
    this.callerName = options.callerName;
    this.cases = options.records
      ? new CaseService({
          records: options.records,
          plans: options.repository,
          clock: this.clock,
          newId: this.newId,
          ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        })
      : undefined;
  }

  today(): IsoDate {
    return dateInZone(this.clock.now(), this.timeZone);
  }

  private signer(actor: Actor): Signer {
    return { actor, name: this.callerName ?? actor.id };
  }

  async create(body: unknown, actor: Actor): Promise<StoredAssessment> {
    const created = await this.createPlan(body, actor);
    this.announce(undefined, created.record);
    return created;
  }

  /**
   * Tells the owners of actions this save gave them, once the save has succeeded. Whatever the
   * notifier does, the save stands: a notifier that throws is ignored here (it logs its own failures).
   */
  private announce(before: PlanRecord | undefined, after: PlanRecord): void {
    if (!this.notifier) return;
    const given = newAssignments(before, after);
    if (given.length === 0) return;
    try {
      this.notifier.actionsAssigned(noticesFor(after, given));
    } catch {
      // The notifier reports its own failures; a save is never undone by one.
    }
  }

  private async createPlan(body: unknown, actor: Actor): Promise<StoredAssessment> {
    const input = parseWith(createAssessmentSchema, body);
    const status = input.status ?? 'draft';
    const content = normaliseContent(input, status, this.newId);
    checkLifecycle(
      null,
      { ...content, kind: input.kind ?? 'risk-assessment' },
      { changedFields: [], reason: undefined },
    );
    const signer = this.signer(actor);

    if (!this.cases) {
      if (!input.learner) {
        throw new ValidationError(
          'CASES_UNAVAILABLE',
          'This store does not keep cases yet: give the learner’s name.',
          [{ path: 'caseId', problem: 'Not supported here.' }],
        );
      }
      const data: AssessmentData = { ...content, kind: input.kind ?? 'risk-assessment', reviews: [] };
      this.activate(undefined, data, signer);
      const stored = await this.repository.create(
        data,
        this.change(actor, 'create', changedFields({}, data)),
      );
      return this.view(stored);
    }

    if (input.caseId !== undefined && input.childId !== undefined) {
      return this.createInCase(input.caseId, input.childId, input.kind, content, signer);
    }

    // Quick start: the learner becomes a child record and a case is opened around their plan; other
    // children named become children of the case, with a support plan for each child harmed.
    const learner = input.learner!;
    const others = content.otherChildren;
    const { plan, victimWishes } = this.planContent(content);
    const participants = [
      {
        child: learner,
        roles: [input.kind === 'support-plan' ? ('harmed' as const) : ('displayedHsb' as const)],
      },
      ...others.map((c) => ({
        child: { name: c.name, ...(c.yearGroup ? { yearGroup: c.yearGroup } : {}) },
        roles: [c.role],
      })),
    ];
    const harmedIndex = participants.findIndex((p, i) => i > 0 && (p.roles as string[]).includes('harmed'));
    if (victimWishes && harmedIndex < 0) throw noHarmedChild();
    const { plans } = await this.cases.openCase(
      {
        participants,
        incidents: content.incidents,
        planFor: (i) => {
          if (i === 0) {
            const data = { ...plan, reviews: [] };
            this.activate(undefined, { ...data, kind: input.kind ?? 'risk-assessment' }, signer);
            return data;
          }
          if (i === harmedIndex && victimWishes) {
            return { ...emptyPlanContent(), supportPlan: { measures: [], viewsAndWishes: victimWishes } };
          }
          return undefined;
        },
      },
      signer,
    );
    const own = plans.get(0);
    if (!own) throw new Error('The quick start made no plan.');
    return this.view(own);
  }

  private async createInCase(
    caseId: string,
    childId: string,
    kind: PlanKind | undefined,
    content: NormalContent,
    signer: Signer,
  ): Promise<StoredAssessment> {
    const cases = this.cases!;
    const kase = await cases.records.cases.get(caseId);
    const participant = kase.record.participants.find((p) => p.childId === childId);
    if (!participant) {
      throw new ValidationError('INVALID_REFERENCE', 'That child is not part of this case.', [
        { path: 'childId', problem: 'Not a participant of the case.' },
      ]);
    }
    const planKind = kind ?? planKindFor(participant.roles) ?? 'risk-assessment';
    const { plan, victimWishes } = this.planContent(content);
    if (victimWishes) throw noHarmedChild();
    const child = await cases.records.children.get(childId);
    const others = await cases.records.children.list({
      ids: kase.record.participants.map((p) => p.childId).filter((id) => id !== childId),
    });
    const data: AssessmentData = {
      ...tokeniseNames(plan, others, child.record.name),
      kind: planKind,
      caseId,
      childId,
      reviews: [],
    };
    this.activate(undefined, data, signer);
    const stored = await this.repository.create(
      data,
      this.change(signer.actor, 'create', changedFields({}, data)),
      kase.record.caseRef,
    );
    {
      const made = { kind: planKind, assessmentId: stored.record.id };
      await cases.records.cases.replace(
        caseId,
        {
          ...kase.record,
          participants: kase.record.participants.map((p) =>
            p.childId === childId
              ? { ...p, assessmentId: p.assessmentId ?? stored.record.id, plans: [...plansOf(p), made] }
              : p,
          ),
        },
        kase.etag,
        this.change(signer.actor, 'update', ['participants']),
      );
    }
    await cases.note(signer, {
      caseId,
      childId,
      kind: 'note',
      summary: `${planNames[planKind]} started (${participant.label}).`,
    });
    if (data.status === 'active') await this.noteActivated(stored.record, signer);
    return this.view(stored);
  }

  /**
   * The part of normalised input a plan in a case stores: no learner, no other children and no
   * incidents (the child record's and the case's), and the harmed child's wishes taken out.
   */
  private planContent(content: NormalContent): {
    plan: Omit<AssessmentData, 'kind' | 'caseId' | 'childId' | 'reviews'>;
    victimWishes: string | undefined;
  } {
    const { learner: _learner, ...rest } = content;
    const plan = { ...rest, incidents: [], otherChildren: [] };
    let victimWishes: string | undefined;
    if (plan.decision?.victimWishes !== undefined) {
      const { victimWishes: wishes, ...decision } = plan.decision;
      victimWishes = wishes.trim() === '' ? undefined : wishes;
      plan.decision = decision;
    }
    return { plan, victimWishes };
  }

  get(id: string): Promise<StoredAssessment> {
    return this.repository.get(id).then((stored) => this.view(stored));
  }

  /**
   * The full record for someone to look at. Viewing a child's record is as significant as changing
   * it, so the view is recorded first: if it cannot be recorded, the record is not shown.
   */
  async read(id: string, actor: Actor): Promise<StoredAssessment> {
    const stored = await this.repository.get(id);
    await this.repository.recordAccess(id, { actor, at: this.clock.now(), action: 'read' });
    return this.view(stored);
  }

  /** Records that someone was shown the plan (e.g. `detail` "stage"), after they were. */
  async recordView(id: string, actor: Actor, detail?: string): Promise<void> {
    await this.repository.recordAccess(id, {
      actor,
      at: this.clock.now(),
      action: 'read',
      ...(detail ? { detail } : {}),
    });
  }

  /** The full record for a document export (`audience` e.g. `staff`, `parents`, `full`), recorded first. */
  async readForExport(id: string, actor: Actor, audience: string): Promise<StoredAssessment> {
    const stored = await this.repository.get(id);
    await this.repository.recordAccess(id, {
      actor,
      at: this.clock.now(),
      action: 'export',
      detail: audience,
    });
    return this.view(stored);
  }

  /** The plan as the API shows it: the child's details, other children and incidents filled in. */
  private async view(stored: StoredPlan): Promise<StoredAssessment> {
    const record = stored.record;
    if (!this.cases || !record.caseId || !record.childId) {
      return { record: { ...record, learner: record.learner ?? { name: '' } }, etag: stored.etag };
    }
    const { children, cases } = this.cases.records;
    const [child, kase] = await Promise.all([children.get(record.childId), cases.get(record.caseId)]);
    const otherParticipants = kase.record.participants.filter((p) => p.childId !== record.childId);
    const names = new Map(
      (await children.list({ ids: otherParticipants.map((p) => p.childId) })).map((c) => [c.id, c]),
    );
    const c = child.record;
    const learner: Learner = { name: c.name };
    if (c.dateOfBirth) learner.dateOfBirth = c.dateOfBirth;
    if (c.yearGroup) learner.yearGroup = c.yearGroup;
    if (c.send) learner.send = c.send;
    if (c.vulnerabilities) learner.vulnerabilities = c.vulnerabilities;
    if (c.keyAdult) learner.keyAdult = c.keyAdult;
    const otherChildren: OtherChild[] = otherParticipants.map((p) => {
      const other = names.get(p.childId);
      return {
        id: p.childId,
        name: other?.name ?? p.label,
        role: p.roles[0]!,
        ...(other?.yearGroup ? { yearGroup: other.yearGroup } : {}),
      };
    });
    const view: Assessment = { ...record, learner, otherChildren, incidents: kase.record.incidents };
    return { record: view, etag: stored.etag };
  }

  async replace(id: string, body: unknown, ifMatch: string, actor: Actor): Promise<StoredAssessment> {
    const input = parseWith(replaceAssessmentSchema, body);
    const current = await this.repository.get(id);
    const before = current.record;
    if (input.id !== undefined && input.id !== before.id) {
      throw new ValidationError('ID_MISMATCH', 'The body is for a different assessment.', [
        { path: 'id', problem: 'Must match the address.' },
      ]);
    }
    if (input.caseRef !== undefined && input.caseRef !== before.caseRef) {
      throw new ValidationError('CASE_REF_READ_ONLY', 'The case reference cannot be changed.', [
        { path: 'caseRef', problem: 'Must match the stored case reference.' },
      ]);
    }
    for (const key of ['kind', 'caseId', 'childId'] as const) {
      if (
        input[key] !== undefined &&
        input[key] !== (before[key] ?? (key === 'kind' ? 'risk-assessment' : undefined))
      ) {
        throw new ValidationError('READ_ONLY_FIELD', 'A plan’s kind, case and child cannot be changed.', [
          { path: key, problem: 'Must match the stored plan.' },
        ]);
      }
    }
    if (ifMatch !== current.etag) {
      throw new ConflictError(
        'stale',
        'ETAG_MISMATCH',
        'Someone else has saved this assessment since.',
        current.etag,
      );
    }
    const signer = this.signer(actor);
    const content = normaliseContent(input, input.status, this.newId);
    const inCase = this.cases !== undefined && before.caseId !== undefined && before.childId !== undefined;
    const { plan, victimWishes } = inCase
      ? this.planContent(content)
      : { plan: content, victimWishes: undefined };
    const build = (body: Omit<AssessmentData, 'reviews' | 'kind' | 'caseId' | 'childId'>): AssessmentData => {
      const after: AssessmentData = {
        ...body,
        kind: before.kind,
        ...(before.caseId ? { caseId: before.caseId } : {}),
        ...(before.childId ? { childId: before.childId } : {}),
        reviews: before.reviews,
        ...(before.riskHistory ? { riskHistory: before.riskHistory } : {}),
        ...(before.signedOff ? { signedOff: before.signedOff } : {}),
      };
      this.keepReviewedRisk(before, after);
      if (after.status === 'closed') {
        after.closedOn = before.status === 'closed' && before.closedOn ? before.closedOn : this.today();
      } else {
        delete after.closingReason;
      }
      if (input.countersign) {
        after.signedOff = { ...after.signedOff, headteacher: this.signature(signer) };
      }
      return after;
    };

    // What changed is judged on the plan as the editor sees it (the child's details, the other
    // children and the incidents included), and every rule is checked before anything is written.
    const shown = inCase ? (await this.view(current)).record : before;
    const draft = build(plan);
    const seen = inCase
      ? {
          ...draft,
          learner: content.learner ?? shown.learner,
          otherChildren: content.otherChildren,
          incidents: content.incidents,
        }
      : draft;
    const fields = changedFields(assessmentContent(shown), seen);
    checkLifecycle(before, draft, { changedFields: fields, reason: input.changeReason });
    if (fields.length === 0) return this.view(current);
    if (victimWishes) await this.harmedPlanOf(before);

    let after = draft;
    if (inCase) {
      const names = await this.syncCase(before, content, victimWishes, signer);
      after = build(tokeniseNames(plan, names.others, names.own));
    }
    const activated = this.activate(before, after, signer);
    const finalFields = activated ? [...new Set([...fields, 'signedOff'])] : fields;
    // The chronology entries this save makes are written with it (one round trip on SharePoint).
    const chronology = [
      ...(activated ? this.planEntry(after, signer, 'plan-activated', 'activated') : []),
      ...(before.status !== 'closed' && after.status === 'closed'
        ? this.planEntry(after, signer, 'closed', 'closed')
        : []),
    ];
    const saved = await this.repository.replace(
      id,
      after,
      ifMatch,
      {
        actor,
        at: this.clock.now(),
        action: 'update',
        fields: finalFields,
        ...(input.changeReason ? { reason: input.changeReason } : {}),
      },
      chronology.length ? { chronology } : undefined,
    );
    this.announce(before, saved.record);
    return this.view(saved);
  }

  /**
   * Applies what the plan editor shows but the plan does not own: the child's details to their
   * record, other children to the case's participants, incidents to the case, the harmed child's
   * wishes to their support plan. Returns the names to turn into mentions.
   */
  private async syncCase(
    before: PlanRecord,
    content: NormalContent,
    victimWishes: string | undefined,
    signer: Signer,
  ): Promise<{ own: string; others: { id: string; name: string }[] }> {
    const cases = this.cases!;
    const { children } = cases.records;
    const change = (fields: string[]) => this.change(signer.actor, 'update', fields);
    const child = await children.get(before.childId!);
    let ownName = child.record.name;
    if (content.learner) {
      // The child's own record never holds another child's name: their details' free text (SEND,
      // vulnerabilities) mention the case's other children as references, like the plan's text.
      const { participants: inCase } = (await cases.records.cases.get(before.caseId!)).record;
      const otherNames = await children.list({
        ids: inCase.map((p) => p.childId).filter((id) => id !== before.childId),
      });
      const { name, ...details } = content.learner;
      const learner = { name, ...tokeniseNames(details, otherNames, child.record.name) };
      const data = childData({ ...child.record, ...learner, sex: child.record.sex });
      const fields = changedFields(
        { ...child.record, version: 0, updatedAt: '' } as never,
        { ...child.record, ...data, version: 0, updatedAt: '' } as never,
      );
      if (fields.length > 0)
        await children.replace(child.record.id, { ...child.record, ...data }, child.etag, change(fields));
      ownName = data.name;
    }

    const kase = await cases.records.cases.get(before.caseId!);
    const participants = [...kase.record.participants];
    let labelsIssued = kase.record.labelsIssued;
    const listed = new Set<string>();
    for (const other of content.otherChildren) {
      const existing = participants.find((p) => p.childId === other.id);
      if (existing) {
        listed.add(existing.childId);
        if (!existing.roles.includes(other.role)) existing.roles = [other.role];
        const stored = await children.get(existing.childId);
        if (
          stored.record.name !== other.name.normalize('NFC') ||
          (other.yearGroup ?? undefined) !== stored.record.yearGroup
        ) {
          const { yearGroup: _y, ...rest } = stored.record;
          const data = {
            ...rest,
            name: other.name.normalize('NFC'),
            ...(other.yearGroup ? { yearGroup: other.yearGroup } : {}),
          };
          await children.replace(existing.childId, data, stored.etag, change(['name', 'yearGroup']));
        }
        continue;
      }
      const data = childData({
        name: other.name,
        ...(other.yearGroup ? { yearGroup: other.yearGroup } : {}),
      });
      const created = await children.create(data, this.change(signer.actor, 'create', Object.keys(data)));
      listed.add(created.record.id);
      participants.push({
        childId: created.record.id,
        roles: [other.role],
        label: participantLabelOf(labelsIssued++),
      });
    }
    // A child left off the list leaves the case, unless they have a plan of their own in it.
    const kept = participants.filter(
      (p) => p.childId === before.childId || listed.has(p.childId) || p.assessmentId !== undefined,
    );
    const harmed = kept.find(
      (p) => p.childId !== before.childId && p.roles.includes('harmed') && planOf(p, 'support-plan'),
    );
    if (victimWishes && !harmed) throw noHarmedChild();

    const others = await children.list({
      ids: kept.map((p) => p.childId).filter((id) => id !== before.childId),
    });
    const incidents = tokeniseNames(content.incidents, [...others, { id: before.childId!, name: ownName }]);
    const caseData = { ...kase.record, participants: kept, labelsIssued, incidents };
    const caseFields = changedFields(kase.record as never, caseData as never).filter(
      (f) => f !== 'labelsIssued',
    );
    if (caseFields.length > 0) {
      const { id: _i, caseRef: _r, createdAt: _c, updatedAt: _u, version: _v, ...data } = caseData;
      await cases.records.cases.replace(kase.record.id, data, kase.etag, change(caseFields));
    }

    if (victimWishes && harmed) {
      const plan = await this.repository.get(planOf(harmed, 'support-plan')!);
      const current = plan.record.supportPlan?.viewsAndWishes ?? '';
      if (!current.includes(victimWishes)) {
        const merged = current ? `${current}\n\n${victimWishes}` : victimWishes;
        const data = assessmentContent(plan.record);
        data.supportPlan = {
          measures: [],
          ...data.supportPlan,
          viewsAndWishes: tokeniseNames(merged, [{ id: before.childId!, name: ownName }]),
        };
        await this.repository.replace(plan.record.id, data, plan.etag, {
          actor: signer.actor,
          at: this.clock.now(),
          action: 'update',
          fields: ['supportPlan.viewsAndWishes'],
          ...(plan.record.status !== 'draft'
            ? { reason: 'The child’s wishes, recorded in the decision.' }
            : {}),
        });
      }
    }
    return { own: ownName, others };
  }

  /** The plan of the case's child harmed, where their wishes belong. @throws NO_HARMED_CHILD */
  private async harmedPlanOf(plan: PlanRecord): Promise<{ assessmentId: string }> {
    if (!this.cases || !plan.caseId) throw noHarmedChild();
    const kase = await this.cases.records.cases.get(plan.caseId);
    const harmed = kase.record.participants
      .filter((p) => p.childId !== plan.childId)
      .map((p) => planOf(p, 'support-plan'))
      .find((id) => id !== undefined);
    if (!harmed) throw noHarmedChild();
    return { assessmentId: harmed };
  }

  /** A review's risk level stands until the risk table itself changes what it computes. */
  private keepReviewedRisk(before: PlanRecord, after: AssessmentData): void {
    const computedBefore = computedRisk(before.risks);
    const computedAfter = after.overallRisk;
    if (computedAfter === computedBefore) {
      after.overallRisk = before.overallRisk;
      return;
    }
    const change: RiskLevelChange = { level: computedAfter, on: this.today(), source: 'risks' };
    after.riskHistory = [...(before.riskHistory ?? []), change];
  }

  /** On activation the signed-in person signs the plan off as DSL; returns whether it activated. */
  private activate(before: PlanRecord | undefined, after: AssessmentData, signer: Signer): boolean {
    if (after.status !== 'active' || before?.status === 'active') return false;
    if (before?.status === 'closed') return false;
    after.signedOff = { ...after.signedOff, dsl: this.signature(signer) };
    return true;
  }

  private signature(signer: Signer) {
    return { actorId: signer.actor.id, name: signer.name, on: this.today() };
  }

  /** The chronology entry a plan action makes, when the plan is in a case. */
  private planEntry(
    plan: AssessmentData,
    signer: Signer,
    kind: 'plan-activated' | 'closed' | 'review',
    did: string,
    date?: string,
  ): ChronologyEntryData[] {
    if (!this.cases || !plan.caseId) return [];
    return [
      this.cases.entry(signer, {
        caseId: plan.caseId,
        ...(plan.childId ? { childId: plan.childId } : {}),
        kind,
        summary: `${planNames[plan.kind]} ${did}.`,
        ...(date ? { date } : {}),
      }),
    ];
  }

  private async noteActivated(plan: PlanRecord, signer: Signer): Promise<void> {
    if (!this.cases || !plan.caseId) return;
    await this.cases.note(signer, {
      caseId: plan.caseId,
      ...(plan.childId ? { childId: plan.childId } : {}),
      kind: 'plan-activated',
      summary: `${planNames[plan.kind]} activated.`,
    });
  }

  private change(actor: Actor, action: 'create' | 'update', fields: string[]) {
    return { actor, at: this.clock.now(), action, fields };
  }

  /**
   * Appends a review and moves the next review date; a new risk level becomes the plan's overall
   * risk. Without `ifMatch` the append is retried on a concurrent save, which is safe because it only
   * adds to the history and sets the next date.
   */
  async addReview(id: string, body: unknown, actor: Actor, ifMatch?: string): Promise<StoredAssessment> {
    const input = parseWith(reviewInputSchema, body);
    const today = this.today();
    if (input.date > today) {
      throw new ValidationError(
        'REVIEW_DATE_IN_FUTURE',
        'A review is recorded on or after the day it happens.',
        [{ path: 'date', problem: 'Must not be after today.' }],
      );
    }
    if (input.nextDue <= input.date) {
      throw new ValidationError('NEXT_REVIEW_NOT_AFTER_REVIEW', 'The next review must come after this one.', [
        { path: 'nextDue', problem: 'Must be after the review date.' },
      ]);
    }

    for (let attempt = 1; ; attempt++) {
      const current = await this.repository.get(id);
      const before = current.record;
      if (ifMatch !== undefined && ifMatch !== current.etag) {
        throw new ConflictError(
          'stale',
          'ETAG_MISMATCH',
          'Someone else has saved this assessment since.',
          current.etag,
        );
      }
      if (before.status !== 'active') {
        throw new ConflictError('state', 'REVIEW_NEEDS_ACTIVE', 'Only an active assessment can be reviewed.');
      }
      const strategyIds = new Set([
        ...before.risks.flatMap((r) => r.strategies.map((s) => s.id)),
        ...(before.supportPlan?.measures ?? []).map((m) => m.id),
      ]);
      const unknown = input.strategyImpacts
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => !strategyIds.has(s.strategyId));
      if (unknown.length > 0) {
        throw new ValidationError(
          'INVALID_REFERENCE',
          'Some strategy impacts refer to strategies this assessment does not have.',
          unknown.map(({ i }) => ({
            path: `strategyImpacts.${i}.strategyId`,
            problem: 'No strategy has this id.',
          })),
        );
      }
      const entry: ReviewEntry = { ...input, id: this.newId(), recordedAt: this.clock.now().toISOString() };
      const data = assessmentContent(before);
      const after: AssessmentData = {
        ...data,
        reviews: [...before.reviews, entry],
        review: { ...before.review, nextDue: input.nextDue },
      };
      if (input.newRiskLevel) {
        after.overallRisk = input.newRiskLevel;
        after.riskHistory = [
          ...(before.riskHistory ?? []),
          { level: input.newRiskLevel, on: input.date, source: 'review', reviewId: entry.id },
        ];
      }
      const did = `reviewed${input.newRiskLevel ? `; overall risk now ${input.newRiskLevel}` : ''}`;
      const chronology = this.planEntry(after, this.signer(actor), 'review', did, input.date);
      try {
        const saved = await this.repository.replace(
          id,
          after,
          current.etag,
          { actor, at: this.clock.now(), action: 'review', fields: changedFields(data, after) },
          chronology.length ? { chronology } : undefined,
        );
        return this.view(saved);
      } catch (error) {
        const retry =
          ifMatch === undefined &&
          attempt < REVIEW_APPEND_ATTEMPTS &&
          error instanceof ConflictError &&
          error.reason === 'stale';
        if (!retry) throw error;
      }
    }
  }

  /** Plan rows; in a case, the learner's name and year group are read from the child records. */
  async list(
    filter: { status?: readonly AssessmentStatus[]; dueWithinDays?: number; kind?: PlanKind } = {},
  ): Promise<SummaryView[]> {
    const today = this.today();
    const rows = await this.repository.list({
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.dueWithinDays !== undefined
        ? { dueOnOrBefore: addDaysSafe(today, filter.dueWithinDays) }
        : {}),
    });
    return (await this.withNames(rows))
      .filter((r) => filter.dueWithinDays === undefined || isDue(r, today, filter.dueWithinDays))
      .map((r) => ({ ...r, overdue: r.status !== 'closed' && isOverdue(r.nextDue, today) }));
  }

  private async withNames(rows: AssessmentSummary[]): Promise<AssessmentSummary[]> {
    if (!this.cases) return rows;
    const ids = [...new Set(rows.map((r) => r.childId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return rows;
    const children = new Map((await this.cases.records.children.list({ ids })).map((c) => [c.id, c]));
    return rows.map((r) => {
      const child = r.childId ? children.get(r.childId) : undefined;
      return child ? { ...r, learnerName: child.name, yearGroup: child.yearGroup } : r;
    });
  }

  /** Plans whose review is due within `withinDays` (overdue and drafts included), soonest first. */
  async due(withinDays: number): Promise<DueView[]> {
    const today = this.today();
    const rows = await this.repository.list({
      status: ['draft', 'active'],
      dueOnOrBefore: addDaysSafe(today, withinDays),
    });
    return (await this.withNames(rows))
      .filter((r): r is AssessmentSummary & { nextDue: string } => isDue(r, today, withinDays))
      .map((r) => ({
        ...r,
        overdue: isOverdue(r.nextDue, today),
        daysUntilDue: daysUntilDue(r.nextDue, today),
      }))
      .sort((a, b) =>
        a.nextDue < b.nextDue ? -1 : a.nextDue > b.nextDue ? 1 : a.caseRef < b.caseRef ? -1 : 1,
      );
  }
}

function noHarmedChild(): ValidationError {
  return new ValidationError(
    'NO_HARMED_CHILD',
    'The harmed child’s wishes belong in their own support plan: add the child harmed to the case first.',
    [{ path: 'decision.victimWishes', problem: 'No child harmed with a support plan in this case.' }],
  );
}

function addDaysSafe(today: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new ValidationError('INVALID_QUERY', 'The number of days must be a whole number from 0 to 366.', [
      { path: 'withinDays', problem: 'Out of range.' },
    ]);
  }
  return addDays(today, days);
}
