import type { Request } from 'restify';
import {
  contentLabels,
  schoolServices,
  UpstreamError,
  type CaseService,
  type ReportService,
  type SchoolServices,
} from '../../../core/index.js';
import { tenantAndTeamOf } from '../auth/school-id.js';
import type { AppDeps } from './app-deps.js';
import type { Caller } from './authenticator.js';

export interface CallerServices extends SchoolServices {
  caller: Caller;
}

/**
 * The per-caller factory every route uses: sign-in and the school decided once, on the server, then
 * the services for that school acting with the caller's own rights (on-behalf-of in Microsoft 365).
 */
export async function servicesFor(deps: AppDeps, req: Request): Promise<CallerServices> {
  const caller = await deps.authenticator.authenticate(req);
  return {
    caller,
    ...schoolServices(deps.store, {
      schoolId: caller.schoolId,
      actor: caller.actor,
      callerName: caller.displayName,
      clock: deps.clock,
      contextLabel: (context) => contentLabels(deps.content.riskTemplate).context(context),
      ...(caller.userAssertion ? { access: { userAssertion: caller.userAssertion } } : {}),
      ...(deps.notifications
        ? {
            notifier: deps.notifications.forSchool(
              caller.schoolId,
              tenantAndTeamOf(caller.schoolId)?.tenantId,
            ),
          }
        : {}),
    }),
  };
}

/** The report service, or a clear refusal on a backend that does not hold cases yet. */
export function reportsOf(services: CallerServices): ReportService {
  if (!services.reports) {
    throw new UpstreamError('CASES_UNAVAILABLE', 'Cases are not available on this store yet.');
  }
  return services.reports;
}

/** The case service, or a clear refusal on a backend that does not hold cases yet. */
export function casesOf(services: CallerServices): CaseService {
  if (!services.cases) {
    throw new UpstreamError('CASES_UNAVAILABLE', 'Cases are not available on this store yet.');
  }
  return services.cases;
}
