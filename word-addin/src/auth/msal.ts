import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type Configuration,
} from '@azure/msal-browser';
import type { MsalClient, MsalResult, MsalTokenRequest } from '../../../core/api/browser-sign-in.js';

/**
 * The task pane's only import of @azure/msal-browser. Everything else takes an MsalClient (or this
 * module's functions as a parameter), so tests pass a fake in its place.
 */
export interface PaneMsal {
  /** A client brokered by Office (nested app authentication); only where Office supports it. */
  nested(config: Configuration): Promise<MsalClient>;
  /** A standard client for a plain browser (preview mode), signing in with a pop-up. */
  standard(config: Configuration): Promise<MsalClient>;
  /**
   * The sign-in page's half of a redirect: the token when the page is MSAL's return from Entra,
   * otherwise it sends the page to Entra (and never resolves).
   */
  redirect(config: Configuration, request: MsalTokenRequest): Promise<MsalResult>;
}

export const paneMsal: PaneMsal = {
  async nested(config) {
    return (await createNestablePublicClientApplication(config)) as unknown as MsalClient;
  },
  async standard(config) {
    return (await createStandardPublicClientApplication(config)) as unknown as MsalClient;
  },
  async redirect(config, request) {
    const client = await createStandardPublicClientApplication(config);
    const result = await client.handleRedirectPromise();
    if (result) return result;
    await client.acquireTokenRedirect(request as Parameters<typeof client.acquireTokenRedirect>[0]);
    return new Promise<never>(() => undefined);
  },
};
