import { parse as parseYaml, YAMLError } from 'yaml';
import { ContentError } from './content-error.js';

/**
 * content/search/alternatives.yaml: for each FAQ entry, other ways staff in different roles ask the same
 * question, as question-answering services keep them. They are content, written from the FAQ texts;
 * search indexes them as extra text for their entry, so an entry is found by questions worded unlike
 * its title. Validated at load like every other content file: every key is an FAQ id, every FAQ has
 * its phrasings.
 */

export const ALTERNATIVES_FILE = 'search/alternatives.yaml';
/**
 * content/search/asked.yaml: questions written by people in staff roles who had not read the FAQ (so in
 * the words staff use, not the content's), each labelled by a second person with the one entry that
 * answers it, as question-answering services grow their alternatives from what users ask. Search
 * indexes them with the entry's alternatives; the content-only calibration and cross-validation
 * (tests/unit/content) read only the alternatives written from the FAQ texts.
 */
export const ASKED_FILE = 'search/asked.yaml';
/** Room for the many ways the most common worry is asked (whether a young child's behaviour is normal). */
export const MAX_ASKED = 120;
export const MIN_ALTERNATIVES = 6;
export const MAX_ALTERNATIVES = 12;
/** A phrasing is a question someone types, not a paragraph. */
const MAX_PHRASING_LENGTH = 160;

/** FAQ id → its alternative phrasings, in file order. */
export type FaqAlternatives = ReadonlyMap<string, readonly string[]>;

function readYaml(file: string, source: string): unknown {
  try {
    return parseYaml(source, { strict: true, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLError) {
      const line = source.slice(0, error.pos[0]).split('\n').length;
      const what = error.code === 'DUPLICATE_KEY' ? 'An FAQ id appears twice.' : 'This is not valid YAML.';
      throw new ContentError(file, `line ${line}`, what);
    }
    throw error;
  }
}

/** Checks one id's list of phrasings (`field` names it in errors) and returns it trimmed. */
function readPhrasingList(file: string, id: string, list: unknown, min: number, max: number): readonly string[] {
  if (!Array.isArray(list) || list.length < min || list.length > max) {
    throw new ContentError(file, id, `Needs a list of ${min} to ${max} phrasings.`);
  }
  const seen = new Set<string>();
  const phrasings = list.map((item: unknown, i) => {
    const field = `${id}[${i}]`;
    if (typeof item !== 'string' || !item.trim()) {
      throw new ContentError(file, field, 'Each phrasing is a non-empty line of text.');
    }
    const phrasing = item.trim().replace(/\s+/g, ' ');
    if (phrasing.length > MAX_PHRASING_LENGTH) {
      throw new ContentError(file, field, `Longer than ${MAX_PHRASING_LENGTH} characters.`);
    }
    const key = phrasing.toLowerCase();
    if (seen.has(key)) throw new ContentError(file, field, 'The same phrasing appears twice.');
    seen.add(key);
    return phrasing;
  });
  return Object.freeze(phrasings);
}

/** The file's top level: one "faq.<id>:" key per entry, each known to the library, each with a list. */
function readPhrasingMap(
  file: string,
  text: string,
  faqIds: readonly string[],
  min: number,
  max: number,
): Map<string, readonly string[]> {
  const value = readYaml(file, text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError(file, '', 'Expected one "faq.<id>:" key per FAQ entry, each with a list.');
  }
  const known = new Set(faqIds);
  const out = new Map<string, readonly string[]>();
  for (const [id, list] of Object.entries(value as Record<string, unknown>)) {
    if (!known.has(id)) throw new ContentError(file, id, 'No FAQ entry has this id.');
    out.set(id, readPhrasingList(file, id, list, min, max));
  }
  return out;
}

/**
 * Parses and checks the alternatives file against the FAQ ids of the library. Without the file (a
 * partial library, as tests build) there are no alternatives; with it, every FAQ must have 6–12.
 */
export function parseAlternatives(text: string | undefined, faqIds: readonly string[]): FaqAlternatives {
  if (text === undefined) return new Map();
  const out = readPhrasingMap(ALTERNATIVES_FILE, text, faqIds, MIN_ALTERNATIVES, MAX_ALTERNATIVES);
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

/**
 * Parses and checks the asked-questions file: any FAQ id may have 1 to MAX_ASKED, none needs any (a
 * question is there only when someone asked it). A question that repeats one of its entry's written
 * phrasings adds nothing and is refused.
 */
export function parseAskedQuestions(
  text: string | undefined,
  faqIds: readonly string[],
  written: FaqAlternatives,
): FaqAlternatives {
  if (text === undefined) return new Map();
  const out = readPhrasingMap(ASKED_FILE, text, faqIds, 1, MAX_ASKED);
  for (const [id, asked] of out) {
    const own = new Set((written.get(id) ?? []).map((p) => p.toLowerCase()));
    asked.forEach((q, i) => {
      if (own.has(q.toLowerCase())) {
        throw new ContentError(ASKED_FILE, `${id}[${i}]`, 'The same phrasing is already in alternatives.yaml.');
      }
    });
  }
  return out;
}
