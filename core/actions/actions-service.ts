import type { AssessmentStatus, PlanRecord } from '../assessment/schema.js';
import type { MyActionsResponse } from '../api/actions.js';
import { dateInZone, systemClock, type Clock, type IsoDate } from '../dates.js';
import { NotFoundError } from '../errors.js';
import { createRedactor } from '../privacy/redaction.js';
import { ANOTHER_CHILD } from '../privacy/wording.js';
import type { AssessmentRepository } from '../repositories/assessment-repository.js';
import type { CaseRecords } from '../repositories/case-records.js';
import { ownedActions, overdueActions, sortActions } from './my-actions.js';

/** Plans whose actions are still live: drafts (a meeting under way) and active plans. */
const OPEN: readonly AssessmentStatus[] = ['draft', 'active'];

/** Plans read at once when a backend has no quicker way to find actions. */
const READS_AT_ONCE = 8;

/**
 * A backend that can find the open plans that matter here without reading every plan: SQLite, with
 * a text scan of its JSON column. Others are read plan by plan.
 */
export interface OwnedActionScan {
  /**
   * Open plans (drafts and active) with an action owned by `ownerId`; without one, open plans with
   * an action that has a due date (the only ones that can be overdue). May return more, never fewer.
   */
  openPlansWithActions(query: { ownerId?: string }): Promise<PlanRecord[]>;
}

export function hasOwnedActionScan<R extends object>(repository: R): repository is R & OwnedActionScan {
  return typeof (repository as Partial<OwnedActionScan>).openPlansWithActions === 'function';
}

export interface ActionsServiceOptions {
  repository: AssessmentRepository;
  records?: CaseRecords;
  clock?: Clock;
  timeZone?: string;
}

/** The school's actions given to people: one person's list ("My actions") and the overdue count. */
export class ActionsService {
  private readonly clock: Clock;

  constructor(private readonly options: ActionsServiceOptions) {
    this.clock = options.clock ?? systemClock;
  }

  today(): IsoDate {
    return dateInZone(this.clock.now(), this.options.timeZone);
  }

  /**
   * The actions owned by `ownerId` in the school's open plans, overdue first. A child of the case,
   * named or mentioned in an action, is shown as the case's label for them ("Child A"): the list may
   * be open in a meeting.
   */
  async mine(ownerId: string): Promise<MyActionsResponse> {
    const today = this.today();
    const plans = (await this.openPlans(ownerId)).filter(
      (p) =>
        p.risks.some((r) => r.strategies.some((s) => s.ownerId === ownerId)) ||
        (p.supportPlan?.measures ?? []).some((m) => m.ownerId === ownerId),
    );
    const renderFor = await this.labels(plans);
    const items = plans.flatMap((plan) => ownedActions(plan, ownerId, today, renderFor(plan)));
    return { today, items: sortActions(items) };
  }

  /** How many actions in the school's open plans are overdue, whoever owns them. */
  async overdueCount(): Promise<number> {
    const today = this.today();
    const plans = await this.openPlans(undefined);
    return plans.reduce((n, plan) => n + overdueActions(plan, today), 0);
  }

  private async openPlans(ownerId: string | undefined): Promise<PlanRecord[]> {
    const { repository } = this.options;
    if (hasOwnedActionScan(repository)) {
      return repository.openPlansWithActions(ownerId === undefined ? {} : { ownerId });
    }
    const rows = await repository.list({ status: OPEN });
    const plans: PlanRecord[] = [];
    for (let i = 0; i < rows.length; i += READS_AT_ONCE) {
      const batch = await Promise.all(
        // A plan erased since the list was read is simply not there any more.
        rows.slice(i, i + READS_AT_ONCE).map((r) =>
          repository.get(r.id).catch((error: unknown) => {
            if (error instanceof NotFoundError) return undefined;
            throw error;
          }),
        ),
      );
      for (const stored of batch) if (stored) plans.push(stored.record);
    }
    return plans;
  }

  /**
   * How each plan's action text is shown: every child of the plan's case, named in any form or
   * mentioned, becomes the case's pseudonym for them ("Child A"), as on the meeting stage; a child
   * outside the case becomes "another child". One redactor per case.
   */
  private async labels(
    plans: readonly PlanRecord[],
  ): Promise<(plan: PlanRecord) => (text: string) => string> {
    const participants = new Map<string, { childId: string; label: string }[]>();
    const names = new Map<string, string>();
    const { records } = this.options;
    const wanted = new Set(plans.map((p) => p.caseId).filter((id): id is string => id !== undefined));
    if (records && wanted.size > 0) {
      for (const c of await records.cases.list()) {
        if (wanted.has(c.id)) participants.set(c.id, c.participants);
      }
      const ids = [...new Set([...participants.values()].flat().map((p) => p.childId))];
      for (const child of ids.length ? await records.children.list({ ids }) : []) {
        names.set(child.id, child.name);
      }
    }
    const byCase = new Map<string, (text: string) => string>();
    const redactorFor = (caseId: string | undefined): ((text: string) => string) => {
      const key = caseId ?? '';
      let redact = byCase.get(key);
      if (!redact) {
        const inCase = (caseId ? participants.get(caseId) : undefined) ?? [];
        const labels = new Map(inCase.map((p) => [p.childId, p.label]));
        const redactor = createRedactor({
          others: inCase.flatMap((p) => {
            const name = names.get(p.childId);
            return name ? [{ id: p.childId, name }] : [];
          }),
          replacement: (id) => labels.get(id) ?? ANOTHER_CHILD,
        });
        redact = (text) => redactor.redact(text);
        byCase.set(key, redact);
      }
      return redact;
    };
    return (plan) => redactorFor(plan.caseId);
  }
}
