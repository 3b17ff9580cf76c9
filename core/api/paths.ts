/**
 * Every path of the HTTP API. Route patterns (`:id`) are what the server registers; the builders
 * are what clients call. Ids are server-made UUIDs, so they need no escaping, but are encoded anyway
 * so that a malformed id can never change the path.
 */
export const apiRoutes = {
  health: '/healthz',
  me: '/api/me',
  messages: '/api/messages',
  classify: '/api/classify',
  clauses: '/api/clauses',
  faq: '/api/faq',
  riskTemplate: '/api/content/risk-template',
  hackett: '/api/content/hackett',
  language: '/api/content/language',
  children: '/api/children',
  child: '/api/children/:id',
  childChronology: '/api/children/:id/chronology',
  cases: '/api/cases',
  case: '/api/cases/:id',
  caseChronology: '/api/cases/:id/chronology',
  caseStage: '/api/cases/:id/stage',
  assessments: '/api/assessments',
  assessment: '/api/assessments/:id',
  assessmentReviews: '/api/assessments/:id/reviews',
  assessmentDocument: '/api/assessments/:id/document',
  assessmentStage: '/api/assessments/:id/stage',
  reviewsDue: '/api/reviews/due',
  reportsTrends: '/api/reports/trends',
  reportsGovernors: '/api/reports/governors',
  childTransfers: '/api/children/:id/transfers',
  childTransfer: '/api/children/:id/transfers/:tid',
  childExport: '/api/children/:id/export',
  childErase: '/api/children/:id/erase',
  retentionDue: '/api/retention/due',
  transfersAwaitingReceipt: '/api/transfers/awaiting-receipt',
  people: '/api/people',
  myActions: '/api/actions/mine',
  outbox: '/api/notifications/outbox',
} as const;

export type ApiRouteName = keyof typeof apiRoutes;

const seg = (id: string): string => encodeURIComponent(id);

export const apiPaths = {
  child: (id: string) => `/api/children/${seg(id)}`,
  childChronology: (id: string) => `/api/children/${seg(id)}/chronology`,
  case: (id: string) => `/api/cases/${seg(id)}`,
  caseChronology: (id: string) => `/api/cases/${seg(id)}/chronology`,
  caseStage: (id: string) => `/api/cases/${seg(id)}/stage`,
  assessment: (id: string) => `/api/assessments/${seg(id)}`,
  assessmentReviews: (id: string) => `/api/assessments/${seg(id)}/reviews`,
  assessmentDocument: (id: string) => `/api/assessments/${seg(id)}/document`,
  assessmentStage: (id: string) => `/api/assessments/${seg(id)}/stage`,
  childTransfers: (id: string) => `/api/children/${seg(id)}/transfers`,
  childTransfer: (id: string, tid: string) => `/api/children/${seg(id)}/transfers/${seg(tid)}`,
  childExport: (id: string) => `/api/children/${seg(id)}/export`,
  childErase: (id: string) => `/api/children/${seg(id)}/erase`,
} as const;

/** `path` with a query string built from the defined entries of `query`, in the order given. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
