import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, any>;
}

/**
 * A stand-in for the Bot Framework Connector: accepts the bot's replies
 * (POST /v3/conversations/{id}/activities[/{replyToId}]) and records them, as the real service would
 * acknowledge them with a resource id.
 */
export async function startFakeConnector(): Promise<{
  serviceUrl: string;
  activities: CapturedActivity[];
  close(): Promise<void>;
}> {
  const activities: CapturedActivity[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      activities.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    activities,
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
