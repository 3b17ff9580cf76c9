/** OData string literal: single quotes doubled, so a value can never end the literal early. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A query string with every value percent-encoded (the Graph SDK passes query strings through as given). */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function expandFields(names: readonly string[]): string {
  return `fields($select=${names.join(',')})`;
}

/**
 * Turns an @odata.nextLink into a path for the same client. Only links to the configured Graph host
 * are followed: a token is never sent anywhere else, whatever a response says.
 */
export function nextLinkPath(nextLink: string, baseUrl: string, version: string): string {
  const next = new URL(nextLink);
  const base = new URL(baseUrl);
  if (next.origin !== base.origin) {
    throw new Error('A paging link pointed away from Microsoft Graph.');
  }
  const prefix = `${base.pathname.replace(/\/+$/, '')}/${version}`;
  if (!next.pathname.startsWith(`${prefix}/`)) throw new Error('A paging link has an unexpected path.');
  return next.pathname.slice(prefix.length) + next.search;
}
