import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseContentLibrary, type ContentFile, type ContentLibrary } from '../../../core/index.js';

const CONTENT_FILE = /\.(?:md|yaml|yml)$/;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() && CONTENT_FILE.test(entry.name) ? [path] : [];
  });
}

/** Every content file under `dir`, with paths relative to it in forward slashes. */
export function readContentFiles(dir: string): ContentFile[] {
  return listFiles(dir).map((path) => ({
    path: relative(dir, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

/**
 * Reads and validates content/ once, at start-up (synchronously: nothing is served before it).
 * Throws core's ContentError naming the file and field when a file breaks a rule.
 */
export function loadContentLibrary(dir: string): ContentLibrary {
  return parseContentLibrary(readContentFiles(dir));
}
