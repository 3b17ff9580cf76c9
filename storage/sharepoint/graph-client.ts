import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import {
  BearerTokenMiddleware,
  defaultRetryPolicy,
  ResilienceMiddleware,
  UserAgentMiddleware,
  type ResilienceOptions,
  type RetryPolicy,
} from './graph-middleware.js';

export interface GraphClientOptions {
  /** https://graph.microsoft.com in production; the local fake's address in tests. */
  baseUrl: string;
  /** A delegated (on-behalf-of) or app-only token; called before every attempt. */
  getAccessToken: () => Promise<string>;
  /** Product and version, e.g. `hsb-assistant/0.1.0`; decorated as SharePoint asks. */
  product: string;
  retry?: Partial<RetryPolicy>;
  random?: ResilienceOptions['random'];
  sleep?: ResilienceOptions['sleep'];
  onRetry?: ResilienceOptions['onRetry'];
}

export const GRAPH_VERSION = 'v1.0';

/** Traffic decoration SharePoint uses to attribute (and throttle fairly) an app's requests. */
export function graphUserAgent(product: string): string {
  return `NONISV|HSB Safeguarding Assistant|${product}`;
}

/**
 * The only place a Microsoft Graph client is built. The middleware chain is ours end to end: bearer
 * token on every attempt, a decorated User-Agent, per-attempt timeouts and throttling-aware retries,
 * then the SDK's fetch handler.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    defaultVersion: GRAPH_VERSION,
    middleware: [
      new BearerTokenMiddleware(options.getAccessToken),
      new UserAgentMiddleware(graphUserAgent(options.product)),
      new ResilienceMiddleware({
        policy,
        ...(options.random ? { random: options.random } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {}),
      }),
      new HTTPMessageHandler(),
    ],
  });
}
