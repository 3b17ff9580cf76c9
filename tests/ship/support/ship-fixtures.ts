import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');

/**
 * What `atk provision --env dev` writes to env/.env.dev and env/.env.dev.user: the ids Entra, the
 * Developer Portal and the Bicep outputs hand back. Made-up, well-formed values.
 */
export const provisionedDev: Record<string, string> = {
  TEAMS_APP_ID: '2f6b8a57-0c1d-4e7f-9a3b-5c6d7e8f9a0b',
  AAD_APP_CLIENT_ID: '4b8d0c79-2e3f-4091-9c5d-7e8f9a0b1c2d',
  AAD_APP_OBJECT_ID: '5c9e1d80-3f40-41a2-8d6e-8f9a0b1c2d3e',
  AAD_APP_TENANT_ID: '6d0f2e91-4051-42b3-9e7f-9a0b1c2d3e4f',
  BOT_ID: '3a7c9b68-1d2e-4f80-8b4c-6d7e8f9a0b1c',
  BOT_TENANT_ID: '6d0f2e91-4051-42b3-9e7f-9a0b1c2d3e4f',
  TAB_DOMAIN: 'app-hsbq7x2k9.azurewebsites.net',
  TAB_ENDPOINT: 'https://app-hsbq7x2k9.azurewebsites.net',
};

/** Everything the Teams manifest needs in the dev environment: env/.env.dev's own values plus those. */
export const devValues: Record<string, string> = { APP_NAME_SUFFIX: ' (dev)', ...provisionedDev };

/** A throwaway copy of the repository's env/ and manifest/teams/, to package from. */
export function makePackagingRoot(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'hsb-ship-'));
  cpSync(join(repoRoot, 'env'), join(root, 'env'), {
    recursive: true,
    filter: (src) => !src.endsWith('.user'),
  });
  cpSync(join(repoRoot, 'manifest', 'teams'), join(root, 'manifest', 'teams'), { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Sets values in an env file the way provisioning does: replace the key's line, or append it. */
export function setEnvValues(file: string, values: Record<string, string>): void {
  let text = readFileSync(file, 'utf8');
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${value}`;
    const pattern = new RegExp(`^${key}=.*$`, 'm');
    text = pattern.test(text) ? text.replace(pattern, () => line) : `${text.replace(/\n?$/, '\n')}${line}\n`;
  }
  writeFileSync(file, text);
}

/** Replaces fetch for the file's tests with one that throws; returns the spy to assert it was unused. */
export function offlineFetch(): jest.Mock {
  const realFetch = globalThis.fetch;
  const spy = jest.fn(async () => {
    throw new Error('network is disabled in this test');
  });
  beforeEach(() => {
    spy.mockClear();
    globalThis.fetch = spy as unknown as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });
  return spy;
}
