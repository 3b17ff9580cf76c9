import { apiPaths, apiRoutes, withQuery } from '../paths.js';
import type {
  CaseResponse,
  CaseSummaryResponse,
  ChildResponse,
  ChildSummaryResponse,
  ChronologyEntryResponse,
} from '../responses.js';
import type { ApiTransport, Versioned } from './api-transport.js';

export type Child = ChildResponse;
export type ChildSummary = ChildSummaryResponse;
export type Case = CaseResponse;
export type CaseSummary = CaseSummaryResponse;
export type ChronologyEntry = ChronologyEntryResponse;

/** The school's children, its cases and their chronologies. */
export class CaseCalls {
  constructor(private readonly http: ApiTransport) {}

  async listChildren(q?: string, signal?: AbortSignal): Promise<ChildSummary[]> {
    const { items } = await this.http.json<{ items: ChildSummary[] }>(
      'GET',
      withQuery(apiRoutes.children, { q: q?.trim() || undefined }),
      { signal },
    );
    return items;
  }

  createChild(body: unknown): Promise<Versioned<Child>> {
    return this.http.versioned('POST', apiRoutes.children, { body });
  }

  getChild(id: string): Promise<Versioned<Child>> {
    return this.http.versioned('GET', apiPaths.child(id));
  }

  replaceChild(id: string, body: unknown, etag: string): Promise<Versioned<Child>> {
    return this.http.versioned('PUT', apiPaths.child(id), { body, ifMatch: etag });
  }

  async childChronology(id: string): Promise<ChronologyEntry[]> {
    const { items } = await this.http.json<{ items: ChronologyEntry[] }>('GET', apiPaths.childChronology(id));
    return items;
  }

  async listCases(status?: readonly Case['status'][]): Promise<CaseSummary[]> {
    const { items } = await this.http.json<{ items: CaseSummary[] }>(
      'GET',
      withQuery(apiRoutes.cases, { status: status?.length ? status.join(',') : undefined }),
    );
    return items;
  }

  createCase(body: unknown): Promise<Versioned<Case>> {
    return this.http.versioned('POST', apiRoutes.cases, { body });
  }

  getCase(id: string): Promise<Versioned<Case>> {
    return this.http.versioned('GET', apiPaths.case(id));
  }

  replaceCase(id: string, body: unknown, etag: string): Promise<Versioned<Case>> {
    return this.http.versioned('PUT', apiPaths.case(id), { body, ifMatch: etag });
  }

  async caseChronology(id: string): Promise<ChronologyEntry[]> {
    const { items } = await this.http.json<{ items: ChronologyEntry[] }>('GET', apiPaths.caseChronology(id));
    return items;
  }

  addCaseChronology(id: string, body: unknown): Promise<ChronologyEntry> {
    return this.http.json('POST', apiPaths.caseChronology(id), { body });
  }
}
