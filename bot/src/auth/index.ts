export { EntraAuthenticator, NOT_A_MEMBER, type EntraAuthenticatorDeps } from './entra-authenticator.js';
export {
  EntraTokenValidator,
  TokenRejectedError,
  type EntraTokenValidatorOptions,
  type TokenRejection,
  type VerifiedToken,
} from './entra-token-validator.js';
export { ExpiringCache, type Expiring } from './expiring-cache.js';
export {
  CONSENT_REQUIRED,
  MsalGraphTokenService,
  type GraphTokenService,
  type MsalGraphTokenServiceOptions,
} from './graph-token-service.js';
export { OpenIdKeys, type OpenIdKeysOptions } from './openid-keys.js';
export { schoolIdOf } from './school-id.js';
export {
  GraphTeamMembership,
  type GraphTeamMembershipOptions,
  type Principal,
  type TeamMembership,
} from './team-membership.js';
export {
  Authorisation,
  defaultAuthorisationPolicy,
  type AuthorisationOptions,
  type AuthorisationPolicy,
  type SchoolGrant,
} from './authorisation.js';
export { GraphTeamOwners, type GraphTeamOwnersOptions, type TeamOwnership } from './team-owners.js';
