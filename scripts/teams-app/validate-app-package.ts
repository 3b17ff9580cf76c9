import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons.js';

/**
 * Checks a Teams app package offline: the zip layout, the manifest against the Teams JSON schema that
 * @microsoft/app-manifest bundles, the icons Teams requires, and the rules the store applies that the
 * schema cannot express (https URLs on the app's own domains, no wildcard domains).
 */

const BUNDLED_SCHEMA =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v1\.\d+\//;

function decodePng(bytes: Uint8Array): PNG | undefined {
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch {
    return undefined;
  }
}

export function checkColorIcon(name: string, bytes: Uint8Array): string[] {
  const png = decodePng(bytes);
  if (!png) return [`${name}: not a PNG`];
  if (png.width !== COLOR_ICON_SIZE || png.height !== COLOR_ICON_SIZE) {
    return [
      `${name}: the colour icon must be ${COLOR_ICON_SIZE}×${COLOR_ICON_SIZE}, not ${png.width}×${png.height}`,
    ];
  }
  return [];
}

export function checkOutlineIcon(name: string, bytes: Uint8Array): string[] {
  const png = decodePng(bytes);
  if (!png) return [`${name}: not a PNG`];
  if (png.width !== OUTLINE_ICON_SIZE || png.height !== OUTLINE_ICON_SIZE) {
    return [
      `${name}: the outline icon must be ${OUTLINE_ICON_SIZE}×${OUTLINE_ICON_SIZE}, not ${png.width}×${png.height}`,
    ];
  }
  let transparent = 0;
  let drawn = 0;
  let coloured = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3]!;
    if (alpha === 0) {
      transparent++;
      continue;
    }
    drawn++;
    if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) coloured++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${name}: the outline icon needs a transparent background`);
  if (drawn === 0) problems.push(`${name}: the outline icon is empty`);
  if (coloured > 0)
    problems.push(`${name}: the outline icon must be white only (${coloured} pixels are not)`);
  return problems;
}

interface UrlField {
  path: string;
  url: unknown;
}

function urlFields(manifest: Record<string, unknown>): UrlField[] {
  const fields: UrlField[] = [];
  const developer = (manifest['developer'] ?? {}) as Record<string, unknown>;
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    fields.push({ path: `developer.${key}`, url: developer[key] });
  }
  const staticTabs = (manifest['staticTabs'] ?? []) as Record<string, unknown>[];
  staticTabs.forEach((tab, i) => {
    for (const key of ['contentUrl', 'websiteUrl']) {
      if (tab[key] !== undefined) fields.push({ path: `staticTabs[${i}].${key}`, url: tab[key] });
    }
  });
  const configurableTabs = (manifest['configurableTabs'] ?? []) as Record<string, unknown>[];
  configurableTabs.forEach((tab, i) => {
    fields.push({ path: `configurableTabs[${i}].configurationUrl`, url: tab['configurationUrl'] });
  });
  return fields;
}

/** Rules the store enforces beyond the schema. */
export function checkTeamsRules(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const validDomains = ((manifest['validDomains'] ?? []) as unknown[]).map(String);
  for (const domain of validDomains) {
    if (domain.includes('*'))
      problems.push(`validDomains: "${domain}" is a wildcard; list the app's own host`);
    if (/[/:]/.test(domain.replace(/:\d+$/, ''))) {
      problems.push(`validDomains: "${domain}" must be a host name, without scheme or path`);
    }
  }
  for (const { path, url } of urlFields(manifest)) {
    let parsed: URL;
    try {
      parsed = new URL(String(url));
    } catch {
      problems.push(`${path}: "${String(url)}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${path}: must use https`);
    if (!validDomains.includes(parsed.host)) {
      problems.push(`${path}: ${parsed.host} is not in validDomains`);
    }
  }
  const sso = manifest['webApplicationInfo'] as { id?: unknown; resource?: unknown } | undefined;
  if (sso) {
    const expected = validDomains.map((d) => `api://${d}/${String(sso.id)}`);
    if (!expected.includes(String(sso.resource))) {
      problems.push(
        `webApplicationInfo.resource: "${String(sso.resource)}" must be api://<a valid domain>/<webApplicationInfo.id>`,
      );
    }
  }
  return problems;
}

export async function validateManifestSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = String(manifest['$schema'] ?? '');
  if (!BUNDLED_SCHEMA.test(schema)) {
    return [`manifest.json: $schema "${schema}" is not a published Teams schema that can be checked offline`];
  }
  // The package's manifest type is a union of every schema version; the schema itself is the check.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
  return errors.map((e) => `manifest.json${e.startsWith('/') ? '' : ' '}${e}`);
}

export async function validateAppPackage(zip: Uint8Array): Promise<string[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    return ['the package is not a zip file'];
  }
  const names = Object.keys(entries);
  const nested = names.filter((n) => n.includes('/'));
  if (nested.length > 0) return [`files must sit at the root of the zip: ${nested.join(', ')}`];
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) return ['manifest.json is missing from the zip'];

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as Record<string, unknown>;
  } catch {
    return ['manifest.json is not valid JSON'];
  }

  const problems = await validateManifestSchema(manifest);
  problems.push(...checkTeamsRules(manifest));

  const icons = (manifest['icons'] ?? {}) as Record<string, unknown>;
  const expected = new Set(['manifest.json']);
  for (const [kind, check] of [
    ['color', checkColorIcon],
    ['outline', checkOutlineIcon],
  ] as const) {
    const name = String(icons[kind]);
    expected.add(name);
    const bytes = entries[name];
    if (!bytes) problems.push(`${name} (icons.${kind}) is missing from the zip`);
    else problems.push(...check(name, bytes));
  }
  const extra = names.filter((n) => !expected.has(n));
  if (extra.length > 0) problems.push(`unexpected files in the zip: ${extra.join(', ')}`);
  return problems;
}
