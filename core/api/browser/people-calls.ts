import type { MyActionsResponse, OutboxResponse, PersonResponse } from '../actions.js';
import { apiRoutes, withQuery } from '../paths.js';
import type { MeResponse } from '../responses.js';
import type { ApiTransport } from './api-transport.js';

/** GET /api/me; `schools` are the safeguarding teams the caller may open, empty when none. */
export type Me = MeResponse;
/** A member of staff the owner picker offers (GET /api/people). */
export type Person = PersonResponse;
export type MyActions = MyActionsResponse;
export type Outbox = OutboxResponse;

/** The caller, the staff who can own actions, the caller's actions and local mode's outbox. */
export class PeopleCalls {
  constructor(private readonly http: ApiTransport) {}

  me(): Promise<Me> {
    return this.http.json('GET', apiRoutes.me);
  }

  async people(q?: string, top?: number, signal?: AbortSignal): Promise<Person[]> {
    const { items } = await this.http.json<{ items: Person[] }>(
      'GET',
      withQuery(apiRoutes.people, { q: q?.trim() || undefined, top }),
      { signal },
    );
    return items;
  }

  myActions(): Promise<MyActions> {
    return this.http.json('GET', apiRoutes.myActions);
  }

  outbox(): Promise<Outbox> {
    return this.http.json('GET', apiRoutes.outbox);
  }
}
