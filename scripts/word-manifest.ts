// Fills the Word add-in manifest template (manifest/word/manifest.template.xml) and, run directly,
// regenerates manifest/word/manifest.xml for local sideloading: npx tsx scripts/word-manifest.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORD_MANIFEST_DIR = join(__dirname, '..', 'manifest', 'word');
export const PRODUCT_ADDIN_ID = '5b0c2d7e-8a4f-4c1e-9d3a-6f2b1e7c4a90';
/** A different id, so a local copy and the school's deployed add-in can both be installed. */
export const LOCAL_ADDIN_ID = '5b0c2d7e-8a4f-4c1e-9d3a-6f2b1e7c4a91';

/**
 * Local sideloading: Word only loads add-ins over HTTPS, so the local manifest points at the HTTPS
 * front of `npm run word:https` (README, "The Word add-in"). Local mode has no sign-in, so the pane
 * never asks Office for a token and the client id is a placeholder Office does not use.
 */
export const LOCAL_VALUES: Readonly<Record<string, string>> = {
  TAB_ENDPOINT: 'https://localhost:3443',
  TAB_DOMAIN: 'localhost:3443',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
  APP_NAME_SUFFIX: ' (local)',
};

const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Replaces every `${{NAME}}`; throws naming each placeholder that has no value. */
export function fillWordManifest(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  const missing = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return escapeXml(value);
  });
  if (missing.size) throw new Error(`No value for ${[...missing].sort().join(', ')} in the Word manifest.`);
  return filled;
}

export function localWordManifest(): string {
  const template = readFileSync(join(WORD_MANIFEST_DIR, 'manifest.template.xml'), 'utf8');
  const withoutTemplateNote = template.replace(/<!--[\s\S]*?-->\n/, (note) =>
    note.includes('${{')
      ? '<!-- Generated from manifest.template.xml by scripts/word-manifest.ts for local sideloading; do not edit. -->\n'
      : note,
  );
  return fillWordManifest(withoutTemplateNote, LOCAL_VALUES).replace(
    `<Id>${PRODUCT_ADDIN_ID}</Id>`,
    `<Id>${LOCAL_ADDIN_ID}</Id>`,
  );
}

if (require.main === module) {
  const out = join(WORD_MANIFEST_DIR, 'manifest.xml');
  writeFileSync(out, localWordManifest());
  console.log(`Wrote ${out}`);
}
