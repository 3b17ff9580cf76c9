import { SignJWT } from 'jose';
import { newSigningKey, type FakeEntra } from '../fakes/entra/fake-entra.js';
import { FOREIGN_TENANT, OTHER_ALLOWED_TENANT } from './m365-app.js';

export interface BadToken {
  name: string;
  /** The Authorization header to send; undefined sends none. */
  authorization: string | undefined;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens a server must refuse, each wrong in exactly one way, built for a user who is otherwise
 * entitled (right tenant, member of a team), so a refusal can only be due to the defect named.
 */
export async function badTokens(entra: FakeEntra, user: { tid: string; oid: string }): Promise<BadToken[]> {
  const now = Math.floor(Date.now() / 1000);
  const good = { tid: user.tid, oid: user.oid };
  const key = entra.signingKey;
  const bearer = (token: string) => `Bearer ${token}`;
  const stranger = newSigningKey();
  const payloadOf = async () =>
    JSON.parse(Buffer.from((await entra.userToken(good)).split('.')[1]!, 'base64url').toString());

  return [
    { name: 'missing', authorization: undefined },
    { name: 'empty bearer', authorization: 'Bearer ' },
    { name: 'not a bearer scheme', authorization: `Basic ${Buffer.from('dsl:password').toString('base64')}` },
    { name: 'malformed (not a JWT)', authorization: bearer('not-a-jwt') },
    { name: 'malformed (three junk parts)', authorization: bearer('aaaa.bbbb.cccc') },
    {
      name: 'alg "none"',
      authorization: bearer(`${b64({ alg: 'none', typ: 'JWT', kid: key.kid })}.${b64(await payloadOf())}.`),
    },
    {
      name: 'HS256 signed with the public key',
      authorization: bearer(
        await new SignJWT(await payloadOf())
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
          .sign(new Uint8Array(key.publicKey.export({ type: 'spki', format: 'pem' }) as Buffer)),
      ),
    },
    {
      name: 'RS384 (not on the allow-list) with the right key',
      authorization: bearer(
        await new SignJWT(await payloadOf())
          .setProtectedHeader({ alg: 'RS384', typ: 'JWT', kid: key.kid })
          .sign(key.privateKey),
      ),
    },
    {
      name: 'wrong key, real key id',
      authorization: bearer(await entra.userToken(good, { key: stranger, kid: key.kid })),
    },
    {
      name: 'wrong key, unknown key id',
      authorization: bearer(await entra.userToken(good, { key: stranger })),
    },
    {
      name: 'signature tampered (claims changed after signing)',
      authorization: bearer(
        tamper(await entra.userToken(good), { oid: '00000000-0000-4000-8000-0000000000ff' }),
      ),
    },
    {
      name: 'expired',
      authorization: bearer(
        await entra.userToken({ ...good, iat: now - 4200, nbf: now - 4200, exp: now - 600 }),
      ),
    },
    {
      name: 'not yet valid',
      authorization: bearer(await entra.userToken({ ...good, nbf: now + 600, exp: now + 4200 })),
    },
    {
      name: 'wrong audience',
      authorization: bearer(await entra.userToken({ ...good, aud: 'api://someone-else' })),
    },
    {
      name: 'Microsoft Graph audience',
      authorization: bearer(await entra.userToken({ ...good, aud: '00000003-0000-0000-c000-000000000000' })),
    },
    {
      name: 'wrong issuer (another tenant’s issuer)',
      authorization: bearer(
        await entra.userToken({
          ...good,
          iss: `https://login.microsoftonline.com/${OTHER_ALLOWED_TENANT}/v2.0`,
        }),
      ),
    },
    {
      name: 'wrong issuer (not Entra)',
      authorization: bearer(await entra.userToken({ ...good, iss: 'https://login.example.com/v2.0' })),
    },
    {
      name: 'tenant not allowed',
      authorization: bearer(await entra.userToken({ ...good, tid: FOREIGN_TENANT })),
    },
    {
      name: 'missing access_as_user',
      authorization: bearer(await entra.userToken({ ...good, scp: 'User.Read openid' })),
    },
    {
      name: 'app-only token (roles, no scp)',
      authorization: bearer(await entra.userToken({ ...good, roles: ['Sites.Selected'] }, { omit: ['scp'] })),
    },
    { name: 'no expiry', authorization: bearer(await entra.userToken(good, { omit: ['exp'] })) },
    { name: 'no object id', authorization: bearer(await entra.userToken(good, { omit: ['oid'] })) },
  ];
}

/** Changes claims without re-signing, as an attacker editing a captured token would. */
function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...claims };
  return `${header}.${b64(changed)}.${signature}`;
}
