import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UpstreamError } from '../../../core/index.js';

/** Why a token was refused: logged as a code (never the token), so sign-in problems can be diagnosed. */
export type TokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'unknown_key'
  | 'expired'
  | 'not_yet_valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'claims';

export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejection) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/** A token that passed every check. Users are known by tenant + object id, never by name or email. */
export interface VerifiedToken {
  tenantId: string;
  objectId: string;
  /** For display only (the `name` claim); never used to decide anything. */
  name: string | undefined;
  scopes: readonly string[];
}

export interface EntraTokenValidatorOptions {
  /** The app's client id (v2 tokens carry it as `aud`). */
  clientId: string;
  /** The app's Application ID URI, e.g. `api://hsb.example.org/<client id>` (v1 tokens carry it as `aud`). */
  appIdUri: string;
  allowedTenantIds: readonly string[];
  getKey: JWTVerifyGetKey;
  /** The delegated scope the tab and add-in request; app-only tokens (no `scp`) never pass. */
  requiredScope?: string;
  clockToleranceSeconds?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Entra signs access tokens with RS256 only; anything else (none, HS256, ES256...) is refused. */
const ALGORITHMS = ['RS256'];

/** Bigger than any real Entra access token; refusing early keeps junk headers cheap. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/**
 * Validates the access tokens the Teams tab (Teams SSO) and the Word add-in (Office SSO) send. Entra
 * issues v2 tokens (`iss` https://login.microsoftonline.com/{tid}/v2.0, `aud` = client id) or v1
 * tokens (`iss` https://sts.windows.net/{tid}/, `aud` = Application ID URI) depending on the app
 * registration's `requestedAccessTokenVersion`, so both forms are accepted — each only for the tenant
 * the token itself names, and only for allowed tenants.
 */
export class EntraTokenValidator {
  private readonly audiences: string[];
  private readonly tenants: ReadonlySet<string>;
  private readonly requiredScope: string;
  private readonly clockTolerance: number;

  constructor(private readonly options: EntraTokenValidatorOptions) {
    this.audiences = [options.clientId, options.appIdUri];
    this.tenants = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
    this.requiredScope = options.requiredScope ?? 'access_as_user';
    this.clockTolerance = options.clockToleranceSeconds ?? 60;
  }

  /** @throws TokenRejectedError, UpstreamError (the keys cannot be fetched) */
  async validate(token: string): Promise<VerifiedToken> {
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenRejectedError('malformed');
    const unverifiedTenant = this.precheck(token);

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.options.getKey, {
        algorithms: ALGORITHMS,
        audience: this.audiences,
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
      }));
    } catch (error) {
      throw classify(error);
    }

    const tenantId = stringClaim(payload, 'tid');
    const objectId = stringClaim(payload, 'oid');
    if (!GUID.test(tenantId) || !GUID.test(objectId) || tenantId !== unverifiedTenant) {
      throw new TokenRejectedError('claims');
    }
    const issuers = [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ];
    if (!issuers.includes(String(payload.iss))) throw new TokenRejectedError('issuer');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    if (!scopes.includes(this.requiredScope)) throw new TokenRejectedError('scope');

    return {
      tenantId,
      objectId,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      scopes,
    };
  }

  /**
   * Cheap checks on the unverified token so junk and other tenants' tokens never cost a key lookup.
   * Nothing read here is trusted: the same claims are checked again after the signature.
   */
  private precheck(token: string): string {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new TokenRejectedError('malformed');
    }
    if (header.alg === undefined || !ALGORITHMS.includes(header.alg))
      throw new TokenRejectedError('algorithm');
    if (typeof header.kid !== 'string' || header.kid === '') throw new TokenRejectedError('malformed');
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
    if (!this.tenants.has(tid)) throw new TokenRejectedError('tenant');
    return tid;
  }
}

function stringClaim(payload: JWTPayload, name: string): string {
  const value = payload[name];
  return typeof value === 'string' ? value.toLowerCase() : '';
}

const REJECTIONS: Record<string, TokenRejection> = {
  ERR_JWS_INVALID: 'malformed',
  ERR_JWT_INVALID: 'malformed',
  ERR_JOSE_NOT_SUPPORTED: 'malformed',
  ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'signature',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown_key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown_key',
  ERR_JWT_EXPIRED: 'expired',
};

const CLAIM_REJECTIONS: Record<string, TokenRejection> = {
  nbf: 'not_yet_valid',
  iat: 'not_yet_valid',
  aud: 'audience',
  iss: 'issuer',
};

/** jose's errors about the token are the caller's problem (401); anything else is Entra's or ours (503). */
function classify(error: unknown): Error {
  if (error instanceof UpstreamError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = String((error as { claim?: unknown }).claim);
    return new TokenRejectedError(CLAIM_REJECTIONS[claim] ?? 'claims');
  }
  const reason = typeof code === 'string' ? REJECTIONS[code] : undefined;
  if (reason) return new TokenRejectedError(reason);
  return new UpstreamError('SIGN_IN_UNAVAILABLE', 'Sign-in cannot be checked right now.', error);
}
