import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeEntra, IssuedGraphToken } from './fake-entra.js';

/** The activity types the Teams app manifest declares: Graph refuses any other. */
function declaredActivityTypes(): string[] {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'manifest', 'teams', 'manifest.json'), 'utf8'),
  ) as { activities?: { activityTypes?: { type: string }[] } };
  return (manifest.activities?.activityTypes ?? []).map((a) => a.type);
}

export interface FakeUser {
  id: string;
  displayName: string;
  jobTitle?: string;
}

/** A notification Graph accepted, as it was sent. */
export interface ReceivedNotification {
  userId: string;
  body: {
    topic?: { source?: string; value?: string; webUrl?: string };
    activityType?: string;
    previewText?: { content?: string };
    templateParameters?: { name: string; value: string }[];
  };
  tokenKind: IssuedGraphToken['kind'];
}

type Answer = (status: number, body?: unknown, headers?: Record<string, string>) => void;

/**
 * The slice of Microsoft Graph the people picker and the action notifications call, with Graph's
 * rules: `GET /groups/{id}/members` (paged with `$skiptoken`; app token), `GET /users?$search=`
 * (delegated; refused without `ConsistencyLevel: eventual`; matches the start of any word of the
 * display name) and `POST /users/{id}/teamwork/sendActivityNotification` (app token; 204; the
 * activity type must be declared in the app manifest; 404 for an id that is no user; 403 when the
 * app is not installed for the user; 429 with Retry-After on demand).
 */
export class FakeGraphPeople {
  readonly users = new Map<string, FakeUser>();
  private readonly members = new Map<string, string[]>();
  /** Users who have the Teams app installed: only they can be sent activity notifications. */
  readonly installedFor = new Set<string>();
  readonly notifications: ReceivedNotification[] = [];
  /** Every `$search` received, with its ConsistencyLevel header. */
  readonly searches: { search: string; consistencyLevel: string | undefined }[] = [];
  membersPageSize = 2;
  /** While set, `/users?$search` answers this status (a permission not granted: 403). */
  failSearchWith: number | undefined;
  /** The next N notification calls answer 429 with this Retry-After. */
  throttleNotifications: { times: number; retryAfter: string } | undefined;
  private readonly activityTypes = declaredActivityTypes();

  constructor(
    private readonly entra: FakeEntra,
    private readonly baseUrl: () => string,
  ) {}

  addUser(user: FakeUser, options: { installed?: boolean } = {}): void {
    this.users.set(user.id, user);
    if (options.installed ?? true) this.installedFor.add(user.id);
  }

  addTeamMember(groupId: string, userId: string): void {
    this.members.set(groupId, [...(this.members.get(groupId) ?? []), userId]);
  }

  /** Answers the request if it is one of this slice's; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, body: string): boolean {
    const url = new URL(req.url ?? '/', 'http://graph.invalid');
    const answer: Answer = (status, payload, headers = {}) => json(res, status, payload, headers);
    const members = /^\/v1\.0\/groups\/([^/]+)\/members$/.exec(url.pathname);
    const notify = /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(url.pathname);
    if (req.method === 'GET' && members) {
      this.withToken(req, answer, (token) =>
        this.listMembers(token, decodeURIComponent(members[1]!), url, answer),
      );
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/v1.0/users' && url.searchParams.has('$search')) {
      this.withToken(req, answer, (token) => this.searchUsers(req, token, url, answer));
      return true;
    }
    if (req.method === 'POST' && notify) {
      this.withToken(req, answer, (token) =>
        this.notify(token, decodeURIComponent(notify[1]!), body, answer),
      );
      return true;
    }
    return false;
  }

  private withToken(req: IncomingMessage, answer: Answer, next: (token: IssuedGraphToken) => void): void {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const token = this.entra.graphTokens.get(value);
    if (!token || token.expiresAt <= Date.now()) {
      return graphError(answer, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    next(token);
  }

  private listMembers(token: IssuedGraphToken, groupId: string, url: URL, answer: Answer): void {
    // Asked as the app with GroupMember.Read.All and User.Read.All (the bot's membership check's).
    if (token.kind !== 'app') {
      return graphError(answer, 403, 'Authorization_RequestDenied', 'Insufficient privileges.');
    }
    const all = (this.members.get(groupId) ?? []).map((id) => ({
      '@odata.type': '#microsoft.graph.user',
      ...select(this.users.get(id) ?? { id, displayName: '' }, url),
    }));
    const start = Number(url.searchParams.get('$skiptoken') ?? 0);
    const value = all.slice(start, start + this.membersPageSize);
    const next = new URLSearchParams(url.searchParams);
    next.set('$skiptoken', String(start + this.membersPageSize));
    answer(200, {
      value,
      ...(start + this.membersPageSize < all.length
        ? { '@odata.nextLink': `${this.baseUrl()}/v1.0/groups/${groupId}/members?${next.toString()}` }
        : {}),
    });
  }

  private searchUsers(req: IncomingMessage, token: IssuedGraphToken, url: URL, answer: Answer): void {
    const consistencyLevel = header(req, 'consistencylevel');
    const search = url.searchParams.get('$search') ?? '';
    this.searches.push({ search, consistencyLevel });
    if (token.kind !== 'user' || this.failSearchWith === 403) {
      return graphError(answer, 403, 'Authorization_RequestDenied', 'Insufficient privileges.');
    }
    if (this.failSearchWith !== undefined) {
      return graphError(answer, this.failSearchWith, 'serviceNotAvailable', 'Service unavailable.');
    }
    if (consistencyLevel !== 'eventual') {
      return graphError(
        answer,
        400,
        'Request_UnsupportedQuery',
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const clause = /^"displayName:(.*)"$/.exec(search);
    if (!clause) return graphError(answer, 400, 'Request_UnsupportedQuery', 'Syntax error in $search.');
    const words = clause[1]!.toLowerCase().split(/\s+/).filter(Boolean);
    const top = Number(url.searchParams.get('$top') ?? 100);
    const found = [...this.users.values()].filter((u) => {
      const names = u.displayName.toLowerCase().split(/[\s()]+/);
      return words.every((w) => names.some((n) => n.startsWith(w)));
    });
    answer(200, { value: found.slice(0, top).map((u) => select(u, url)) });
  }

  private notify(token: IssuedGraphToken, userId: string, body: string, answer: Answer): void {
    if (token.kind !== 'app') {
      return graphError(answer, 403, 'Forbidden', 'Delegated calls need TeamsActivity.Send for the user.');
    }
    if (this.throttleNotifications && this.throttleNotifications.times > 0) {
      this.throttleNotifications.times--;
      return graphError(answer, 429, 'TooManyRequests', 'Too many requests.', {
        'Retry-After': this.throttleNotifications.retryAfter,
      });
    }
    let parsed: ReceivedNotification['body'];
    try {
      parsed = JSON.parse(body) as ReceivedNotification['body'];
    } catch {
      return graphError(answer, 400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    const topic = parsed.topic;
    if (topic?.source !== 'text' || !topic.value || !topic.webUrl?.startsWith('https://')) {
      return graphError(answer, 400, 'BadRequest', 'A text topic needs a value and a webUrl.');
    }
    if (!parsed.activityType || !this.activityTypes.includes(parsed.activityType)) {
      return graphError(answer, 400, 'BadRequest', 'The activity type is not declared in the app manifest.');
    }
    if (!this.users.has(userId)) return graphError(answer, 404, 'NotFound', 'The user was not found.');
    if (!this.installedFor.has(userId)) {
      return graphError(answer, 403, 'Forbidden', 'The Teams app is not installed for the recipient.');
    }
    this.notifications.push({ userId, body: parsed, tokenKind: token.kind });
    answer(204);
  }
}

function select(user: FakeUser, url: URL): Record<string, unknown> {
  const fields = (url.searchParams.get('$select') ?? 'id,displayName,jobTitle').split(',');
  const all: Record<string, unknown> = {
    id: user.id,
    displayName: user.displayName,
    jobTitle: user.jobTitle ?? null,
  };
  return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function graphError(
  answer: Answer,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  answer(status, { error: { code, message, innerError: { date: new Date().toISOString() } } }, headers);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
