import { parse as parseYaml, YAMLError } from 'yaml';
import { ContentError } from './content-error.js';

/**
 * content/search/alternatives.yaml: for each FAQ entry, other ways staff in different roles ask the same
 * question, as question-answering services keep them. They are content of two kinds: phrasings written
 * from the FAQ texts, and questions written by people in staff roles who had not read the FAQ (so in
 * the words staff use, not the content's), each then labelled by someone else with the one entry that
 * answers it. Search indexes them as extra text for their entry, so an entry is found by questions
 * worded unlike its title. Validated at load like every other content file: every key is an FAQ id, every FAQ has
 * its phrasings.
 */

export const ALTERNATIVES_FILE = 'search/alternatives.yaml';
export const MIN_ALTERNATIVES = 6;
/** Room for the labelled staff questions as well as the written phrasings; a list past this is a dumping ground. */
export const MAX_ALTERNATIVES = 40;
/** A phrasing is a question someone types, not a paragraph. */
const MAX_PHRASING_LENGTH = 160;

/** FAQ id → its alternative phrasings, in file order. */
export type FaqAlternatives = ReadonlyMap<string, readonly string[]>;

function readYaml(source: string): unknown {
  try {
    return parseYaml(source, { strict: true, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLError) {
      const line = source.slice(0, error.pos[0]).split('\n').length;
      const what = error.code === 'DUPLICATE_KEY' ? 'An FAQ id appears twice.' : 'This is not valid YAML.';
      throw new ContentError(ALTERNATIVES_FILE, `line ${line}`, what);
    }
    throw error;
  }
}

/**
 * Parses and checks the alternatives file against the FAQ ids of the library. Without the file (a
 * partial library, as tests build) there are no alternatives; with it, every FAQ must have 6–12.
 */
export function parseAlternatives(text: string | undefined, faqIds: readonly string[]): FaqAlternatives {
  if (text === undefined) return new Map();
  const value = readYaml(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError(ALTERNATIVES_FILE, '', 'Expected one "faq.<id>:" key per FAQ entry, each with a list.');
  }
  const known = new Set(faqIds);
  const out = new Map<string, readonly string[]>();
  for (const [id, list] of Object.entries(value as Record<string, unknown>)) {
    if (!known.has(id)) throw new ContentError(ALTERNATIVES_FILE, id, 'No FAQ entry has this id.');
    if (!Array.isArray(list) || list.length < MIN_ALTERNATIVES || list.length > MAX_ALTERNATIVES) {
      throw new ContentError(
        ALTERNATIVES_FILE,
        id,
        `Needs a list of ${MIN_ALTERNATIVES} to ${MAX_ALTERNATIVES} phrasings.`,
      );
    }
    const seen = new Set<string>();
    const phrasings = list.map((item: unknown, i) => {
      const field = `${id}[${i}]`;
      if (typeof item !== 'string' || !item.trim()) {
        throw new ContentError(ALTERNATIVES_FILE, field, 'Each phrasing is a non-empty line of text.');
      }
      const phrasing = item.trim().replace(/\s+/g, ' ');
      if (phrasing.length > MAX_PHRASING_LENGTH) {
        throw new ContentError(ALTERNATIVES_FILE, field, `Longer than ${MAX_PHRASING_LENGTH} characters.`);
      }
      const key = phrasing.toLowerCase();
      if (seen.has(key)) throw new ContentError(ALTERNATIVES_FILE, field, 'The same phrasing appears twice.');
      seen.add(key);
      return phrasing;
    });
    out.set(id, Object.freeze(phrasings));
  }
  for (const id of faqIds) {
    if (!out.has(id)) {
      throw new ContentError(
        ALTERNATIVES_FILE,
        id,
        `Every FAQ entry needs ${MIN_ALTERNATIVES} to ${MAX_ALTERNATIVES} alternative phrasings here.`,
      );
    }
  }
  return out;
}
