import { ActionsService } from './actions/actions-service.js';
import type { ActionNotifier } from './actions/assignments.js';
import { AssessmentService } from './assessment/assessment-service.js';
import { StageService } from './assessment/stage-service.js';
import { CaseService, type Signer } from './cases/case-service.js';
import type { Clock } from './dates.js';
import type { Actor, AssessmentStore, RepositoryAccess } from './repositories/assessment-repository.js';
import { hasCaseRecords } from './repositories/case-records.js';
import { ReportService } from './reports/report-service.js';
import type { ContextLabel } from './reports/tables.js';
import { hasRecordEraser } from './repositories/record-erasure.js';
import { RecordsService } from './records/records-service.js';

/** The services one caller uses for one school, built per request or per bot turn. */
export interface SchoolServices {
  plans: AssessmentService;
  /** Absent on a backend that does not hold children and cases yet. */
  cases: CaseService | undefined;
  /** The meeting stage's redacted view of a case and the plan discussed. */
  stage: StageService;
  /** Trend reports; absent where cases are. */
  reports: ReportService | undefined;
  /** A child's whole record: transfer, subject access, retention. Absent where `cases` is. */
  records: RecordsService | undefined;
  /** Actions given to people: one person's list and the overdue count. */
  actions: ActionsService;
  signer: Signer;
}

export interface SchoolServicesOptions {
  schoolId: string;
  actor: Actor;
  /** The signed-in display name (local mode: the configured local user). */
  callerName: string;
  clock: Clock;
  access?: RepositoryAccess;
  timeZone?: string;
  /** The words for a setting in reports (the risk-assessment template's titles); the codes otherwise. */
  contextLabel?: ContextLabel;
  /** Told of actions a plan save gives to someone; without one, no one is told. */
  notifier?: ActionNotifier;
}

/** The one way to reach a school's records: nothing else builds a service or opens a repository. */
export function schoolServices(store: AssessmentStore, options: SchoolServicesOptions): SchoolServices {
  const access = options.access ?? {};
  const repository = store.forSchool(options.schoolId, access);
  const records = hasCaseRecords(store) ? store.recordsFor(options.schoolId, access) : undefined;
  const common = {
    clock: options.clock,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  return {
    plans: new AssessmentService({
      repository,
      ...(records ? { records } : {}),
      callerName: options.callerName,
      ...(options.notifier ? { notifier: options.notifier } : {}),
      ...common,
    }),
    actions: new ActionsService({ repository, ...(records ? { records } : {}), ...common }),
    cases: records ? new CaseService({ records, plans: repository, ...common }) : undefined,
    stage: new StageService({ repository, ...(records ? { records } : {}), clock: options.clock }),
    reports: records ? new ReportService(records, options.contextLabel ?? ((c) => c)) : undefined,
    records: records
      ? new RecordsService({
          records,
          plans: repository,
          ...(hasRecordEraser(store) ? { eraser: store.eraserFor(options.schoolId, access) } : {}),
          ...common,
        })
      : undefined,
    signer: { actor: options.actor, name: options.callerName },
  };
}
