import type { Request } from 'restify';
import type { Actor } from '../../../core/index.js';

/** Who is calling and which school's records they act on. Decided on the server, per request. */
export interface Caller {
  actor: Actor;
  schoolId: string;
  displayName: string;
  /** The validated bearer token, kept only for on-behalf-of calls; never logged or stored. */
  userAssertion?: string;
}

export interface Authenticator {
  /** @throws AuthenticationError, AccessDeniedError */
  authenticate(req: Request): Promise<Caller>;
}

export const LOCAL_SCHOOL_ID = 'local';

/**
 * Local mode has no sign-in: every request is the same fixed local user, shown as such. This is safe
 * only because local mode refuses to listen on anything but a loopback address (config.ts).
 */
export class LocalAuthenticator implements Authenticator {
  async authenticate(): Promise<Caller> {
    return {
      actor: { id: 'local-user', kind: 'local' },
      schoolId: LOCAL_SCHOOL_ID,
      displayName: 'Local user (no sign-in)',
    };
  }
}
