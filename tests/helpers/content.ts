import { join } from 'node:path';
import { loadContentLibrary, readContentFiles } from '../../bot/src/content/load-content.js';
import type { ContentFile, ContentLibrary } from '../../core/index.js';

export const contentDir = join(__dirname, '..', '..', 'content');

let library: ContentLibrary | undefined;
let files: ContentFile[] | undefined;

/** The real content/, loaded once per test file through the real loader. */
export function realContent(): ContentLibrary {
  return (library ??= loadContentLibrary(contentDir));
}

export function realContentFiles(): ContentFile[] {
  return (files ??= readContentFiles(contentDir));
}

/** The real files with one of them changed by `edit` (which must change it). */
export function withEdit(path: string, edit: (text: string) => string): ContentFile[] {
  const all = realContentFiles();
  const target = all.find((f) => f.path === path);
  if (!target) throw new Error(`no content file ${path}`);
  const text = edit(target.text);
  if (text === target.text) throw new Error(`the edit did not change ${path}`);
  return all.map((f) => (f.path === path ? { path, text } : f));
}

export function without(predicate: (path: string) => boolean): ContentFile[] {
  return realContentFiles().filter((f) => !predicate(f.path));
}

export function withExtra(file: ContentFile): ContentFile[] {
  return [...realContentFiles(), file];
}
