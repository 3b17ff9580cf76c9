import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../../core/index.js';
import { LOCAL_SCHOOL_ID } from '../http/authenticator.js';
import type { InstallationRegistry } from './installation-registry.js';
import { schoolIdOf } from '../auth/school-id.js';
import { turnInfo, type TurnInfo } from './turn-info.js';

export type RefusalCode =
  'GROUP_CHAT' | 'NOT_SAFEGUARDING_TEAM' | 'NOT_A_MEMBER' | 'NO_SAFEGUARDING_TEAM_INSTALLED';

export type SchoolDecision =
  { allowed: true; schoolId: string; actor: Actor } | { allowed: false; code: RefusalCode };

/** Decides whose assessment records a turn may touch, and as whom. Help, FAQ and classify need none. */
export interface SchoolAccess {
  decide(context: TurnContext): Promise<SchoolDecision>;
}

/** Local mode has no sign-in: one school and the same fixed local user as the API (http/authenticator.ts). */
export class LocalSchoolAccess implements SchoolAccess {
  async decide(): Promise<SchoolDecision> {
    return { allowed: true, schoolId: LOCAL_SCHOOL_ID, actor: { id: 'local-user', kind: 'local' } };
  }
}

/** What the Teams access rules need from the Bot Connector; a fake in tests answers the same calls. */
export interface TeamDirectory {
  aadGroupIdOf(context: TurnContext, teamId: string): Promise<string | undefined>;
  isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean>;
}

export const connectorTeamDirectory: TeamDirectory = {
  async aadGroupIdOf(context, teamId) {
    return (await TeamsInfo.getTeamDetails(context, teamId)).aadGroupId;
  },
  async isMember(context, teamId, userId) {
    try {
      await TeamsInfo.getTeamMember(context, teamId, userId);
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return false;
      throw error;
    }
  },
};

const MEMBERSHIP_TTL_MS = 5 * 60_000;

/**
 * Microsoft 365 mode (the tenant was already checked with the token): in a channel, the team must be one
 * of the safeguarding teams; in a 1:1 chat, the user must be a member of a safeguarding team the bot is
 * installed in; group chats are refused, because their members are not the team's to decide.
 */
export class TeamsSchoolAccess implements SchoolAccess {
  private readonly groupIds = new Map<string, string>();
  private readonly memberships = new Map<string, { member: boolean; until: number }>();

  constructor(
    private readonly options: {
      safeguardingTeamIds: readonly string[];
      registry: InstallationRegistry;
      directory?: TeamDirectory;
      now?: () => number;
    },
  ) {}

  async decide(context: TurnContext): Promise<SchoolDecision> {
    const turn = turnInfo(context.activity);
    const tenantId = turn.tenantId;
    if (!tenantId) return { allowed: false, code: 'NOT_SAFEGUARDING_TEAM' };
    // Users are named by tenant and object id only, as the API's authenticator names them.
    const actor: Actor = {
      id: `${tenantId.toLowerCase()}/${turn.userAadObjectId ?? turn.userId}`,
      kind: 'user',
    };

    if (turn.scope === 'groupChat') return { allowed: false, code: 'GROUP_CHAT' };
    if (turn.scope === 'channel') {
      const groupId = turn.teamId ? await this.groupIdOf(context, turn) : undefined;
      if (!groupId || !this.isSafeguarding(groupId)) return { allowed: false, code: 'NOT_SAFEGUARDING_TEAM' };
      return { allowed: true, schoolId: schoolIdOf(tenantId, groupId), actor };
    }

    const teams = (await this.options.registry.list()).filter(
      (i) =>
        i.scope === 'channel' &&
        i.teamId &&
        i.teamAadGroupId &&
        this.isSafeguarding(i.teamAadGroupId) &&
        i.tenantId?.toLowerCase() === tenantId.toLowerCase(),
    );
    if (teams.length === 0) return { allowed: false, code: 'NO_SAFEGUARDING_TEAM_INSTALLED' };
    for (const team of teams) {
      if (await this.isMember(context, team.teamId!, turn.userId)) {
        return { allowed: true, schoolId: schoolIdOf(tenantId, team.teamAadGroupId!), actor };
      }
    }
    return { allowed: false, code: 'NOT_A_MEMBER' };
  }

  private isSafeguarding(groupId: string): boolean {
    return this.options.safeguardingTeamIds.includes(groupId.toLowerCase());
  }

  private async groupIdOf(context: TurnContext, turn: TurnInfo): Promise<string | undefined> {
    const teamId = turn.teamId!;
    if (turn.teamAadGroupId) return turn.teamAadGroupId;
    const known = this.groupIds.get(teamId) ?? (await this.options.registry.findTeam(teamId))?.teamAadGroupId;
    const groupId =
      known ?? (await (this.options.directory ?? connectorTeamDirectory).aadGroupIdOf(context, teamId));
    if (groupId) this.groupIds.set(teamId, groupId);
    return groupId;
  }

  private async isMember(context: TurnContext, teamId: string, userId: string): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    const key = `${teamId}\n${userId}`;
    const cached = this.memberships.get(key);
    if (cached && cached.until > now) return cached.member;
    const member = await (this.options.directory ?? connectorTeamDirectory).isMember(context, teamId, userId);
    this.memberships.set(key, { member, until: now + MEMBERSHIP_TTL_MS });
    return member;
  }
}
