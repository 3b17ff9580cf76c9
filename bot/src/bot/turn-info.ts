import type { Activity } from 'botbuilder';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

/** The ids a turn is about, read from a Teams activity. Ids only: no names are kept. */
export interface TurnInfo {
  scope: ConversationScope;
  tenantId: string | undefined;
  /** The conversation to answer in (a channel thread carries `;messageid=…`). */
  conversationId: string;
  /** The Teams team (its General channel's thread id), in channel scope. */
  teamId: string | undefined;
  /** The team's Microsoft 365 group id, when Teams sends it (install events do; messages do not). */
  teamAadGroupId: string | undefined;
  /** The channel to post to later: the one chosen at install, else this conversation without its thread. */
  channelId: string | undefined;
  userId: string;
  userAadObjectId: string | undefined;
}

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
  settings?: { selectedChannel?: { id?: string } };
}

export function turnInfo(activity: Partial<Activity>): TurnInfo {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation?.conversationType;
  const scope: ConversationScope =
    type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const conversationId = activity.conversation?.id ?? '';
  return {
    scope,
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id,
    conversationId,
    teamId: channelData.team?.id,
    teamAadGroupId: channelData.team?.aadGroupId,
    channelId:
      scope === 'channel'
        ? (channelData.settings?.selectedChannel?.id ??
          channelData.channel?.id ??
          conversationId.split(';')[0])
        : undefined,
    userId: activity.from?.id ?? '',
    userAadObjectId: activity.from?.aadObjectId,
  };
}
