import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { UpstreamError } from '../../../core/index.js';

export interface OpenIdKeysOptions {
  /** The OpenID Connect discovery document, e.g. Entra's `.../v2.0/.well-known/openid-configuration`. */
  metadataUrl: string;
  /** How long the discovery document is trusted before it is read again. */
  metadataMaxAgeMs?: number;
  /** After a key set download, no other for this long, even for an unknown key id (limits abuse). */
  keyRefreshCooldownMs?: number;
  /** Keys are downloaded again after this long even when every key id is known (Entra rotates keys). */
  keysMaxAgeMs?: number;
  timeoutMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Entra's signing keys, found through the OpenID discovery document. jose caches the key set and
 * fetches it again when a token names a key id it has not seen (Entra rolls keys without notice), at
 * most once per cooldown, so tokens with made-up key ids cannot make us hammer Entra.
 */
export class OpenIdKeys {
  private readonly options: Required<OpenIdKeysOptions>;
  private keySet: { getKey: JWTVerifyGetKey; loadedAt: number; jwksUri: string } | undefined;
  private loading: Promise<JWTVerifyGetKey> | undefined;

  constructor(options: OpenIdKeysOptions) {
    this.options = {
      metadataMaxAgeMs: DAY_MS,
      keyRefreshCooldownMs: 30_000,
      keysMaxAgeMs: 60 * 60 * 1000,
      timeoutMs: 5_000,
      ...options,
    };
  }

  /** For jose's jwtVerify. */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    const getKey = await this.current();
    return getKey(header, token);
  };

  private async current(): Promise<JWTVerifyGetKey> {
    const set = this.keySet;
    if (set && Date.now() - set.loadedAt < this.options.metadataMaxAgeMs) return set.getKey;
    this.loading ??= this.discover().finally(() => {
      this.loading = undefined;
    });
    try {
      return await this.loading;
    } catch (error) {
      // Entra's discovery endpoint being briefly unreachable must not sign everyone out.
      if (set) return set.getKey;
      throw error;
    }
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    let jwksUri: unknown;
    try {
      const response = await fetch(this.options.metadataUrl, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) throw new Error(`OpenID metadata answered ${response.status}`);
      jwksUri = ((await response.json()) as { jwks_uri?: unknown }).jwks_uri;
    } catch (error) {
      throw new UpstreamError('SIGN_IN_UNAVAILABLE', 'Sign-in cannot be checked right now.', error);
    }
    if (!this.trustedKeysAddress(jwksUri)) {
      throw new UpstreamError('SIGN_IN_UNAVAILABLE', 'Sign-in cannot be checked right now.');
    }
    const previous = this.keySet;
    const getKey =
      previous && previous.jwksUri === jwksUri
        ? previous.getKey
        : createRemoteJWKSet(new URL(jwksUri), {
            cooldownDuration: this.options.keyRefreshCooldownMs,
            cacheMaxAge: this.options.keysMaxAgeMs,
            timeoutDuration: this.options.timeoutMs,
          });
    this.keySet = { getKey, loadedAt: Date.now(), jwksUri };
    return getKey;
  }

  /** Keys come over https, or over http only when the discovery document itself did (a loopback fake). */
  private trustedKeysAddress(value: unknown): value is string {
    if (typeof value !== 'string' || !URL.canParse(value)) return false;
    const protocol = new URL(value).protocol;
    return (
      protocol === 'https:' ||
      (protocol === 'http:' && new URL(this.options.metadataUrl).protocol === 'http:')
    );
  }
}
