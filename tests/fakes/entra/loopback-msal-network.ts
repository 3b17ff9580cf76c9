import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { ENTRA_HOST } from './fake-entra.js';

/**
 * MSAL's transport, pointed at the loopback fake. msal-node insists on https authorities, so the app
 * keeps its real Entra addresses and only the transport changes, as Microsoft's SDK teams recommend
 * for testing against a fake STS. Anything not addressed to Entra fails loudly: no test reaches out.
 */
export class LoopbackMsalNetwork implements INetworkModule {
  readonly calls: { method: string; url: string }[] = [];

  constructor(private readonly fakeUrl: string) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    if (!url.startsWith(`${ENTRA_HOST}/`))
      throw new Error(`test network: refusing ${method} to a non-Entra address`);
    this.calls.push({ method, url });
    const response = await fetch(this.fakeUrl + url.slice(ENTRA_HOST.length), {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { headers, body: (await response.json()) as T, status: response.status };
  }
}
