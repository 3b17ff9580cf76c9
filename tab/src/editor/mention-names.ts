import { renderMentions } from '../../../core/privacy/mentions';
import type { Versioned } from '../api/api-client';
import type { AutosaveApi } from './autosave-controller';

/**
 * Staff edit a plan with the case's children named: every `@[child:<id>]` of a child in `names`
 * becomes that child's name in every text of the record, and the server turns names back into
 * mentions when it saves. A mention of a child not in `names` stays a token, so saving never turns
 * it into words that no longer point at the child.
 */
export function withNames<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (names.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return renderMentions(v, (id) => names.get(id) ?? `@[child:${id}]`);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** The autosave API with every record it returns shown with names. */
export function namedApi(api: AutosaveApi, names: ReadonlyMap<string, string>): AutosaveApi {
  if (names.size === 0) return api;
  const named = async <T>(pending: Promise<Versioned<T>>): Promise<Versioned<T>> => {
    const { record, etag } = await pending;
    return { record: withNames(record, names), etag };
  };
  return {
    getAssessment: (id) => named(api.getAssessment(id)),
    replaceAssessment: (id, body, etag) => named(api.replaceAssessment(id, body, etag)),
    addReview: (id, body, etag) => named(api.addReview(id, body, etag)),
  };
}
