import type { Request } from 'restify';
import { AccessDeniedError, AuthenticationError, ValidationError } from '../../../core/index.js';
import {
  SAFEGUARDING_TEAM_HEADER,
  type Authenticator,
  type Caller,
  type Identity,
  type SchoolAccess,
} from '../http/authenticator.js';
import { correlationIdOf } from '../http/errors.js';
import type { Logger } from '../logger.js';
import { TokenRejectedError, type EntraTokenValidator } from './entra-token-validator.js';
import type { Authorisation } from './authorisation.js';

export interface EntraAuthenticatorDeps {
  validator: Pick<EntraTokenValidator, 'validate'>;
  /** The one access decision, shared with the bot. */
  authorisation: Pick<Authorisation, 'schoolsOf' | 'isDsl'>;
  logger: Logger;
}

interface SignedIn extends Identity {
  tenantId: string;
  objectId: string;
  userAssertion: string;
}

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i;
const TEAM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOT_A_MEMBER = 'NOT_A_MEMBER';

/**
 * Microsoft 365 mode: the bearer token from Teams or Office SSO proves who is calling; the shared
 * authorisation (membership of a configured safeguarding team) decides which school's records they may open. Work is done once per
 * request however many times a route asks.
 */
export class EntraAuthenticator implements Authenticator {
  private readonly identities = new WeakMap<Request, Promise<SignedIn>>();
  private readonly memberships = new WeakMap<Request, Promise<SchoolAccess[]>>();
  private readonly logger: Logger;

  constructor(private readonly deps: EntraAuthenticatorDeps) {
    this.logger = deps.logger.child({ component: 'auth' });
  }

  identify(req: Request): Promise<Identity> {
    return this.signedIn(req);
  }

  schools(req: Request): Promise<readonly SchoolAccess[]> {
    let pending = this.memberships.get(req);
    if (!pending) {
      pending = this.signedIn(req).then(async (user) => [
        ...(await this.deps.authorisation.schoolsOf({
          tenantId: user.tenantId,
          objectId: user.objectId,
          assertion: user.userAssertion,
        })),
      ]);
      this.memberships.set(req, pending);
    }
    return pending;
  }

  async authenticate(req: Request): Promise<Caller> {
    const user = await this.signedIn(req);
    const schools = await this.schools(req);
    const chosen = this.chooseSchool(req, schools);
    return {
      actor: user.actor,
      displayName: user.displayName,
      userAssertion: user.userAssertion,
      schoolId: chosen.schoolId,
    };
  }

  async isDsl(req: Request): Promise<boolean> {
    const user = await this.signedIn(req);
    const chosen = this.chooseSchool(req, await this.schools(req));
    if (!chosen.teamId) return false;
    return this.deps.authorisation.isDsl(
      { tenantId: user.tenantId, objectId: user.objectId, assertion: user.userAssertion },
      chosen.teamId,
    );
  }

  private chooseSchool(req: Request, schools: readonly SchoolAccess[]): SchoolAccess {
    if (schools.length === 0) {
      this.logger.info({ correlationId: correlationIdOf(req) }, 'caller is in no safeguarding team');
      throw notAMember();
    }
    const header = req.headers[SAFEGUARDING_TEAM_HEADER];
    if (header === undefined) {
      if (schools.length === 1) return schools[0]!;
      throw new ValidationError(
        'TEAM_REQUIRED',
        'You are in more than one safeguarding team: say which team this is for.',
        [{ path: SAFEGUARDING_TEAM_HEADER, problem: 'Give the group id of one of your safeguarding teams.' }],
      );
    }
    const teamId = typeof header === 'string' ? header.trim().toLowerCase() : '';
    if (!TEAM_ID.test(teamId)) {
      throw new ValidationError('INVALID_TEAM', 'The safeguarding team is not a group id.', [
        { path: SAFEGUARDING_TEAM_HEADER, problem: 'Give the group id of one of your safeguarding teams.' },
      ]);
    }
    const school = schools.find((s) => s.teamId === teamId);
    if (!school) throw notAMember();
    return school;
  }

  private signedIn(req: Request): Promise<SignedIn> {
    let pending = this.identities.get(req);
    if (!pending) {
      pending = this.verify(req);
      this.identities.set(req, pending);
    }
    return pending;
  }

  private async verify(req: Request): Promise<SignedIn> {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) {
      this.logger.info({ correlationId: correlationIdOf(req), reason: 'no_bearer' }, 'sign-in refused');
      throw new AuthenticationError();
    }
    const token = match[1]!;
    try {
      const verified = await this.deps.validator.validate(token);
      return {
        actor: { id: `${verified.tenantId}/${verified.objectId}`, kind: 'user' },
        displayName: verified.name ?? 'Signed-in user',
        tenantId: verified.tenantId,
        objectId: verified.objectId,
        userAssertion: token,
      };
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        this.logger.info({ correlationId: correlationIdOf(req), reason: error.reason }, 'sign-in refused');
        throw new AuthenticationError();
      }
      throw error;
    }
  }
}

function notAMember(): AccessDeniedError {
  return new AccessDeniedError(
    NOT_A_MEMBER,
    'You are signed in, but not as a member of a safeguarding team this app serves. Ask your designated safeguarding lead to add you to the team.',
  );
}
