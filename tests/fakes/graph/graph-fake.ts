import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  FakeHttpError,
  FakeSharePoint,
  type FakeItem,
  type FakeList,
  type Principal,
} from './fake-sharepoint.js';

/**
 * A local stand-in for the Microsoft Graph endpoints the SharePoint store uses, as a real HTTP server:
 * sites (by id and by group), lists, columns, list items with ETags that change on every write and
 * 412 on a stale If-Match, item versions, $filter refused on non-indexed columns, paging with
 * @odata.nextLink, JSON $batch with inner statuses and dependsOn, drive uploads — plus fault
 * injection (429/503 with Retry-After, timeouts before or after the write, concurrent edits) and
 * per-operation request counters.
 */

/** `refused`: a 400 that no retry helps (what a malformed or rejected request gets). */
export type FaultKind = '429' | '503' | 'timeout' | 'timeout-after-commit' | 'conflict' | 'refused';

export interface Fault {
  kind: FaultKind;
  retryAfterSeconds?: number;
}

export interface OperationInfo {
  op: string;
  method: string;
  path: string;
  /** True for a request inside a $batch. */
  inner: boolean;
}

export interface RandomFaults {
  seed: number;
  /** Probability that a request gets a fault. */
  rate: number;
  kinds: readonly FaultKind[];
  retryAfterSeconds?: number;
  /** Which requests may get a fault (default: all). */
  match?: (info: OperationInfo) => boolean;
}

export interface GraphFakeOptions {
  /** SharePoint refuses non-indexed filters on lists larger than this (5,000 in SharePoint Online). */
  listViewThreshold?: number;
  defaultPageSize?: number;
  maxPageSize?: number;
  /** Who a bearer token is; undefined means the token is not valid (401). Default: any token is a user with that id. */
  principalFor?: (token: string) => Principal | undefined;
  /** How long a request with a timeout fault is held before the connection is dropped. */
  hangMs?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RequestInput {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  rawBody: Buffer;
  principal: Principal;
}

function refusedReply(): Reply {
  return errorReply(new FakeHttpError(400, 'invalidRequest', 'The request was refused.'));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES: { op: string; method: string; pattern: RegExp }[] = [
  { op: 'batch', method: 'POST', pattern: /^\/\$batch$/ },
  { op: 'sites.getByGroup', method: 'GET', pattern: /^\/groups\/([^/]+)\/sites\/root$/ },
  { op: 'sites.get', method: 'GET', pattern: /^\/sites\/([^/]+)$/ },
  { op: 'lists.list', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists$/ },
  { op: 'lists.create', method: 'POST', pattern: /^\/sites\/([^/]+)\/lists$/ },
  { op: 'lists.get', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)$/ },
  { op: 'lists.delete', method: 'DELETE', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)$/ },
  { op: 'drive.get', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/drive$/ },
  { op: 'columns.list', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/ },
  { op: 'columns.create', method: 'POST', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/ },
  { op: 'columns.update', method: 'PATCH', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/ },
  { op: 'items.list', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/ },
  { op: 'items.create', method: 'POST', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/ },
  { op: 'items.get', method: 'GET', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)$/ },
  { op: 'items.delete', method: 'DELETE', pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)$/ },
  {
    op: 'items.update',
    method: 'PATCH',
    pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/fields$/,
  },
  {
    op: 'versions.list',
    method: 'GET',
    pattern: /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/versions$/,
  },
  { op: 'drive.upload', method: 'PUT', pattern: /^\/drives\/([^/]+)\/root:\/(.+):\/content$/ },
  {
    op: 'drive.updateFields',
    method: 'PATCH',
    pattern: /^\/drives\/([^/]+)\/root:\/(.+):\/listItem\/fields$/,
  },
];

const WRITE_OPS = new Set([
  'items.create',
  'items.delete',
  'items.update',
  'lists.create',
  'columns.create',
  'columns.update',
  'drive.upload',
  'drive.updateFields',
]);

function route(method: string, path: string): { op: string; params: string[] } | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { op: r.op, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

function errorReply(error: FakeHttpError): Reply {
  return {
    status: error.status,
    headers: error.headers,
    body: {
      error: {
        code: error.code,
        message: error.message,
        innerError: { date: new Date().toISOString(), 'request-id': randomUUID() },
      },
    },
  };
}

/** `fields($select=A,B)` or `fields` in $expand: undefined = not expanded, null = all fields. */
function expandedFields(search: URLSearchParams): string[] | null | undefined {
  const expand = search.get('$expand') ?? search.get('expand');
  if (!expand) return undefined;
  const m = /fields(?:\(\$select=([^)]*)\))?/.exec(expand);
  if (!m) return undefined;
  return m[1] ? m[1].split(',').map((s) => s.trim()) : null;
}

export class GraphFake {
  readonly sharepoint: FakeSharePoint;
  baseUrl = '';
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly opCounts = new Map<string, number>();
  private readonly roundTripCounts = new Map<string, number>();
  private readonly queued: { fault: Fault; match: (info: OperationInfo) => boolean }[] = [];
  private randomFaults?: { config: RandomFaults; random: () => number };
  private readonly faultLog: { op: string; kind: FaultKind; inner: boolean }[] = [];
  /** Every User-Agent and Prefer header seen, to check the client's manners. */
  readonly seenUserAgents = new Set<string>();
  readonly seenPrefer: string[] = [];
  readonly seenTokens: string[] = [];
  readonly hangMs: number;

  constructor(private readonly options: GraphFakeOptions = {}) {
    this.sharepoint = new FakeSharePoint({
      listViewThreshold: options.listViewThreshold ?? 5_000,
      defaultPageSize: options.defaultPageSize ?? 200,
      maxPageSize: options.maxPageSize ?? 5_000,
    });
    this.hangMs = options.hangMs ?? 10_000;
  }

  static async start(options: GraphFakeOptions = {}): Promise<GraphFake> {
    const fake = new GraphFake(options);
    await fake.listen();
    return fake;
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      // A client that gives up mid-request (its own timeout) leaves nothing to answer.
      this.handle(req, res).catch(() => res.destroy());
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- set-up and inspection -------------------------------------------------------------------

  addGroupSite(
    groupId: string,
    siteId = `contoso.sharepoint.example,${randomUUID()},${randomUUID()}`,
  ): string {
    this.sharepoint.addSite(siteId, groupId);
    return siteId;
  }

  addSite(siteId = `contoso.sharepoint.example,${randomUUID()},${randomUUID()}`): string {
    this.sharepoint.addSite(siteId);
    return siteId;
  }

  list(siteId: string, displayName: string): FakeList {
    const list = this.sharepoint.listByName(siteId, displayName);
    if (!list) throw new Error(`No list "${displayName}" in ${siteId}`);
    return list;
  }

  /** How many times an operation ran, inside batches or not. */
  count(op: string): number {
    return this.opCounts.get(op) ?? 0;
  }

  /** HTTP requests received (round trips), in total or for one top-level operation. */
  roundTrips(op?: string): number {
    if (op) return this.roundTripCounts.get(op) ?? 0;
    return [...this.roundTripCounts.values()].reduce((a, b) => a + b, 0);
  }

  resetCounts(): void {
    this.opCounts.clear();
    this.roundTripCounts.clear();
  }

  /** Writes counted since the last reset (inside batches or not). */
  writes(): number {
    return [...this.opCounts.entries()].filter(([op]) => WRITE_OPS.has(op)).reduce((a, [, n]) => a + n, 0);
  }

  /** Queues faults for the next matching requests, in order. */
  injectFaults(faults: Fault[], match: (info: OperationInfo) => boolean = () => true): void {
    for (const fault of faults) this.queued.push({ fault, match });
  }

  /** Drops faults still queued: the outage is over. */
  clearFaults(): void {
    this.queued.length = 0;
  }

  setRandomFaults(config: RandomFaults | undefined): void {
    this.randomFaults = config ? { config, random: mulberry32(config.seed) } : undefined;
  }

  faultsInjected(): readonly { op: string; kind: FaultKind; inner: boolean }[] {
    return this.faultLog;
  }

  private nextFault(info: OperationInfo): Fault | undefined {
    const index = this.queued.findIndex((q) => q.match(info));
    if (index !== -1) return this.queued.splice(index, 1)[0]!.fault;
    const rf = this.randomFaults;
    if (rf && (rf.config.match?.(info) ?? true) && rf.random() < rf.config.rate) {
      const kind = rf.config.kinds[Math.floor(rf.random() * rf.config.kinds.length)]!;
      return { kind, retryAfterSeconds: rf.config.retryAfterSeconds ?? 0 };
    }
    return undefined;
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(',') : (v ?? ''),
      ]),
    );
    const method = req.method ?? 'GET';
    const matched = route(method, path);
    const op = matched?.op ?? 'unknown';
    this.roundTripCounts.set(op, (this.roundTripCounts.get(op) ?? 0) + 1);
    if (headers['user-agent']) this.seenUserAgents.add(headers['user-agent']);
    if (headers.prefer) this.seenPrefer.push(headers.prefer);

    const send = (reply: Reply) => {
      if (res.destroyed) return;
      const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        'request-id': randomUUID(),
        ...reply.headers,
      });
      res.end(body);
    };
    const hang = () => {
      // Never answers; the client's own timeout is what ends it (or the fake, much later).
      const timer = setTimeout(() => req.socket.destroy(), this.hangMs);
      req.socket.once('close', () => clearTimeout(timer));
    };

    const auth = this.authenticate(headers.authorization);
    if ('status' in auth) return send(auth);
    const fault = this.nextFault({ op, method, path, inner: false });
    if (fault) this.faultLog.push({ op, kind: fault.kind, inner: false });
    if (fault?.kind === '429' || fault?.kind === '503') return send(this.faultReply(fault));
    if (fault?.kind === 'refused') return send(refusedReply());
    if (fault?.kind === 'timeout') return hang();

    let body: unknown;
    if (rawBody.length && (headers['content-type'] ?? '').includes('json')) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return send(errorReply(new FakeHttpError(400, 'BadRequest', 'Invalid JSON')));
      }
    }
    const input: RequestInput = {
      method,
      path,
      search: url.searchParams,
      headers,
      body,
      rawBody,
      principal: auth.principal,
    };
    let reply: Reply;
    if (op === 'batch') {
      reply = this.batch(input);
    } else {
      if (fault?.kind === 'conflict') this.touchTarget(input);
      reply = this.dispatch(input);
    }
    if (fault?.kind === 'timeout-after-commit') return hang();
    send(reply);
  }

  private faultReply(fault: Fault): Reply {
    const throttled = fault.kind === '429';
    return {
      status: throttled ? 429 : 503,
      headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 0) },
      body: {
        error: {
          code: throttled ? 'activityLimitReached' : 'serviceNotAvailable',
          message: throttled ? 'The request has been throttled' : 'The service is temporarily unavailable',
        },
      },
    };
  }

  private authenticate(header: string | undefined): { principal: Principal } | Reply {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!token) {
      return errorReply(new FakeHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.'));
    }
    this.seenTokens.push(token);
    const principal = this.options.principalFor
      ? this.options.principalFor(token)
      : { id: token, displayName: `User ${token}`, kind: 'user' as const, sites: 'all' as const };
    if (!principal)
      return errorReply(
        new FakeHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
      );
    return { principal };
  }

  /** Another user saves the targeted item just before this request: its ETag moves on, as in real life. */
  private touchTarget(input: RequestInput): void {
    const matched = route(input.method, input.path);
    if (!matched || matched.op !== 'items.update') return;
    const [siteId, listId, itemId] = matched.params as [string, string, string];
    try {
      const list = this.sharepoint.list(siteId, listId);
      const item = this.sharepoint.item(list, itemId);
      this.sharepoint.updateItem(
        list,
        item,
        {},
        {
          id: 'someone-else',
          displayName: 'Another user',
          kind: 'user',
          sites: 'all',
        },
      );
    } catch {
      // The request itself will report what is wrong with its target.
    }
  }

  private dispatch(input: RequestInput): Reply {
    const matched = route(input.method, input.path);
    const op = matched?.op ?? 'unknown';
    this.opCounts.set(op, (this.opCounts.get(op) ?? 0) + 1);
    try {
      if (!matched)
        throw new FakeHttpError(400, 'BadRequest', `Resource not found for the segment '${input.path}'.`);
      return this.operation(matched.op, matched.params, input);
    } catch (error) {
      if (error instanceof FakeHttpError) return errorReply(error);
      throw error;
    }
  }

  private checkSite(principal: Principal, siteId: string): void {
    this.sharepoint.site(siteId);
    if (principal.sites !== 'all' && !principal.sites.has(siteId)) {
      throw new FakeHttpError(403, 'accessDenied', 'Access denied');
    }
  }

  private itemJson(
    list: FakeList,
    item: FakeItem,
    select: string[] | null | undefined,
  ): Record<string, unknown> {
    const json: Record<string, unknown> = {
      '@odata.etag': this.sharepoint.etag(item),
      id: String(item.id),
      eTag: this.sharepoint.etag(item),
      createdDateTime: item.createdDateTime,
      lastModifiedDateTime: item.lastModifiedDateTime,
      createdBy: item.createdBy,
      lastModifiedBy: item.lastModifiedBy,
      webUrl: `${list.webUrl}/DispForm.aspx?ID=${item.id}`,
    };
    if (select !== undefined) json.fields = this.fieldsJson(item, item.fields, select);
    return json;
  }

  private fieldsJson(
    item: FakeItem,
    fields: Record<string, unknown>,
    select: string[] | null,
  ): Record<string, unknown> {
    const all: Record<string, unknown> = {
      '@odata.etag': this.sharepoint.etag(item),
      id: String(item.id),
      ID: item.id,
      Created: item.createdDateTime,
      Modified: item.lastModifiedDateTime,
      ...fields,
    };
    if (select === null) return all;
    return Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.includes(k)));
  }

  private operation(op: string, params: string[], input: RequestInput): Reply {
    const sp = this.sharepoint;
    const [siteId = ''] = params;
    const p = input.principal;
    switch (op) {
      case 'sites.getByGroup': {
        const site = sp.groups.get(siteId);
        if (!site) throw new FakeHttpError(404, 'itemNotFound', 'Requested site could not be found');
        this.checkSite(p, site);
        return { status: 200, body: this.siteJson(site) };
      }
      case 'sites.get':
        this.checkSite(p, siteId);
        return { status: 200, body: this.siteJson(siteId) };
      case 'lists.list': {
        this.checkSite(p, siteId);
        const lists = [...sp.site(siteId).lists.values()].map((l) => this.listJson(l));
        return { status: 200, body: { value: lists } };
      }
      case 'lists.create': {
        this.checkSite(p, siteId);
        return {
          status: 201,
          body: this.listJson(sp.createList(siteId, (input.body ?? {}) as Record<string, unknown>)),
        };
      }
      case 'lists.get':
        this.checkSite(p, siteId);
        return { status: 200, body: this.listJson(sp.list(siteId, params[1]!)) };
      case 'lists.delete':
        this.checkSite(p, siteId);
        sp.deleteList(siteId, params[1]!);
        return { status: 204 };
      case 'drive.get': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        if (!list.driveId) throw new FakeHttpError(404, 'itemNotFound', 'This list has no drive');
        return { status: 200, body: { id: list.driveId, driveType: 'documentLibrary', webUrl: list.webUrl } };
      }
      case 'columns.list': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        return { status: 200, body: { value: list.columns.map((c) => sp.columnJson(c)) } };
      }
      case 'columns.create': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        return {
          status: 201,
          body: sp.columnJson(sp.addColumn(list, (input.body ?? {}) as Record<string, unknown>)),
        };
      }
      case 'columns.update': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        return {
          status: 200,
          body: sp.columnJson(
            sp.updateColumn(list, params[2]!, (input.body ?? {}) as Record<string, unknown>),
          ),
        };
      }
      case 'items.list': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        const skip = Number(Buffer.from(input.search.get('$skiptoken') ?? '', 'base64url').toString() || '0');
        const top = input.search.get('$top');
        const filter = input.search.get('$filter') ?? undefined;
        const result = sp.queryItems(list, {
          ...(filter ? { filter } : {}),
          ...(top ? { top: Number(top) } : {}),
          skip,
          preferNonIndexed: /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(input.headers.prefer ?? ''),
        });
        const select = expandedFields(input.search);
        const body: Record<string, unknown> = {
          value: result.page.map((i) => this.itemJson(list, i, select)),
        };
        if (result.more) {
          const next = new URL(`${this.baseUrl}/v1.0${input.path}`);
          for (const [k, v] of input.search) if (k !== '$skiptoken') next.searchParams.set(k, v);
          next.searchParams.set(
            '$skiptoken',
            Buffer.from(String(skip + result.page.length)).toString('base64url'),
          );
          body['@odata.nextLink'] = next.toString();
        }
        return { status: 200, body };
      }
      case 'items.get': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        return {
          status: 200,
          body: this.itemJson(list, sp.item(list, params[2]!), expandedFields(input.search)),
        };
      }
      case 'items.create': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        const fields = ((input.body ?? {}) as { fields?: Record<string, unknown> }).fields ?? {};
        const item = sp.createItem(list, fields, p);
        return { status: 201, body: this.itemJson(list, item, null) };
      }
      case 'items.delete': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        sp.deleteItem(list, sp.item(list, params[2]!));
        return { status: 204 };
      }
      case 'items.update': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        const item = sp.item(list, params[2]!);
        sp.updateItem(
          list,
          item,
          (input.body ?? {}) as Record<string, unknown>,
          p,
          input.headers['if-match'],
        );
        return { status: 200, body: this.fieldsJson(item, item.fields, null) };
      }
      case 'versions.list': {
        this.checkSite(p, siteId);
        const list = sp.list(siteId, params[1]!);
        const item = sp.item(list, params[2]!);
        const select = expandedFields(input.search);
        return {
          status: 200,
          body: {
            value: item.versions.map((v) => ({
              id: v.id,
              lastModifiedDateTime: v.lastModifiedDateTime,
              lastModifiedBy: v.lastModifiedBy,
              ...(select !== undefined ? { fields: this.fieldsJson(item, v.fields, select) } : {}),
            })),
          },
        };
      }
      case 'drive.upload': {
        const list = this.driveList(siteId, p);
        const content = typeof input.body === 'string' ? Buffer.from(input.body, 'base64') : input.rawBody;
        const item = sp.putFile(
          list,
          params[1]!,
          content,
          input.headers['content-type'] ?? 'application/octet-stream',
          p,
        );
        return { status: item.version === 1 ? 201 : 200, body: this.driveItemJson(list, item) };
      }
      case 'drive.updateFields': {
        const list = this.driveList(siteId, p);
        const item = sp.fileByPath(list, params[1]!);
        if (!item) throw new FakeHttpError(404, 'itemNotFound', 'The resource could not be found.');
        sp.updateItem(
          list,
          item,
          (input.body ?? {}) as Record<string, unknown>,
          p,
          input.headers['if-match'],
        );
        return { status: 200, body: this.fieldsJson(item, item.fields, null) };
      }
      default:
        throw new FakeHttpError(400, 'BadRequest', 'Unsupported request');
    }
  }

  private driveList(driveId: string, principal: Principal): FakeList {
    const list = this.sharepoint.drives.get(driveId);
    if (!list) throw new FakeHttpError(404, 'itemNotFound', 'The drive could not be found.');
    const site = [...this.sharepoint.sites.values()].find((s) => s.lists.has(list.id))!;
    this.checkSite(principal, site.id);
    return list;
  }

  private siteJson(siteId: string): Record<string, unknown> {
    const site = this.sharepoint.site(siteId);
    return { id: site.id, displayName: site.displayName, webUrl: site.webUrl };
  }

  private listJson(list: FakeList): Record<string, unknown> {
    return {
      id: list.id,
      displayName: list.displayName,
      name: list.displayName,
      description: list.description,
      webUrl: list.webUrl,
      list: { template: list.template, hidden: false, contentTypesEnabled: false },
    };
  }

  private driveItemJson(list: FakeList, item: FakeItem): Record<string, unknown> {
    return {
      id: item.file!.driveItemId,
      name: item.file!.name,
      eTag: `"{${item.guid.toUpperCase()}},${item.version}"`,
      size: item.file!.content.length,
      webUrl: `${list.webUrl.replace(/\/Lists\//, '/')}/${item.file!.path.split('/').map(encodeURIComponent).join('/')}`,
      file: { mimeType: item.file!.contentType },
    };
  }

  /** JSON batching as Graph does it: at most 20 requests, dependsOn honoured (424 when a dependency failed). */
  private batch(input: RequestInput): Reply {
    const requests = (input.body as { requests?: Record<string, unknown>[] } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) {
      return errorReply(new FakeHttpError(400, 'BadRequest', 'Batch request must have requests.'));
    }
    if (requests.length > 20) {
      return errorReply(
        new FakeHttpError(400, 'BadRequest', 'The number of batch requests exceeds the limit of 20.'),
      );
    }
    const ids = requests.map((r) => String(r.id));
    if (new Set(ids).size !== ids.length)
      return errorReply(new FakeHttpError(400, 'BadRequest', 'Batch request ids must be unique.'));
    const statuses = new Map<string, number>();
    const responses: Record<string, unknown>[] = [];
    for (const r of requests) {
      const id = String(r.id);
      const dependsOn = (r.dependsOn as string[] | undefined) ?? [];
      const respond = (reply: Reply) => {
        statuses.set(id, reply.status);
        responses.push({
          id,
          status: reply.status,
          headers: { 'Content-Type': 'application/json', ...reply.headers },
          body: reply.body ?? null,
        });
      };
      if (dependsOn.some((d) => !statuses.has(d))) {
        respond(errorReply(new FakeHttpError(400, 'BadRequest', 'dependsOn must name an earlier request.')));
        continue;
      }
      if (dependsOn.some((d) => (statuses.get(d) ?? 0) >= 300)) {
        respond(
          errorReply(new FakeHttpError(424, 'FailedDependency', 'A request this one depends on failed.')),
        );
        continue;
      }
      const relative = String(r.url ?? '');
      const url = new URL(relative.startsWith('/') ? relative : `/${relative}`, this.baseUrl);
      const method = String(r.method ?? 'GET').toUpperCase();
      const path = url.pathname;
      const headers = Object.fromEntries(
        Object.entries((r.headers as Record<string, string> | undefined) ?? {}).map(([k, v]) => [
          k.toLowerCase(),
          v,
        ]),
      );
      if (r.body !== undefined && !headers['content-type']) {
        respond(
          errorReply(
            new FakeHttpError(400, 'BadRequest', 'A request with a body needs a Content-Type header.'),
          ),
        );
        continue;
      }
      const matched = route(method, path);
      const info = { op: matched?.op ?? 'unknown', method, path, inner: true };
      const fault = this.nextFault(info);
      if (fault && (fault.kind === '429' || fault.kind === '503')) {
        this.faultLog.push({ op: info.op, kind: fault.kind, inner: true });
        respond(this.faultReply(fault));
        continue;
      }
      if (fault?.kind === 'refused') {
        this.faultLog.push({ op: info.op, kind: fault.kind, inner: true });
        respond(refusedReply());
        continue;
      }
      if (fault?.kind === 'conflict') {
        this.faultLog.push({ op: info.op, kind: fault.kind, inner: true });
      }
      const inner: RequestInput = {
        method,
        path,
        search: url.searchParams,
        headers: { ...headers, prefer: headers.prefer ?? '' },
        body: r.body,
        rawBody: typeof r.body === 'string' ? Buffer.from(r.body, 'base64') : Buffer.alloc(0),
        principal: input.principal,
      };
      if (fault?.kind === 'conflict') this.touchTarget(inner);
      respond(this.dispatch(inner));
    }
    // Graph may answer in any order: clients must match responses by id.
    return { status: 200, body: { responses: responses.reverse() } };
  }
}
