import type { Request } from 'restify';
import type { Actor } from '../../../core/index.js';

/** Who is calling, as proved by sign-in alone (no decision yet about which records they may see). */
export interface Identity {
  actor: Actor;
  displayName: string;
  /** The validated bearer token, kept only for on-behalf-of calls; never logged or stored. */
  userAssertion?: string;
}

/** A school whose records the caller may work on: a tenant's safeguarding team (or `local`). */
export interface SchoolAccess {
  schoolId: string;
  /** The safeguarding team's Microsoft 365 group id; absent in local mode. */
  teamId?: string;
}

/** Who is calling and which school's records they act on. Decided on the server, per request. */
export interface Caller extends Identity {
  schoolId: string;
}

/**
 * A caller in more than one safeguarding team (a trust's central DSL, say) names the team a request
 * is for in this header, with the team's group id; the tab knows it from the Teams context.
 */
export const SAFEGUARDING_TEAM_HEADER = 'x-safeguarding-team';

export interface Authenticator {
  /** Sign-in only. @throws AuthenticationError, UpstreamError */
  identify(req: Request): Promise<Identity>;
  /** The schools the caller may see (possibly none). @throws as identify, and UpstreamError */
  schools(req: Request): Promise<readonly SchoolAccess[]>;
  /**
   * Sign-in and the school this request acts on.
   * @throws AuthenticationError, AccessDeniedError (`NOT_A_MEMBER`), ValidationError (`TEAM_REQUIRED`)
   */
  authenticate(req: Request): Promise<Caller>;
  /** Whether the caller is the designated safeguarding lead of the school the request acts on. */
  isDsl(req: Request): Promise<boolean>;
}

export const LOCAL_SCHOOL_ID = 'local';

/** How local mode's one user is named wherever a name is shown (the people picker, sign-off). */
export const LOCAL_USER_NAME = 'Local user (no sign-in)';

const LOCAL_IDENTITY: Identity = {
  actor: { id: 'local-user', kind: 'local' },
  displayName: LOCAL_USER_NAME,
};

/**
 * Local mode has no sign-in: every request is the same fixed local user, shown as such. This is safe
 * only because local mode refuses to listen on anything but a loopback address (config.ts, app.ts).
 */
export class LocalAuthenticator implements Authenticator {
  async identify(): Promise<Identity> {
    return LOCAL_IDENTITY;
  }

  async schools(): Promise<readonly SchoolAccess[]> {
    return [{ schoolId: LOCAL_SCHOOL_ID }];
  }

  async authenticate(): Promise<Caller> {
    return { ...LOCAL_IDENTITY, schoolId: LOCAL_SCHOOL_ID };
  }

  /** The one local user keeps the records on their own machine, so they are their DSL. */
  async isDsl(): Promise<boolean> {
    return true;
  }
}
