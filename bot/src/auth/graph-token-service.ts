import { createHash } from 'node:crypto';
import {
  ConfidentialClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  ServerError,
  type AuthenticationResult,
  type INetworkModule,
} from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { AuthenticationError, UpstreamError } from '../../../core/index.js';
import type { Logger } from '../logger.js';
import { ExpiringCache, type Expiring } from './expiring-cache.js';

/**
 * Graph access tokens for the app. `forUser` exchanges the caller's own token on their behalf
 * (delegated: the app can never exceed what that user may see in SharePoint); `forApp` is app-only,
 * for background work such as the bot's review reminders.
 */
export interface GraphTokenService {
  /** @throws AuthenticationError (`CONSENT_REQUIRED`, `UNAUTHENTICATED`), UpstreamError */
  forUser(assertion: string): Promise<string>;
  /** @throws UpstreamError */
  forApp(tenantId?: string): Promise<string>;
}

export const CONSENT_REQUIRED = 'CONSENT_REQUIRED';

export interface MsalGraphTokenServiceOptions {
  clientId: string;
  clientSecret: string;
  /** The app's home tenant: app-only tokens are issued there unless another tenant is named. */
  tenantId: string;
  logger: Logger;
  authorityHost?: string;
  /** `.default` asks for every delegated permission the app has been granted, as OBO expects. */
  scopes?: readonly string[];
  /** Tokens are renewed this long before they expire, so a request never starts with a dying token. */
  renewBeforeSeconds?: number;
  maxCachedUsers?: number;
  /** Replaces MSAL's HTTP client; tests route Entra's https addresses to a loopback fake with it. */
  networkClient?: INetworkModule;
}

const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** The server's answers that mean "the user must consent, sign in again or pass MFA": the client can fix it. */
const USER_ACTION_ERRORS = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'login_required',
]);

const TENANT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GraphTokenService on @azure/msal-node. Tokens are kept in our own bounded cache, keyed by a hash of
 * the user's token (never by a name), until shortly before they expire. MSAL's built-in cache is
 * bypassed and emptied after each exchange: it keeps every on-behalf-of token forever, which in a
 * long-running server with many users is a slow memory leak.
 */
export class MsalGraphTokenService implements GraphTokenService {
  private readonly client: ConfidentialClientApplication;
  private readonly authorityHost: string;
  private readonly scopes: string[];
  private readonly renewBeforeMs: number;
  private readonly userTokens: ExpiringCache<string>;
  private readonly appTokens = new ExpiringCache<string>(100);
  private readonly logger: Logger;

  constructor(private readonly options: MsalGraphTokenServiceOptions) {
    this.authorityHost = (options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/$/, '');
    this.scopes = [...(options.scopes ?? [GRAPH_DEFAULT_SCOPE])];
    this.renewBeforeMs = (options.renewBeforeSeconds ?? 300) * 1000;
    this.userTokens = new ExpiringCache<string>(options.maxCachedUsers ?? 5_000);
    this.logger = options.logger.child({ component: 'graph-tokens' });
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority: `${this.authorityHost}/${options.tenantId}`,
      },
      system: {
        ...(options.networkClient ? { networkClient: options.networkClient } : {}),
        loggerOptions: {
          logLevel: LogLevel.Error,
          piiLoggingEnabled: false,
          loggerCallback: () => undefined,
        },
      },
    });
  }

  async forUser(assertion: string): Promise<string> {
    const tenantId = tenantOf(assertion);
    const key = createHash('sha256').update(assertion).digest('base64url');
    return this.userTokens.getOrLoad(key, () =>
      this.acquire('user', () =>
        this.client.acquireTokenOnBehalfOf({
          oboAssertion: assertion,
          scopes: this.scopes,
          // OBO must run in the user's own tenant (the app may serve several).
          authority: `${this.authorityHost}/${tenantId}`,
          skipCache: true,
        }),
      ),
    );
  }

  async forApp(tenantId: string = this.options.tenantId): Promise<string> {
    if (!TENANT.test(tenantId)) throw new UpstreamError('GRAPH_TOKEN_FAILED', 'Not a tenant id.');
    return this.appTokens.getOrLoad(tenantId.toLowerCase(), () =>
      this.acquire('app', () =>
        this.client.acquireTokenByClientCredential({
          scopes: this.scopes,
          authority: `${this.authorityHost}/${tenantId}`,
          skipCache: true,
        }),
      ),
    );
  }

  private async acquire(
    kind: 'user' | 'app',
    request: () => Promise<AuthenticationResult | null>,
  ): Promise<Expiring<string>> {
    let result: AuthenticationResult | null;
    try {
      result = await request();
    } catch (error) {
      throw this.mapError(kind, error);
    } finally {
      this.client.clearCache();
    }
    if (!result?.accessToken) {
      throw new UpstreamError('GRAPH_TOKEN_FAILED', 'Microsoft 365 did not issue a token.');
    }
    const expiresOn = result.expiresOn?.getTime() ?? Date.now();
    return { value: result.accessToken, expiresAt: expiresOn - this.renewBeforeMs };
  }

  private mapError(kind: 'user' | 'app', error: unknown): Error {
    const code =
      error instanceof ServerError || error instanceof InteractionRequiredAuthError ? error.errorCode : '';
    const subError =
      error instanceof ServerError || error instanceof InteractionRequiredAuthError ? error.subError : '';
    const userCanFix =
      kind === 'user' &&
      (error instanceof InteractionRequiredAuthError ||
        USER_ACTION_ERRORS.has(code) ||
        USER_ACTION_ERRORS.has(subError));
    this.logger.warn({ err: error, kind, code, subError, userCanFix }, 'token exchange failed');
    if (userCanFix) {
      return new AuthenticationError(
        CONSENT_REQUIRED,
        'Microsoft 365 needs you to approve this app or sign in again before it can open your school’s records.',
      );
    }
    return new UpstreamError('GRAPH_TOKEN_FAILED', 'Microsoft 365 sign-in is not answering.', error);
  }
}

/** The tenant of a token the authenticator has already validated; OBO is asked of that tenant. */
function tenantOf(assertion: string): string {
  let tid: unknown;
  try {
    tid = decodeJwt(assertion).tid;
  } catch {
    tid = undefined;
  }
  if (typeof tid !== 'string' || !TENANT.test(tid)) throw new AuthenticationError();
  return tid.toLowerCase();
}
