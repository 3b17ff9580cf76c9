/**
 * Activities shaped as Microsoft Teams sends them (ids, channelData, mention entities), for tests that
 * go through the real /api/messages endpoint.
 */
export const BOT_ID = '28:bot-app-id';
export const BOT_NAME = 'HSB Assistant';
export const TENANT_ID = '11111111-1111-4111-8111-111111111111';
export const TEAM_ID = '19:safeguarding-general@thread.tacv2';
export const TEAM_GROUP_ID = '22222222-2222-4222-8222-222222222222';
export const CHANNEL_ID = '19:safeguarding-cases@thread.tacv2';
export const USER_ID = '29:user-1';
export const USER_AAD_ID = '33333333-3333-4333-8333-333333333333';

export type Scope = 'channel' | 'personal' | 'groupChat';

let counter = 0;
const nextId = () => `1${Date.now()}${++counter}`;

export interface ActivityOptions {
  serviceUrl: string;
  scope: Scope;
  tenantId?: string;
  teamId?: string;
  teamAadGroupId?: string;
  userId?: string;
  userAadObjectId?: string;
}

function base(o: ActivityOptions) {
  const tenantId = o.tenantId ?? TENANT_ID;
  const teamId = o.teamId ?? TEAM_ID;
  const conversation =
    o.scope === 'channel'
      ? { id: `${CHANNEL_ID};messageid=${nextId()}`, conversationType: 'channel', isGroup: true, tenantId }
      : o.scope === 'groupChat'
        ? { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId }
        : { id: `a:personal-${o.userId ?? USER_ID}`, conversationType: 'personal', tenantId };
  return {
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: o.userId ?? USER_ID, aadObjectId: o.userAadObjectId ?? USER_AAD_ID, name: 'Alex Wilber' },
    recipient: { id: BOT_ID, name: BOT_NAME },
    conversation,
    channelData: {
      tenant: { id: tenantId },
      ...(o.scope === 'channel'
        ? {
            team: { id: teamId, ...(o.teamAadGroupId ? { aadGroupId: o.teamAadGroupId } : {}) },
            channel: { id: CHANNEL_ID },
            teamsTeamId: teamId,
            teamsChannelId: CHANNEL_ID,
          }
        : {}),
    },
    locale: 'en-GB',
  };
}

/** A message; in a channel it @mentions the bot, as Teams requires for the bot to hear it. */
export function message(text: string, o: ActivityOptions): Record<string, unknown> {
  const mention = `<at>${BOT_NAME}</at>`;
  const needsMention = o.scope !== 'personal';
  return {
    ...base(o),
    type: 'message',
    text: needsMention ? `${mention} ${text}` : text,
    textFormat: 'plain',
    entities: [
      ...(needsMention
        ? [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: BOT_NAME } }]
        : []),
      { type: 'clientInfo', locale: 'en-GB', platform: 'Web' },
    ],
  };
}

/**
 * A channel post that does not @mention the bot: Teams delivers these only to an app granted the
 * resource-specific permission ChannelMessage.Read.Group. A new post is the root of its own thread.
 */
export function channelPost(text: string, o: Omit<ActivityOptions, 'scope'>): Record<string, unknown> {
  const b = base({ ...o, scope: 'channel' });
  return {
    ...b,
    conversation: { ...b.conversation, id: `${CHANNEL_ID};messageid=${b.id}` },
    type: 'message',
    text,
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: 'en-GB', platform: 'Web' }],
  };
}

/** A Universal Action (Action.Execute) from one of the bot's cards. */
export function cardAction(
  verb: string,
  data: Record<string, unknown>,
  o: ActivityOptions,
): Record<string, unknown> {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** What Teams sends when the bot is added: a conversationUpdate and an installationUpdate. */
export function installed(o: ActivityOptions): Record<string, unknown>[] {
  const b = base(o);
  const teamId = o.teamId ?? TEAM_ID;
  const conversation = o.scope === 'channel' ? { ...b.conversation, id: teamId } : b.conversation;
  const channelData = {
    ...b.channelData,
    ...(o.scope === 'channel'
      ? {
          team: { id: teamId, aadGroupId: o.teamAadGroupId ?? TEAM_GROUP_ID },
          settings: { selectedChannel: { id: CHANNEL_ID } },
        }
      : {}),
  };
  return [
    {
      ...b,
      conversation,
      channelData: { ...channelData, eventType: 'teamMemberAdded' },
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT_ID }],
    },
    { ...b, id: nextId(), conversation, channelData, type: 'installationUpdate', action: 'add' },
  ];
}

export function uninstalled(o: ActivityOptions): Record<string, unknown> {
  const b = base(o);
  const teamId = o.teamId ?? TEAM_ID;
  const conversation = o.scope === 'channel' ? { ...b.conversation, id: teamId } : b.conversation;
  return { ...b, conversation, type: 'installationUpdate', action: 'remove' };
}

/** Everything an outbound activity says, as one string: its text and its cards. */
export function said(activity: { body: Record<string, any> }): string {
  return JSON.stringify({ text: activity.body.text ?? '', attachments: activity.body.attachments ?? [] });
}

/** The Adaptive Card of an outbound activity. */
export function cardOf(activity: { body: Record<string, any> }): Record<string, any> {
  const card = activity.body.attachments?.[0]?.content;
  if (!card) throw new Error(`no card in the reply: ${String(activity.body.text)}`);
  return card as Record<string, any>;
}
