import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
}

export interface FakeTeam {
  aadGroupId: string;
  /** Channel account ids (`29:…`) of the team's members. */
  members: string[];
}

/**
 * A stand-in for the Bot Framework Connector: accepts the bot's replies
 * (POST /v3/conversations/{id}/activities[/{replyToId}]) and records them, as the real service would
 * acknowledge them with a resource id. It also answers the two Teams reads the bot makes: a team's
 * details (GET /v3/teams/{id}) and one member of a team (GET /v3/conversations/{id}/members/{userId},
 * 404 when that user is not a member), like the real service.
 */
export async function startFakeConnector(options: { teams?: Record<string, FakeTeam> } = {}): Promise<{
  serviceUrl: string;
  activities: CapturedActivity[];
  reads: string[];
  close(): Promise<void>;
}> {
  const activities: CapturedActivity[] = [];
  const reads: string[] = [];
  const teams = options.teams ?? {};
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET') {
        reads.push(path);
        const team = /^\/v3\/teams\/([^/?]+)$/.exec(path);
        if (team) {
          const id = decodeURIComponent(team[1]!);
          return teams[id]
            ? json(200, { id, name: 'Team', aadGroupId: teams[id]!.aadGroupId })
            : json(404, { error: { code: 'NotFound', message: 'Team not found' } });
        }
        const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(path);
        if (member) {
          const teamId = decodeURIComponent(member[1]!);
          const userId = decodeURIComponent(member[2]!);
          return teams[teamId]?.members.includes(userId)
            ? json(200, { id: userId, name: 'Member', aadObjectId: `aad-${userId}` })
            : json(404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
        }
        return json(404, { error: { code: 'NotFound', message: 'Not found' } });
      }
      const text = Buffer.concat(chunks).toString('utf8');
      activities.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : {},
      });
      json(200, { id: `reply-${++n}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    activities,
    reads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function messageActivity(
  serviceUrl: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'conv-1', conversationType: 'personal', tenantId: 'tenant-1' },
    from: { id: 'user-1', aadObjectId: 'aad-user-1' },
    recipient: { id: 'bot-1', name: 'HSB Assistant' },
    text,
    ...overrides,
  };
}
