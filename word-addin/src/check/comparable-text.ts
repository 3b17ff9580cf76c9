/**
 * Text as Word reports it differs from what we wrote in ways nobody would call an edit: paragraphs
 * end in "\r" on Windows and "\n" on the web, soft line breaks are "\v", list numbers may or may not
 * be included, AutoFormat turns quotes curly and hyphens into dashes, and spaces can become
 * non-breaking. Both sides go through this before they are compared, so only a change of wording
 * counts as "edited".
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
    .join(' ');
}

/** A sentinel that survives comparableText, standing for one school-profile value. */
export const VALUE_SLOT = '\ue000';

/**
 * A matcher for text whose school details may differ: `template` is the comparable text with each
 * profile value replaced by VALUE_SLOT. Matches when only those values differ.
 */
export function slotMatcher(template: string): RegExp {
  const parts = template.split(VALUE_SLOT).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('(.+?)')}$`, 's');
}
