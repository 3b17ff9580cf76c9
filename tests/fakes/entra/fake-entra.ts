import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, SignJWT, createLocalJWKSet, type JWK, type JWTPayload } from 'jose';

/**
 * A loopback stand-in for Microsoft Entra ID: OpenID discovery, signing keys (rotatable), and the
 * v2.0 token endpoint for on-behalf-of and client-credential grants, answering the way Entra does
 * (AADSTS error bodies, consent and MFA errors, invalid_client). It mints the SSO access tokens the
 * Teams tab and the Word add-in would send, signed with keys only this fake holds.
 */

export const ENTRA_HOST = 'https://login.microsoftonline.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as JWK;
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: 'sig', kty: 'RSA' } };
}

export interface FakeEntraOptions {
  clientId: string;
  clientSecret: string;
  appIdUri: string;
  /** Lifetime of the Graph tokens the token endpoint issues. */
  graphTokenSeconds?: number;
}

export interface IssuedGraphToken {
  kind: 'user' | 'app';
  tenantId: string;
  objectId?: string;
  expiresAt: number;
}

export interface UserTokenClaims {
  tid: string;
  oid: string;
  name?: string;
  /** `v2` (default) or `v1` token shape: issuer and audience forms differ. */
  version?: 'v1' | 'v2';
  [claim: string]: unknown;
}

interface ErrorReply {
  status: number;
  body: Record<string, unknown>;
}

export class FakeEntra {
  readonly requests = { metadata: 0, jwks: 0, token: 0, obo: 0, clientCredentials: 0 };
  readonly graphTokens = new Map<string, IssuedGraphToken>();
  /** Users (object ids) who have not consented: OBO answers AADSTS65001. */
  readonly consentRequired = new Set<string>();
  /** Users whose conditional access demands MFA: OBO answers AADSTS50076 with a claims challenge. */
  readonly mfaRequired = new Set<string>();
  /** Every token request fails with this status (Entra outage) while set. */
  outage: number | undefined;
  /** The discovery document answers this status while set. */
  metadataOutage: number | undefined;
  private keys: SigningKey[];
  private server!: Server;
  url = '';

  private constructor(private readonly options: FakeEntraOptions) {
    this.keys = [newSigningKey()];
  }

  static async start(options: FakeEntraOptions): Promise<FakeEntra> {
    const fake = new FakeEntra(options);
    fake.server = createServer((req, res) => {
      fake.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The discovery document the app is configured with (AAD_OPENID_METADATA_URL). */
  metadataUrlFor(tenant: string): string {
    return `${this.url}/${tenant}/v2.0/.well-known/openid-configuration`;
  }

  get signingKey(): SigningKey {
    return this.keys[this.keys.length - 1]!;
  }

  /** Entra's key roll: a new key signs from now on; the old one stays published unless dropped. */
  rotateKey(options: { dropOld?: boolean } = {}): SigningKey {
    const key = newSigningKey();
    this.keys = options.dropOld ? [key] : [...this.keys, key];
    return key;
  }

  /** An access token as Teams or Office SSO would send it for this app. */
  async userToken(
    claims: UserTokenClaims,
    options: { key?: SigningKey; kid?: string; expiresInSeconds?: number; omit?: string[] } = {},
  ): Promise<string> {
    const key = options.key ?? this.signingKey;
    const now = Math.floor(Date.now() / 1000);
    const { version = 'v2', ...rest } = claims;
    const payload: JWTPayload = {
      aud: version === 'v2' ? this.options.clientId : this.options.appIdUri,
      iss:
        version === 'v2'
          ? `https://login.microsoftonline.com/${claims.tid}/v2.0`
          : `https://sts.windows.net/${claims.tid}/`,
      iat: now,
      nbf: now,
      exp: now + (options.expiresInSeconds ?? 3600),
      scp: 'access_as_user',
      ver: version === 'v2' ? '2.0' : '1.0',
      name: 'Test User',
      azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      ...rest,
    };
    for (const claim of options.omit ?? []) delete payload[claim];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })
      .sign(key.privateKey);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const parts = url.pathname.split('/').filter(Boolean);
    const tenant = parts[0] ?? '';

    if (req.method === 'GET' && url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
      this.requests.metadata++;
      if (this.metadataOutage !== undefined)
        return json(res, this.metadataOutage, { error: 'temporarily_unavailable' });
      return json(res, 200, this.discovery(tenant));
    }
    if (req.method === 'GET' && url.pathname.endsWith('/discovery/v2.0/keys')) {
      this.requests.jwks++;
      return json(res, 200, { keys: this.keys.map((k) => k.publicJwk) });
    }
    if (req.method === 'GET' && url.pathname === '/common/discovery/instance') {
      return json(res, 200, {
        tenant_discovery_endpoint: `${ENTRA_HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: [
              'login.microsoftonline.com',
              'login.windows.net',
              'login.microsoft.com',
              'sts.windows.net',
            ],
          },
        ],
      });
    }
    if (req.method === 'POST' && url.pathname === `/${tenant}/oauth2/v2.0/token`) {
      this.requests.token++;
      const form = new URLSearchParams(await readBody(req));
      const reply = await this.token(tenant, form);
      return json(res, reply.status, reply.body);
    }
    json(res, 404, { error: 'not_found' });
  }

  private discovery(tenant: string): Record<string, unknown> {
    return {
      token_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${this.url}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'tid', 'oid'],
      kerberos_endpoint: `${ENTRA_HOST}/${tenant}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  private async token(tenant: string, form: URLSearchParams): Promise<ErrorReply> {
    if (this.outage !== undefined) {
      return aadError(this.outage, 'temporarily_unavailable', 90033, 'A transient error has occurred.');
    }
    if (
      form.get('client_id') !== this.options.clientId ||
      form.get('client_secret') !== this.options.clientSecret
    ) {
      return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
    const grant = form.get('grant_type');
    const expiresIn = this.options.graphTokenSeconds ?? 3600;
    if (grant === 'client_credentials') {
      this.requests.clientCredentials++;
      const accessToken = this.issue({
        kind: 'app',
        tenantId: tenant,
        expiresAt: Date.now() + expiresIn * 1000,
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: expiresIn,
          ext_expires_in: expiresIn,
          access_token: accessToken,
        },
      };
    }
    if (
      grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
      form.get('requested_token_use') === 'on_behalf_of'
    ) {
      this.requests.obo++;
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(
          form.get('assertion') ?? '',
          createLocalJWKSet({ keys: this.keys.map((k) => k.publicJwk) }),
          {
            audience: [this.options.clientId, this.options.appIdUri],
            algorithms: ['RS256'],
          },
        ));
      } catch {
        return aadError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
      }
      const oid = String(claims.oid);
      if (String(claims.tid) !== tenant) {
        return aadError(400, 'invalid_grant', 50013, 'Assertion audience does not match the tenant.');
      }
      if (this.consentRequired.has(oid)) {
        return aadError(
          400,
          'invalid_grant',
          65001,
          'The user or administrator has not consented to use the application.',
          {
            suberror: 'consent_required',
          },
        );
      }
      if (this.mfaRequired.has(oid)) {
        return aadError(
          400,
          'interaction_required',
          50076,
          'Due to a configuration change made by your administrator, you must use multi-factor authentication.',
          {
            claims:
              '{"access_token":{"capolids":{"essential":true,"values":["00000000-0000-0000-0000-000000000001"]}}}',
            suberror: 'basic_action',
          },
        );
      }
      const accessToken = this.issue({
        kind: 'user',
        tenantId: tenant,
        objectId: oid,
        expiresAt: Date.now() + expiresIn * 1000,
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          scope: 'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Sites.Selected',
          expires_in: expiresIn,
          ext_expires_in: expiresIn,
          access_token: accessToken,
        },
      };
    }
    return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
  }

  private issue(token: IssuedGraphToken): string {
    const value = `fake-graph.${randomBytes(24).toString('base64url')}`;
    this.graphTokens.set(value, token);
    return value;
  }
}

function aadError(
  status: number,
  error: string,
  code: number,
  description: string,
  extra: Record<string, unknown> = {},
): ErrorReply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: traceId,
      correlation_id: correlationId,
      ...extra,
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
