/**
 * Text as Word reports it differs from what we wrote in ways nobody would call an edit: paragraphs
 * end in "\r" on Windows and "\n" on the web, list numbers may or may not be included, AutoFormat
 * turns quotes curly and hyphens into dashes, spaces can become non-breaking, empty paragraphs come
 * and go. Both sides go through this before they are compared, so only a change of wording counts
 * as "edited". Paragraphs are kept apart: a paragraph added or removed is an edit.
 */

const PARAGRAPH_BREAKS = /[\r\n\v\f\u2028\u2029]+/;
const LIST_MARKER = /^(?:[•·▪◦‣⁃●○■□➢►–—-]|\(?\d{1,3}[.)])\s+/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .split(PARAGRAPH_BREAKS)
    .map((p) =>
      p
        .replace(/[\s\u00a0]+/g, ' ')
        .trim()
        .replace(LIST_MARKER, ''),
    )
    .filter(Boolean)
    .join('\n');
}

/** Stands for the school-profile value number `index`; survives comparableText unchanged. */
export function valueSlot(index: number): string {
  return `\ue000${String.fromCharCode(0xe100 + index)}`;
}

const SLOT = /\ue000([\ue100-\ue1ff])/g;
/** A profile value is one line of at most 200 characters (the content's schoolProfileSchema). */
const VALUE = '[^\\n]{1,200}?';

/**
 * A matcher for text whose school details may differ: `template` is comparable text with each profile
 * value replaced by its valueSlot. It matches when only those values differ, and a value used twice
 * is the same both times.
 */
export function slotMatcher(template: string): RegExp {
  const seen = new Set<number>();
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    pattern += escape(template.slice(last, m.index));
    const n = m[1]!.charCodeAt(0) - 0xe100;
    pattern += seen.has(n) ? `\\k<v${n}>` : `(?<v${n}>${VALUE})`;
    seen.add(n);
    last = m.index + m[0].length;
  }
  pattern += escape(template.slice(last));
  return new RegExp(`^${pattern}$`, 'u');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
