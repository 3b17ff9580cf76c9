import type { Client } from '@microsoft/microsoft-graph-client';
import { AccessDeniedError, UpstreamError } from '../../core/index.js';
import { graphCall } from './graph-errors.js';
import { allPages } from './graph-paging.js';
import { query } from './odata.js';
import type { ListKey, ListNames } from './sharepoint-schema.js';

export interface SchoolLocation {
  siteId: string;
  lists: Record<ListKey, string>;
}

export interface SiteSettings {
  /** A fixed site (SHAREPOINT_SITE_ID); otherwise the root site of the school's team group. */
  siteId?: string;
  /** The team groups this deployment serves; a school outside them is refused. */
  allowedGroupIds?: readonly string[];
}

/** A school id in Microsoft 365 mode reads `<tenant id>/<safeguarding team group id>`. */
export function parseSchoolId(schoolId: string): { tenantId: string | undefined; groupId: string } {
  const slash = schoolId.indexOf('/');
  return slash === -1
    ? { tenantId: undefined, groupId: schoolId }
    : { tenantId: schoolId.slice(0, slash), groupId: schoolId.slice(slash + 1) };
}

interface GraphList {
  id: string;
  displayName: string;
}

/**
 * Finds each school's site and the ids of its lists, once per school for the life of the process (ids
 * never change). A failed look-up is not remembered, so the next request tries again.
 */
export class SiteResolver {
  private readonly cache = new Map<string, Promise<SchoolLocation>>();

  constructor(
    private readonly baseUrl: string,
    private readonly settings: SiteSettings,
    private readonly listNamesFor: (schoolId: string) => ListNames,
  ) {}

  /** Refuses a school this deployment does not serve before any request is made. */
  check(schoolId: string): void {
    const { groupId } = parseSchoolId(schoolId);
    const allowed = this.settings.allowedGroupIds;
    if (allowed && !allowed.some((g) => g.toLowerCase() === groupId.toLowerCase())) {
      throw new AccessDeniedError('WRONG_SCHOOL', 'This app is not set up for that safeguarding team.');
    }
  }

  resolve(client: Client, schoolId: string): Promise<SchoolLocation> {
    this.check(schoolId);
    let pending = this.cache.get(schoolId);
    if (!pending) {
      pending = this.lookUp(client, schoolId);
      this.cache.set(schoolId, pending);
      pending.catch(() => this.cache.delete(schoolId));
    }
    return pending;
  }

  private async lookUp(client: Client, schoolId: string): Promise<SchoolLocation> {
    const siteId = this.settings.siteId ?? (await this.groupSite(client, parseSchoolId(schoolId).groupId));
    const names = this.listNamesFor(schoolId);
    const found = await allPages<GraphList>(
      client,
      this.baseUrl,
      `/sites/${siteId}/lists${query({ $select: 'id,displayName' })}`,
    );
    const byName = new Map(found.map((l) => [l.displayName, l.id]));
    const lists = {} as Record<ListKey, string>;
    for (const [key, name] of Object.entries(names) as [ListKey, string][]) {
      const id = byName.get(name);
      if (!id) {
        throw new UpstreamError(
          'SHAREPOINT_NOT_PROVISIONED',
          'The safeguarding site has not been set up for this app yet (npm run sharepoint:provision).',
        );
      }
      lists[key] = id;
    }
    return { siteId, lists };
  }

  private async groupSite(client: Client, groupId: string): Promise<string> {
    if (!/^[0-9a-zA-Z-]{1,64}$/.test(groupId)) {
      throw new AccessDeniedError('WRONG_SCHOOL', 'This app is not set up for that safeguarding team.');
    }
    const site = await graphCall(
      () =>
        client.api(`/groups/${groupId}/sites/root${query({ $select: 'id' })}`).get() as Promise<{
          id: string;
        }>,
    );
    return site.id;
  }
}
