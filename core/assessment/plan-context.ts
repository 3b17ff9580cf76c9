import { newAssignments, noticesFor, type ActionNotifier } from '../actions/assignments.js';
import { CaseService, type Signer } from '../cases/case-service.js';
import { dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { ValidationError } from '../errors.js';
import type { Actor, AssessmentRepository } from '../repositories/assessment-repository.js';
import type { CaseRecords } from '../repositories/case-records.js';
import { defaultNewId, type NewId } from './normalise.js';
import type { PlanKind, PlanRecord } from './schema.js';

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

export const planNames: Record<PlanKind, string> = {
  'risk-assessment': 'Risk assessment',
  'support-plan': 'Support plan',
};

/** What every plan use case works with: the repository, the case records, the clock and the caller. */
export class PlanContext {
  readonly repository: AssessmentRepository;
  readonly cases: CaseService | undefined;
  readonly clock: Clock;
  readonly newId: NewId;
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

  signer(actor: Actor): Signer {
    return { actor, name: this.callerName ?? actor.id };
  }

  change(actor: Actor, action: 'create' | 'update', fields: string[]) {
    return { actor, at: this.clock.now(), action, fields };
  }

  /**
   * Tells the owners of actions this save gave them, once the save has succeeded. Whatever the
   * notifier does, the save stands: a notifier that throws is ignored here (it logs its own failures).
   */
  announce(before: PlanRecord | undefined, after: PlanRecord): void {
    if (!this.notifier) return;
    const given = newAssignments(before, after);
    if (given.length === 0) return;
    try {
      this.notifier.actionsAssigned(noticesFor(after, given));
    } catch {
      // The notifier reports its own failures; a save is never undone by one.
    }
  }
}

/** The harmed child's wishes were given, but the case has no child harmed with a support plan. */
export function noHarmedChild(): ValidationError {
  return new ValidationError(
    'NO_HARMED_CHILD',
    'The harmed child’s wishes belong in their own support plan: add the child harmed to the case first.',
    [{ path: 'decision.victimWishes', problem: 'No child harmed with a support plan in this case.' }],
  );
}
