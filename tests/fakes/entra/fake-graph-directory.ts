import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeEntra } from './fake-entra.js';
import { FakeGraphPeople } from './fake-graph-people.js';

/**
 * The slice of Microsoft Graph the identity layer calls: `POST /v1.0/me/checkMemberGroups` (delegated)
 * and `POST /v1.0/users/{id}/checkMemberGroups` (app-only, for the bot), with Graph's rules — a token
 * issued by the fake Entra, at most 20 group ids, /me refused for app-only tokens — and throttling on
 * demand (429 + Retry-After).
 */
export class FakeGraphDirectory {
  /** `tenant/oid` → the group ids the user is a member of. */
  private readonly members = new Map<string, Set<string>>();
  /** group id → the object ids of its owners (one tenant per fake). */
  private readonly owners = new Map<string, string[]>();
  /** Owners per page of `/groups/{id}/owners`, so that paging is exercised. */
  ownersPageSize = 2;
  readonly requests: { groupIds: string[]; userKey: string }[] = [];
  /** The next N calls answer 429 with this Retry-After. */
  throttle: { times: number; retryAfter: string } | undefined;
  /** Every call answers this status while set. */
  failWith: number | undefined;
  private server!: Server;
  url = '';
  /** The people picker's and the action notifications' slice of Graph (fake-graph-people.ts). */
  readonly people: FakeGraphPeople;

  private constructor(private readonly entra: FakeEntra) {
    this.people = new FakeGraphPeople(entra, () => this.url);
  }

  static async start(entra: FakeEntra): Promise<FakeGraphDirectory> {
    const fake = new FakeGraphDirectory(entra);
    fake.server = createServer((req, res) => {
      fake.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  addMember(tenantId: string, objectId: string, groupId: string): void {
    const key = `${tenantId}/${objectId}`;
    const groups = this.members.get(key) ?? new Set<string>();
    groups.add(groupId);
    this.members.set(key, groups);
  }

  addOwner(objectId: string, groupId: string): void {
    this.owners.set(groupId, [...(this.owners.get(groupId) ?? []), objectId]);
  }

  removeMember(tenantId: string, objectId: string, groupId: string): void {
    this.members.get(`${tenantId}/${objectId}`)?.delete(groupId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (this.people.handle(req, res, body)) return;
    const owners = /^\/v1\.0\/groups\/([^/?]+)\/owners(?:\?(.*))?$/.exec(req.url ?? '');
    if (req.method === 'GET' && owners) return this.listOwners(req, res, owners[1]!, owners[2] ?? '');
    const other = /^\/v1\.0\/users\/([^/?]+)\/checkMemberGroups$/.exec(req.url ?? '');
    if (req.method !== 'POST' || (req.url !== '/v1.0/me/checkMemberGroups' && !other)) {
      return graphError(res, 400, 'BadRequest', 'Resource not found for the segment.');
    }
    if (this.failWith !== undefined)
      return graphError(res, this.failWith, 'serviceNotAvailable', 'Service unavailable.');
    if (this.throttle && this.throttle.times > 0) {
      this.throttle.times--;
      res.setHeader('Retry-After', this.throttle.retryAfter);
      return graphError(res, 429, 'TooManyRequests', 'Too many requests.');
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const issued = this.entra.graphTokens.get(token);
    if (!issued || issued.expiresAt <= Date.now()) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    if (other) {
      // Another user's groups, asked as the app (the bot has no user token): Graph wants the
      // application permissions GroupMember.Read.All and User.Read.All, granted by an admin.
      if (issued.kind !== 'app') {
        return graphError(res, 403, 'Authorization_RequestDenied', 'Insufficient privileges.');
      }
    } else if (issued.kind !== 'user' || !issued.objectId) {
      return graphError(
        res,
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    }
    let groupIds: unknown;
    try {
      groupIds = (JSON.parse(body) as { groupIds?: unknown }).groupIds;
    } catch {
      return graphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    if (!Array.isArray(groupIds) || groupIds.length === 0 || groupIds.length > 20) {
      return graphError(res, 400, 'Request_BadRequest', 'Invalid number of group ids.');
    }
    const userKey = `${issued.tenantId}/${other ? decodeURIComponent(other[1]!) : issued.objectId}`;
    this.requests.push({ groupIds: groupIds.map(String), userKey });
    const mine = this.members.get(userKey) ?? new Set<string>();
    const value = groupIds.map(String).filter((id) => mine.has(id));
    json(res, 200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value,
    });
  }

  /** `GET /groups/{id}/owners`: app-only here (GroupMember.Read.All), paged. */
  private listOwners(req: IncomingMessage, res: ServerResponse, groupId: string, search: string): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const issued = this.entra.graphTokens.get(token);
    if (!issued || issued.expiresAt <= Date.now()) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    if (issued.kind !== 'app')
      return graphError(res, 403, 'Authorization_RequestDenied', 'Insufficient privileges.');
    const ids = this.owners.get(decodeURIComponent(groupId)) ?? [];
    const { value, next } = page(
      ids.map((id) => ({ '@odata.type': '#microsoft.graph.user', id })),
      new URLSearchParams(search),
      this.ownersPageSize,
      `${this.url}/v1.0/groups/${groupId}/owners`,
    );
    json(res, 200, { value, ...(next ? { '@odata.nextLink': next } : {}) });
  }
}

/** Pages `value` the way Graph does: `$skiptoken` in an absolute `@odata.nextLink`. */
function page<T>(
  all: T[],
  query: URLSearchParams,
  size: number,
  base: string,
): { value: T[]; next?: string } {
  const start = Number(query.get('$skiptoken') ?? 0);
  const value = all.slice(start, start + size);
  if (start + size >= all.length) return { value };
  const next = new URLSearchParams(query);
  next.set('$skiptoken', String(start + size));
  return { value, next: `${base}?${next.toString()}` };
}

function graphError(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, { error: { code, message, innerError: { date: new Date().toISOString() } } });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
