import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../../core/index.js';
import { LOCAL_SCHOOL_ID } from '../http/authenticator.js';
import type { InstallationRegistry } from './installation-registry.js';
import type { Authorisation } from '../auth/authorisation.js';
import { ExpiringCache } from '../auth/expiring-cache.js';
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
}

export const connectorTeamDirectory: TeamDirectory = {
  async aadGroupIdOf(context, teamId) {
    return (await TeamsInfo.getTeamDetails(context, teamId)).aadGroupId;
  },
};

/** A team's group id never changes; remembered for a day, for at most this many teams. */
const GROUP_ID_TTL_MS = 24 * 3_600_000;
const MAX_TEAMS_REMEMBERED = 1_000;

/**
 * Microsoft 365 mode (the tenant was already checked with the token). Membership is the API's own
 * decision (auth/authorisation.ts), with the same short-lived answers: in a channel, the team must be
 * one of the safeguarding teams and the sender a member of it (a shared channel can hold outsiders);
 * in a 1:1 chat, the user must be a member of a safeguarding team the bot is installed in; group chats
 * are refused, because their members are not the team's to decide.
 */
export class TeamsSchoolAccess implements SchoolAccess {
  private readonly groupIds: ExpiringCache<string | undefined>;

  constructor(
    private readonly options: {
      authorisation: Pick<Authorisation, 'schoolsOf' | 'schoolFor' | 'isSafeguardingTeam'>;
      registry: InstallationRegistry;
      directory?: TeamDirectory;
      now?: () => number;
    },
  ) {
    this.groupIds = new ExpiringCache(MAX_TEAMS_REMEMBERED, options.now ?? Date.now);
  }

  async decide(context: TurnContext): Promise<SchoolDecision> {
    const turn = turnInfo(context.activity);
    const tenantId = turn.tenantId?.toLowerCase();
    if (!tenantId) return { allowed: false, code: 'NOT_SAFEGUARDING_TEAM' };
    if (turn.scope === 'groupChat') return { allowed: false, code: 'GROUP_CHAT' };
    const { authorisation } = this.options;

    if (turn.scope === 'channel') {
      const groupId = turn.teamId ? await this.groupIdOf(context, turn) : undefined;
      if (!groupId || !authorisation.isSafeguardingTeam(groupId)) {
        return { allowed: false, code: 'NOT_SAFEGUARDING_TEAM' };
      }
      if (!turn.userAadObjectId) return { allowed: false, code: 'NOT_A_MEMBER' };
      const principal = { tenantId, objectId: turn.userAadObjectId };
      const school = await authorisation.schoolFor(principal, groupId);
      if (!school) return { allowed: false, code: 'NOT_A_MEMBER' };
      return { allowed: true, schoolId: school.schoolId, actor: actorOf(principal) };
    }

    const installed = new Set(
      (await this.options.registry.list())
        .filter(
          (i) =>
            i.scope === 'channel' &&
            i.teamAadGroupId &&
            authorisation.isSafeguardingTeam(i.teamAadGroupId) &&
            i.tenantId?.toLowerCase() === tenantId,
        )
        .map((i) => i.teamAadGroupId!.toLowerCase()),
    );
    if (installed.size === 0) return { allowed: false, code: 'NO_SAFEGUARDING_TEAM_INSTALLED' };
    if (!turn.userAadObjectId) return { allowed: false, code: 'NOT_A_MEMBER' };
    const principal = { tenantId, objectId: turn.userAadObjectId };
    const school = (await authorisation.schoolsOf(principal)).find((s) => installed.has(s.teamId));
    if (!school) return { allowed: false, code: 'NOT_A_MEMBER' };
    return { allowed: true, schoolId: school.schoolId, actor: actorOf(principal) };
  }

  private async groupIdOf(context: TurnContext, turn: TurnInfo): Promise<string | undefined> {
    if (turn.teamAadGroupId) return turn.teamAadGroupId;
    const teamId = turn.teamId!;
    return this.groupIds.getOrLoad(teamId, async () => {
      const known = (await this.options.registry.findTeam(teamId))?.teamAadGroupId;
      const value =
        known ?? (await (this.options.directory ?? connectorTeamDirectory).aadGroupIdOf(context, teamId));
      return { value, expiresAt: (this.options.now ?? Date.now)() + (value ? GROUP_ID_TTL_MS : 0) };
    });
  }
}

/** Users are named by tenant and object id only, as the API's authenticator names them. */
function actorOf(principal: { tenantId: string; objectId: string }): Actor {
  return { id: `${principal.tenantId}/${principal.objectId}`, kind: 'user' };
}
