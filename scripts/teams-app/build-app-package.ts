import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { jsonStringContent, substitutePlaceholders } from './placeholders.js';

/**
 * Builds the Teams app package: manifest.json with every `${{NAME}}` filled from the environment, and
 * the two icons it names, all at the root of the zip as Teams requires.
 */

export class UnresolvedPlaceholdersError extends Error {
  override name = 'UnresolvedPlaceholdersError';
  constructor(
    readonly names: string[],
    readonly files: string[],
  ) {
    super(`${files.join(' and ')} need values for: ${names.join(', ')}.`);
  }
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export interface AppPackage {
  manifest: Record<string, unknown>;
  /** Name → bytes, as stored in the zip. */
  files: Record<string, Uint8Array>;
  zip: Uint8Array;
}

// A fixed timestamp keeps the zip byte-for-byte reproducible from the same inputs.
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

function iconPath(manifest: Record<string, unknown>, kind: 'color' | 'outline'): string {
  const icons = manifest['icons'] as Record<string, unknown> | undefined;
  const path = icons?.[kind];
  if (typeof path !== 'string' || path.includes('/') || path.includes('\\')) {
    throw new ManifestError(`manifest.json must name its ${kind} icon as a file beside it (icons.${kind}).`);
  }
  return path;
}

export function buildAppPackage(options: {
  manifestDir: string;
  values: Readonly<Record<string, string>>;
}): AppPackage {
  const manifestFile = join(options.manifestDir, 'manifest.json');
  const template = readFileSync(manifestFile, 'utf8');
  const { text, unresolved } = substitutePlaceholders(template, options.values, jsonStringContent);
  if (unresolved.length > 0) throw new UnresolvedPlaceholdersError(unresolved, [manifestFile]);

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ManifestError(`${manifestFile} is not valid JSON.`);
  }

  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(text) };
  for (const kind of ['color', 'outline'] as const) {
    const name = iconPath(manifest, kind);
    const file = join(options.manifestDir, name);
    if (!existsSync(file)) throw new ManifestError(`The ${kind} icon ${file} is missing.`);
    files[name] = readFileSync(file);
  }

  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: ZIP_MTIME }]])),
    { level: 9 },
  );
  return { manifest, files, zip };
}
