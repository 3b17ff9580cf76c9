/** Header names of the HTTP contract. Node lower-cases incoming names; fetch's Headers ignores case. */
export const apiHeaders = {
  ifMatch: 'If-Match',
  etag: 'ETag',
  location: 'Location',
  retryAfter: 'Retry-After',
  /** Names the safeguarding team a request is for, for someone in several (a trust's central DSL). */
  safeguardingTeam: 'X-Safeguarding-Team',
  correlationId: 'X-Correlation-Id',
  authorization: 'Authorization',
  contentType: 'Content-Type',
} as const;

export type ApiHeader = (typeof apiHeaders)[keyof typeof apiHeaders];
