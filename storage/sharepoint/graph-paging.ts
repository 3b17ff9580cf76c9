import type { Client } from '@microsoft/microsoft-graph-client';
import { UpstreamError } from '../../core/index.js';
import { GRAPH_VERSION } from './graph-client.js';
import { graphCall } from './graph-errors.js';
import { nextLinkPath } from './odata.js';

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** Every item of a collection, one request per page, following @odata.nextLink to the end. */
export async function allPages<T>(client: Client, baseUrl: string, firstPath: string): Promise<T[]> {
  const items: T[] = [];
  let path: string | undefined = firstPath;
  while (path !== undefined) {
    const current: string = path;
    const page = await graphCall(() => client.api(current).get() as Promise<Page<T>>);
    items.push(...page.value);
    path = page['@odata.nextLink'] ? followable(page['@odata.nextLink'], baseUrl) : undefined;
  }
  return items;
}

export function followable(nextLink: string, baseUrl: string): string {
  try {
    return nextLinkPath(nextLink, baseUrl, GRAPH_VERSION);
  } catch (error) {
    throw new UpstreamError(
      'GRAPH_BAD_PAGE_LINK',
      'Microsoft Graph returned a paging link this app will not follow.',
      error,
    );
  }
}
