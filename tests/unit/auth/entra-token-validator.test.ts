import { randomUUID } from 'node:crypto';
import { EntraTokenValidator, TokenRejectedError } from '../../../bot/src/auth/entra-token-validator.js';
import { OpenIdKeys } from '../../../bot/src/auth/openid-keys.js';
import { UpstreamError } from '../../../core/index.js';
import { FakeEntra, newSigningKey } from '../../fakes/entra/fake-entra.js';
import { badTokens } from '../../helpers/bad-tokens.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  CLIENT_SECRET,
  FOREIGN_TENANT,
  OTHER_ALLOWED_TENANT,
  TENANT,
  userId,
} from '../../helpers/m365-app.js';

describe('EntraTokenValidator (jose, keys from a loopback OpenID document)', () => {
  let entra: FakeEntra;
  beforeEach(async () => {
    entra = await FakeEntra.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appIdUri: APP_ID_URI });
  });
  afterEach(() => entra.close());

  function validator(keyOptions: Partial<ConstructorParameters<typeof OpenIdKeys>[0]> = {}) {
    const keys = new OpenIdKeys({ metadataUrl: entra.metadataUrlFor('organizations'), ...keyOptions });
    return new EntraTokenValidator({
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      allowedTenantIds: [TENANT, OTHER_ALLOWED_TENANT],
      getKey: keys.getKey,
    });
  }

  const user = { tid: TENANT, oid: userId(1) };
  const now = () => Math.floor(Date.now() / 1000);
  const reasonOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (e: unknown) => (e instanceof TokenRejectedError ? e.reason : `other: ${String(e)}`),
    );

  it('accepts a v2 token (login.microsoftonline.com issuer, client id audience) and names the user by tid + oid', async () => {
    const verified = await validator().validate(await entra.userToken({ ...user, name: 'Sam Jones' }));
    expect(verified).toEqual({
      tenantId: TENANT,
      objectId: userId(1),
      name: 'Sam Jones',
      scopes: ['access_as_user'],
    });
  });

  it('accepts a v1 token (sts.windows.net issuer, Application ID URI audience)', async () => {
    const token = await entra.userToken({ ...user, version: 'v1' });
    await expect(validator().validate(token)).resolves.toMatchObject({
      tenantId: TENANT,
      objectId: userId(1),
    });
  });

  it('accepts either audience form with either token version, and a scope list with other scopes', async () => {
    const v = validator();
    await expect(v.validate(await entra.userToken({ ...user, aud: APP_ID_URI }))).resolves.toBeDefined();
    await expect(
      v.validate(await entra.userToken({ ...user, version: 'v1', aud: CLIENT_ID })),
    ).resolves.toBeDefined();
    await expect(
      v.validate(await entra.userToken({ ...user, scp: 'User.Read access_as_user' })),
    ).resolves.toBeDefined();
  });

  it('accepts a user of another allowed tenant, with that tenant’s issuer only', async () => {
    const other = { tid: OTHER_ALLOWED_TENANT, oid: userId(2) };
    await expect(validator().validate(await entra.userToken(other))).resolves.toMatchObject({
      tenantId: OTHER_ALLOWED_TENANT,
    });
  });

  it('rejects every malformed, forged, stale or misdirected token, each for its own reason', async () => {
    const v = validator();
    const expected: Record<string, string> = {
      'malformed (not a JWT)': 'malformed',
      'malformed (three junk parts)': 'malformed',
      'alg "none"': 'algorithm',
      'HS256 signed with the public key': 'algorithm',
      'RS384 (not on the allow-list) with the right key': 'algorithm',
      'wrong key, real key id': 'signature',
      'wrong key, unknown key id': 'unknown_key',
      'signature tampered (claims changed after signing)': 'signature',
      expired: 'expired',
      'not yet valid': 'not_yet_valid',
      'wrong audience': 'audience',
      'Microsoft Graph audience': 'audience',
      'wrong issuer (another tenant’s issuer)': 'issuer',
      'wrong issuer (not Entra)': 'issuer',
      'tenant not allowed': 'tenant',
      'missing access_as_user': 'scope',
      'app-only token (roles, no scp)': 'scope',
      'no expiry': 'claims',
      'no object id': 'claims',
    };
    const bad = (await badTokens(entra, user)).filter(
      (t) => t.authorization?.startsWith('Bearer ') && t.name !== 'empty bearer',
    );
    expect(bad.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
    const reasons: Record<string, string> = {};
    for (const token of bad) reasons[token.name] = await reasonOf(v.validate(token.authorization!.slice(7)));
    expect(reasons).toEqual(expected);
  });

  it('allows a small clock skew (60 s) either side, and no more', async () => {
    const v = validator();
    const at = now();
    expect(await reasonOf(v.validate(await entra.userToken({ ...user, exp: at - 30 })))).toBe('accepted');
    expect(await reasonOf(v.validate(await entra.userToken({ ...user, nbf: at + 30 })))).toBe('accepted');
    expect(await reasonOf(v.validate(await entra.userToken({ ...user, exp: at - 90 })))).toBe('expired');
    expect(await reasonOf(v.validate(await entra.userToken({ ...user, nbf: at + 90 })))).toBe(
      'not_yet_valid',
    );
  });

  it('reads the discovery document and the key set once for many tokens', async () => {
    const v = validator();
    for (let i = 0; i < 20; i++) await v.validate(await entra.userToken(user));
    expect(entra.requests).toMatchObject({ metadata: 1, jwks: 1 });
  });

  it('follows Entra’s key roll: a token signed with a new key id makes it fetch the keys again', async () => {
    const v = validator({ keyRefreshCooldownMs: 0 });
    await v.validate(await entra.userToken(user));
    const rolled = entra.rotateKey({ dropOld: true });
    await expect(v.validate(await entra.userToken(user, { key: rolled }))).resolves.toBeDefined();
    expect(entra.requests.jwks).toBe(2);
  });

  it('does not let tokens with made-up key ids make it hammer Entra (one refresh per cooldown)', async () => {
    const v = validator();
    await v.validate(await entra.userToken(user));
    const stranger = newSigningKey();
    for (let i = 0; i < 25; i++) {
      const token = await entra.userToken(user, { key: stranger, kid: randomUUID() });
      expect(await reasonOf(v.validate(token))).toBe('unknown_key');
    }
    expect(entra.requests.jwks).toBe(1);
  });

  it('never fetches keys for a token from a tenant that is not allowed', async () => {
    const v = validator();
    expect(await reasonOf(v.validate(await entra.userToken({ tid: FOREIGN_TENANT, oid: userId(3) })))).toBe(
      'tenant',
    );
    expect(entra.requests).toMatchObject({ metadata: 0, jwks: 0 });
  });

  it('reports unreachable signing keys as an upstream failure, not as a bad token', async () => {
    const token = await entra.userToken(user);
    const keys = new OpenIdKeys({
      metadataUrl: 'http://127.0.0.1:9/organizations/v2.0/.well-known/openid-configuration',
      timeoutMs: 500,
    });
    const v = new EntraTokenValidator({
      clientId: CLIENT_ID,
      appIdUri: APP_ID_URI,
      allowedTenantIds: [TENANT],
      getKey: keys.getKey,
    });
    const error = await v.validate(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'SIGN_IN_UNAVAILABLE' });
  });

  it('keeps the keys it has when the discovery document briefly fails', async () => {
    const v = validator({ metadataMaxAgeMs: 0 });
    await v.validate(await entra.userToken(user));
    entra.metadataOutage = 503;
    await expect(v.validate(await entra.userToken(user))).resolves.toBeDefined();
    expect(entra.requests.metadata).toBe(2);
  });

  it('refuses a key set address that is not https when the discovery document came over https', () => {
    const keys = new OpenIdKeys({
      metadataUrl: 'https://login.microsoftonline.com/x/v2.0/.well-known/openid-configuration',
    });
    expect(keys['trustedKeysAddress']('http://login.microsoftonline.com/keys')).toBe(false);
    expect(keys['trustedKeysAddress']('https://login.microsoftonline.com/keys')).toBe(true);
  });
});
