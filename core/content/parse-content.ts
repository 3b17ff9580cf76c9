import { parse as parseYaml, YAMLError } from 'yaml';
import type { z } from 'zod';
import {
  decisionFactors,
  decisionOptions,
  hackettLevels,
  riskLevels,
  strategyImpacts,
} from '../assessment/schema.js';
import { ContentError } from './content-error.js';
import { citesEdition, parseGuidanceEdition } from './guidance-documents.js';
import { markdownProblems, wordCount } from './markdown.js';
import { isProfileVariable, profileVariables, variablesIn } from './school-profile.js';
import {
  riskContextTemplateSchema,
  decisionGuideSchema,
  faqFileSchema,
  hackettGuideSchema,
  languageGuideSchema,
  policyClauseSchema,
  referralClauseSchema,
  reviewGuideSchema,
  riskScalesSchema,
  templateContexts,
  type ContentLibrary,
  type DecisionGuide,
  type FaqEntry,
  type HackettGuide,
  type LanguageGuide,
  type PolicyClause,
  type ReferralClause,
  type ReviewGuide,
  type RiskContextTemplate,
  type RiskScales,
} from './schema.js';
import { ALTERNATIVES_FILE, ASKED_FILE, parseAlternatives, parseAskedQuestions } from './alternatives.js';
import { buildSearchIndexes } from './search-index.js';
import { referralSections, requiredPolicySections, type ClauseKind } from './sections.js';

/** One file of content/: its path relative to content/ (forward slashes) and its UTF-8 text. */
export interface ContentFile {
  path: string;
  text: string;
}

export const FAQ_MIN_WORDS = 60;
/** Most answers need under 180 words; none more than 220. */
export const FAQ_MAX_WORDS = 220;

/**
 * The closing line every FAQ answer used to repeat ("The DSL decides … and records …"). The card and
 * page show the "the DSL decides" note once, so an answer that repeats it is rejected.
 */
const OLD_CLOSING_LINE = /\bthe DSL decides\b[^.\n]{0,120}\brecords?\b/i;

/** What is wrong with a FAQ answer's length or wording, or undefined. */
export function faqAnswerProblem(answer: string): string | undefined {
  const words = wordCount(answer);
  if (words < FAQ_MIN_WORDS || words > FAQ_MAX_WORDS) {
    return `The answer has ${words} words; keep it between ${FAQ_MIN_WORDS} and ${FAQ_MAX_WORDS}.`;
  }
  if (OLD_CLOSING_LINE.test(answer)) {
    return 'Drop the closing "The DSL decides … records …" line: the card and page show that note once.';
  }
  return undefined;
}

type FileKind =
  'policy' | 'referral' | 'faq' | 'context' | 'scales' | 'decision' | 'review' | 'hackett' | 'language';

const SINGLE_FILES: Readonly<Record<string, FileKind>> = {
  'risk-assessment/scales.yaml': 'scales',
  'risk-assessment/decision.yaml': 'decision',
  'risk-assessment/review.yaml': 'review',
  'guides/hackett.yaml': 'hackett',
  'guides/language.yaml': 'language',
};

function classify(path: string): FileKind | 'ignore' | undefined {
  if (path === 'README.md' || path.endsWith('/README.md')) return 'ignore';
  // Read after the FAQ, whose ids they are checked against (alternatives.ts).
  if (path === ALTERNATIVES_FILE || path === ASKED_FILE) return 'ignore';
  if (/^policy\/[^/]+\.md$/.test(path)) return 'policy';
  if (/^referral\/[^/]+\.md$/.test(path)) return 'referral';
  if (/^faq\/[^/]+\.md$/.test(path)) return 'faq';
  if (/^risk-assessment\/contexts\/[^/]+\.yaml$/.test(path)) return 'context';
  return SINGLE_FILES[path];
}

const VARIABLE_TOKEN = /\{\{\s*[^{}]*?\s*\}\}/g;
/** Fields that hold no reader-facing text, so they cannot use variables. */
const NO_TEXT_FIELDS = new Set(['id', 'variables', 'sources', 'guidanceEdition', 'kind', 'section']);

function readYaml(file: string, source: string, lineOffset: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(source, { strict: true, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (error instanceof YAMLError) {
      const line = source.slice(0, error.pos[0]).split('\n').length + lineOffset;
      const what = error.code === 'DUPLICATE_KEY' ? 'A key appears twice.' : 'This is not valid YAML.';
      throw new ContentError(file, `line ${line}`, what);
    }
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ContentError(file, '', 'Expected YAML fields such as "id:" and "title:".');
  }
  return value as Record<string, unknown>;
}

interface RawFile {
  fields: Record<string, unknown>;
  /** Line of the file where the body starts, for Markdown files; 0 when the body is a YAML key. */
  bodyLine: number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

function readMarkdown(file: string, text: string): RawFile {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    throw new ContentError(file, '', 'Start with YAML front matter between two "---" lines.');
  }
  const front = match[1]!;
  const fields = readYaml(file, front, 1);
  if ('body' in fields) {
    throw new ContentError(file, 'body', 'In a Markdown file the body comes after the front matter.');
  }
  const frontLines = front.split('\n').length;
  const leading = /^(?:[ \t]*\r?\n)*/.exec(match[2]!)![0].split('\n').length - 1;
  fields.body = match[2]!.trim();
  return { fields, bodyLine: frontLines + 3 + leading };
}

function problemOf(issue: z.core.$ZodIssue): { field: string; problem: string } {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return { field: [...path, issue.keys[0] ?? ''].join('.'), problem: 'Unknown field.' };
  }
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return { field: path.join('.'), problem: missing ? 'Missing.' : issue.message };
}

function validate<S extends z.ZodType>(file: string, schema: S, raw: RawFile): z.output<S> {
  const result = schema.safeParse(raw.fields);
  if (!result.success) {
    const { field, problem } = problemOf(result.error.issues[0]!);
    throw new ContentError(file, field, problem);
  }
  return result.data;
}

function checkBody(file: string, body: string, bodyLine: number): void {
  const [first] = markdownProblems(body);
  if (first) {
    const where = bodyLine ? `line ${bodyLine + first.line - 1}` : `line ${first.line} of the body`;
    throw new ContentError(file, 'body', `${where}: ${first.problem}`);
  }
}

function walkText(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkText(v, `${path}.${i}`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkText(v, path ? `${path}.${k}` : k, visit);
  }
}

/** Every `{{name}}` used is a profile variable declared in `variables`, and every declared one is used. */
function checkVariables(file: string, item: { variables: readonly string[] }): void {
  const declared = new Set(item.variables);
  const used = new Set<string>();
  for (const [key, value] of Object.entries(item)) {
    if (NO_TEXT_FIELDS.has(key)) continue;
    walkText(value, key, (text, path) => {
      for (const name of variablesIn(text)) {
        if (!isProfileVariable(name)) {
          throw new ContentError(
            file,
            path,
            `{{${name}}} is not a school-profile variable; use only: ${profileVariables.join(', ')}.`,
          );
        }
        if (!declared.has(name)) {
          throw new ContentError(file, path, `Uses {{${name}}}, which "variables" does not declare.`);
        }
        used.add(name);
      }
      if (/\{\{|\}\}/.test(text.replace(VARIABLE_TOKEN, ''))) {
        throw new ContentError(file, path, 'Has a "{{" or "}}" that is not part of a variable.');
      }
    });
  }
  for (const name of declared) {
    if (!used.has(name)) {
      throw new ContentError(file, 'variables', `Declares ${name}, which the text never uses.`);
    }
  }
}

interface ItemCore {
  id: string;
  body: string;
  variables: readonly string[];
  guidanceEdition: string;
  sources: readonly { url: string }[];
  checkedOn?: string | undefined;
  verify?: string | undefined;
}

/**
 * Each edition named is a known document's edition in force, and the item cites that edition's own
 * address. A check (`checkedOn`) cannot predate the newest edition it was checked against, and an
 * unchecked item says what is still to check (`verify`).
 */
function checkEditionsCited(file: string, item: ItemCore): void {
  for (const { text, document, year } of parseGuidanceEdition(item.guidanceEdition)) {
    if (!document) {
      throw new ContentError(
        file,
        'guidanceEdition',
        `"${text}" is not a document core/content/guidance-documents.ts knows; name it as listed there, with its year.`,
      );
    }
    if (year !== document.current.year) {
      throw new ContentError(
        file,
        'guidanceEdition',
        `"${text}" is not the edition in force; follow ${document.name} ${document.current.year}.`,
      );
    }
    if (!item.sources.some((s) => citesEdition(document, s.url))) {
      throw new ContentError(
        file,
        'sources',
        `The text follows ${text} but does not cite that edition; add ${document.current.title}: ${document.current.url}`,
      );
    }
    if (item.checkedOn !== undefined && item.checkedOn < document.current.publishedOn) {
      throw new ContentError(
        file,
        'checkedOn',
        `${item.checkedOn} is before ${text} was published (${document.current.publishedOn}); check against that edition.`,
      );
    }
  }
  if (item.checkedOn === undefined && item.verify === undefined) {
    throw new ContentError(
      file,
      'verify',
      'Missing: until the facts are checked against the official text (checkedOn), say what is still to check.',
    );
  }
}

/** `got` holds each of `expected` exactly once (in the same order when `ordered`). */
function checkExactly(
  file: string,
  field: string,
  got: readonly string[],
  expected: readonly string[],
  ordered: boolean,
): void {
  const seen = new Set<string>();
  got.forEach((value, i) => {
    if (seen.has(value)) throw new ContentError(file, `${field}.${i}`, `"${value}" appears twice.`);
    seen.add(value);
  });
  const missing = expected.filter((value) => !seen.has(value));
  if (missing.length) {
    throw new ContentError(file, field, `Missing: ${missing.map((m) => `"${m}"`).join(', ')}.`);
  }
  if (ordered && got.some((value, i) => value !== expected[i])) {
    throw new ContentError(file, field, `List them in this order: ${expected.join(', ')}.`);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Parses and validates every content file into one library, or throws a ContentError naming the first
 * file and field that break a rule (content/README.md). Builds the search indexes once, here.
 */
export function parseContentLibrary(files: readonly ContentFile[]): ContentLibrary {
  const policy: { file: string; item: PolicyClause }[] = [];
  const referral: { file: string; item: ReferralClause }[] = [];
  const faq: { file: string; item: FaqEntry }[] = [];
  const contexts: { file: string; item: RiskContextTemplate }[] = [];
  const singles: {
    scales?: RiskScales;
    decision?: DecisionGuide;
    review?: ReviewGuide;
    hackett?: HackettGuide;
    language?: LanguageGuide;
  } = {};
  const idFiles = new Map<string, string>();

  const sorted = [...files]
    .map((f) => ({ path: normalisePath(f.path), text: f.text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const { path: file, text } of sorted) {
    const kind = classify(file);
    if (kind === 'ignore') continue;
    if (!kind) {
      throw new ContentError(
        file,
        '',
        'Not a file content/README.md describes (check the folder and the .md or .yaml extension).',
      );
    }
    const markdown = kind === 'policy' || kind === 'referral' || kind === 'faq';
    const raw: RawFile = markdown
      ? readMarkdown(file, text)
      : { fields: readYaml(file, text, 0), bodyLine: 0 };

    let item: ItemCore;
    switch (kind) {
      case 'policy': {
        const clause = validate(file, policyClauseSchema, raw);
        policy.push({ file, item: clause });
        item = clause;
        break;
      }
      case 'referral': {
        const clause = validate(file, referralClauseSchema, raw);
        referral.push({ file, item: clause });
        item = clause;
        break;
      }
      case 'faq': {
        const { title, body, ...rest } = validate(file, faqFileSchema, raw);
        const problem = faqAnswerProblem(body);
        if (problem) throw new ContentError(file, 'body', problem);
        faq.push({ file, item: { ...rest, question: title, answer: body } });
        item = { ...rest, body };
        break;
      }
      case 'context': {
        const parsed = validate(file, riskContextTemplateSchema, raw);
        const context = { ...parsed, context: parsed.id.slice('context.'.length) } as RiskContextTemplate;
        contexts.push({ file, item: context });
        item = context;
        break;
      }
      case 'scales':
        item = singles.scales = validate(file, riskScalesSchema, raw);
        break;
      case 'decision':
        item = singles.decision = validate(file, decisionGuideSchema, raw);
        break;
      case 'review':
        item = singles.review = validate(file, reviewGuideSchema, raw);
        break;
      case 'hackett':
        item = singles.hackett = validate(file, hackettGuideSchema, raw);
        break;
      case 'language':
        item = singles.language = validate(file, languageGuideSchema, raw);
        break;
    }

    checkBody(file, item.body, raw.bodyLine);
    checkEditionsCited(file, item);
    checkVariables(file, { ...raw.fields, variables: item.variables });
    const other = idFiles.get(item.id);
    if (other) throw new ContentError(file, 'id', `"${item.id}" is already the id of ${other}.`);
    idFiles.set(item.id, file);
  }

  for (const [path, kind] of Object.entries(SINGLE_FILES)) {
    if (!singles[kind as keyof typeof singles]) throw new ContentError(path, '', 'This file is missing.');
  }
  const { scales, decision, review, hackett, language } = singles as Required<typeof singles>;

  checkOrders('policy/', policy);
  checkOrders('referral/', referral);
  checkOrders('risk-assessment/contexts/', contexts);
  checkCoverage('policy', policy, requiredPolicySections);
  checkCoverage('referral', referral, referralSections);

  const contextIds = contexts.map((c) => c.item.context);
  const duplicateContext = contexts.find((c, i) => contextIds.indexOf(c.item.context) !== i);
  if (duplicateContext) {
    throw new ContentError(duplicateContext.file, 'id', `Another file already describes this context.`);
  }
  const missingContext = templateContexts.filter((c) => !contextIds.includes(c));
  if (missingContext.length) {
    throw new ContentError(
      'risk-assessment/contexts/',
      'id',
      `No file describes: ${missingContext.join(', ')}.`,
    );
  }

  const scalesFile = 'risk-assessment/scales.yaml';
  checkExactly(
    scalesFile,
    'likelihood',
    scales.likelihood.map((p) => String(p.value)),
    ['1', '2', '3'],
    true,
  );
  checkExactly(
    scalesFile,
    'impact',
    scales.impact.map((p) => String(p.value)),
    ['1', '2', '3'],
    true,
  );
  checkExactly(
    scalesFile,
    'levels',
    scales.levels.map((l) => l.level),
    riskLevels,
    true,
  );
  const decisionFile = 'risk-assessment/decision.yaml';
  checkExactly(
    decisionFile,
    'options',
    decision.options.map((o) => o.id),
    decisionOptions,
    false,
  );
  checkExactly(
    decisionFile,
    'factors',
    decision.factors.map((f) => f.id),
    decisionFactors,
    false,
  );
  checkExactly(
    'risk-assessment/review.yaml',
    'strategyImpacts',
    review.strategyImpacts.map((i) => i.id),
    strategyImpacts,
    true,
  );
  checkExactly(
    'guides/hackett.yaml',
    'levels',
    hackett.levels.map((l) => l.id),
    hackettLevels,
    true,
  );
  checkLanguage(language);

  const policyItems = byOrder(policy);
  const referralItems = byOrder(referral);
  const clauseIds = new Set([...policyItems, ...referralItems].map((c) => c.id));
  const anchors = new Set([
    ...policyItems.map((c) => `policy.${c.section}`),
    ...referralItems.map((c) => `referral.${c.section}`),
  ]);
  for (const { file, item } of faq) {
    item.related.forEach((id, i) => {
      if (!clauseIds.has(id) && !anchors.has(id)) {
        throw new ContentError(
          file,
          `related.${i}`,
          `"${id}" is neither a clause id nor a section that has clauses.`,
        );
      }
    });
  }

  const library: ContentLibrary = deepFreeze({
    policy: policyItems,
    referral: referralItems,
    faq: faq.map((f) => f.item).sort((a, b) => (a.id < b.id ? -1 : 1)),
    riskTemplate: { contexts: byOrder(contexts), scales, decision, review },
    hackett,
    language,
  });
  const faqIds = library.faq.map((e) => e.id);
  const alternatives = parseAlternatives(sorted.find((f) => f.path === ALTERNATIVES_FILE)?.text, faqIds);
  const asked = parseAskedQuestions(sorted.find((f) => f.path === ASKED_FILE)?.text, faqIds, alternatives);
  buildSearchIndexes(library, alternatives, asked);
  return library;
}

function byOrder<T extends { order: number }>(items: readonly { item: T }[]): T[] {
  return items.map((x) => x.item).sort((a, b) => a.order - b.order);
}

function checkOrders(folder: string, items: readonly { file: string; item: { order: number } }[]): void {
  const seen = new Map<number, string>();
  for (const { file, item } of items) {
    const other = seen.get(item.order);
    if (other) throw new ContentError(file, 'order', `${item.order} is already the order of ${other}.`);
    seen.set(item.order, file);
  }
  if (items.length === 0) throw new ContentError(folder, '', 'This folder has no content.');
}

function checkCoverage(
  kind: ClauseKind,
  items: readonly { item: { section: string } }[],
  sections: readonly string[],
): void {
  const covered = new Set(items.map((x) => x.item.section));
  const missing = sections.filter((s) => !covered.has(s));
  if (missing.length) {
    throw new ContentError(`${kind}/`, 'section', `No clause covers: ${missing.join(', ')}.`);
  }
}

function phraseKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .join(' ');
}

function checkLanguage(language: LanguageGuide): void {
  const file = 'guides/language.yaml';
  const ids = new Set<string>();
  const phrases = new Map<string, string>();
  language.terms.forEach((term, i) => {
    if (ids.has(term.id)) throw new ContentError(file, `terms.${i}.id`, `"${term.id}" appears twice.`);
    ids.add(term.id);
    term.match.forEach((phrase, j) => {
      const key = phraseKey(phrase);
      const other = phrases.get(key);
      if (other !== undefined && other !== term.id) {
        throw new ContentError(
          file,
          `terms.${i}.match.${j}`,
          `"${phrase}" is already matched by term "${other}".`,
        );
      }
      phrases.set(key, term.id);
    });
  });
}
