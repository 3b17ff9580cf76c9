import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type Configuration,
} from '@azure/msal-browser';
import type { MsalClient, MsalResult, MsalTokenRequest } from '../../../core/api/browser-sign-in';

/**
 * The tab's only import of @azure/msal-browser. Everything else takes an MsalClient (or this
 * module's functions as a parameter), so tests pass a fake in its place.
 */
export interface TabMsal {
  /** A client brokered by the host (nested app authentication); call only where Teams recommends it. */
  nested(config: Configuration): Promise<MsalClient>;
  /**
   * The sign-in window's half of a redirect: the token when this page is MSAL's return from Entra,
   * otherwise it sends the window to Entra (and never resolves).
   */
  redirect(config: Configuration, request: MsalTokenRequest): Promise<MsalResult>;
}

export const tabMsal: TabMsal = {
  async nested(config) {
    return (await createNestablePublicClientApplication(config)) as unknown as MsalClient;
  },
  async redirect(config, request) {
    const client = await createStandardPublicClientApplication(config);
    const result = await client.handleRedirectPromise();
    if (result) return result;
    await client.acquireTokenRedirect(request as Parameters<typeof client.acquireTokenRedirect>[0]);
    return new Promise<never>(() => undefined);
  },
};
