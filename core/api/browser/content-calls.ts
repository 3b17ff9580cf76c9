import type { Classification } from '../../classify/classify.js';
import type { ClassificationInput } from '../../classify/input.js';
import type { Clause, HackettGuide, LanguageGuide, RiskTemplate } from '../../content/schema.js';
import { apiRoutes, withQuery } from '../paths.js';
import type { ApiTransport } from './api-transport.js';

/**
 * A clause as GET /api/clauses serves it: with `checkedOn` (the date it was checked against the official
 * text of its editions) or null, and `verify` (what is still to check) or null.
 */
export type LibraryClause = { checkedOn: string | null; verify: string | null } & Pick<
  Clause,
  | 'id'
  | 'version'
  | 'kind'
  | 'section'
  | 'order'
  | 'title'
  | 'body'
  | 'variables'
  | 'sources'
  | 'guidanceEdition'
>;

export type ClauseKind = LibraryClause['kind'];

export interface ClauseQuery {
  kind?: ClauseKind | undefined;
  q?: string | undefined;
  section?: string | undefined;
}

/** The resource pack's content (clauses, the risk template, the guides) and the classifier. */
export class ContentCalls {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly http: ApiTransport) {}

  async clauses(query: ClauseQuery = {}, signal?: AbortSignal): Promise<LibraryClause[]> {
    const { items } = await this.http.json<{ items: LibraryClause[] }>(
      'GET',
      withQuery(apiRoutes.clauses, {
        kind: query.kind || undefined,
        section: query.section || undefined,
        q: query.q?.trim() || undefined,
      }),
      { signal },
    );
    return items;
  }

  classify(input: ClassificationInput): Promise<Classification> {
    return this.http.json('POST', apiRoutes.classify, { body: input });
  }

  riskTemplate(): Promise<RiskTemplate> {
    return this.cached(apiRoutes.riskTemplate);
  }

  languageGuide(): Promise<LanguageGuide> {
    return this.cached(apiRoutes.language);
  }

  hackettGuide(): Promise<HackettGuide> {
    return this.cached(apiRoutes.hackett);
  }

  /** One fetch per page load; a failed fetch is forgotten, so the next call asks again. */
  private cached<T>(path: string): Promise<T> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.http.json<T>('GET', path);
      pending.catch(() => this.cache.delete(path));
      this.cache.set(path, pending);
    }
    return pending as Promise<T>;
  }
}
