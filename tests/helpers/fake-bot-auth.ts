import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import { SignJWT } from 'jose';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * The Bot Connector's side of authentication, owned by the test: an OpenID metadata endpoint with
 * signing keys (endorsed for msteams, as the real ones are) and a way to mint channel tokens with them.
 */
export async function startFakeBotAuth(): Promise<{
  metadataUrl: string;
  /** A channel token, valid unless `overrides` say otherwise. */
  token(serviceUrl: string, audience: string, overrides?: TokenOverrides): Promise<string>;
  close(): Promise<void>;
}> {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `kid-${randomUUID()}`;
  const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] };
  let base = '';
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` }));
    } else {
      res.end(JSON.stringify({ keys: [jwk] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/.well-known/openid-configuration`,
    async token(serviceUrl, audience, o = {}) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = { serviceurl: o.serviceUrl ?? serviceUrl, ...(o.claims ?? {}) };
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? kid, typ: 'JWT' })
        .setIssuer(o.issuer ?? CHANNEL_ISSUER)
        .setAudience(o.audience ?? audience)
        .setIssuedAt(now - 60)
        .setNotBefore(o.notBefore ?? now - 60)
        .setExpirationTime(o.expires ?? now + 3600);
      jwt = jwt.setJti(randomUUID());
      return jwt.sign(o.key ?? signing.privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TokenOverrides {
  kid?: string;
  key?: KeyObject;
  issuer?: string;
  audience?: string;
  serviceUrl?: string;
  notBefore?: number;
  expires?: number;
  claims?: Record<string, unknown>;
}

/** Outbound credentials that sign replies without reaching Entra (no network here). */
export class OfflineCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<any> {
    // The connector only calls signRequest on what this returns (a ServiceClientCredentials).
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('Authorization', 'Bearer fake-outbound');
        return request;
      },
    };
  }
}

/** A token with no signature at all (`alg: none`). */
export function unsignedToken(serviceUrl: string, audience: string, kid: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', kid, typ: 'JWT' })}.${part({ iss: CHANNEL_ISSUER, aud: audience, serviceurl: serviceUrl, exp: now + 3600, nbf: now - 60 })}.`;
}

export function otherKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
