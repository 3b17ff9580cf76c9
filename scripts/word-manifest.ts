// Regenerates manifest/word/manifest.local.xml, the Word add-in manifest filled for local sideloading,
// from manifest/word/manifest.xml with the same fill as `npm run package`: npx tsx scripts/word-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillWordManifest } from './teams-app/word-manifest.js';

export const WORD_MANIFEST_DIR = join(__dirname, '..', 'manifest', 'word');
export const PRODUCT_ADDIN_ID = '5b0c2d7e-8a4f-4c1e-9d3a-6f2b1e7c4a90';
/** A different id, so a local copy and the school's deployed add-in can both be installed. */
export const LOCAL_ADDIN_ID = '5b0c2d7e-8a4f-4c1e-9d3a-6f2b1e7c4a91';

/**
 * Word only loads add-ins over HTTPS, so the local manifest points at the HTTPS front of
 * `npm run word:https` (README, "The Word add-in"). Local mode has no sign-in, so the pane never asks
 * Office for a token and the client id is a placeholder Office does not use.
 */
export const LOCAL_VALUES: Readonly<Record<string, string>> = {
  TAB_ENDPOINT: 'https://localhost:3443',
  TAB_DOMAIN: 'localhost:3443',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
  APP_NAME_SUFFIX: ' (local)',
};

export function localWordManifest(): string {
  const template = readFileSync(join(WORD_MANIFEST_DIR, 'manifest.xml'), 'utf8');
  const note =
    '<!-- Generated from manifest.xml by scripts/word-manifest.ts for local sideloading; do not edit. -->';
  const { text, unresolved } = fillWordManifest(template.replace(/<!--[\s\S]*?-->/, note), LOCAL_VALUES);
  if (unresolved.length) throw new Error(`No local value for ${unresolved.join(', ')}.`);
  return text.replace(`<Id>${PRODUCT_ADDIN_ID}</Id>`, `<Id>${LOCAL_ADDIN_ID}</Id>`);
}

if (require.main === module) {
  const out = join(WORD_MANIFEST_DIR, 'manifest.local.xml');
  writeFileSync(out, localWordManifest());
  console.log(`Wrote ${out}`);
}
