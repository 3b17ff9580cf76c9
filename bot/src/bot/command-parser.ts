/**
 * Turns what someone typed to the bot into a command. Pure: no botbuilder types, so every rule is
 * unit-tested on plain strings. Only the bot's own @mention is removed; other people's mentions stay in
 * the text (as their plain names), because a question may be about them.
 */

export type Command =
  | { kind: 'help' }
  | { kind: 'ask'; question: string }
  | { kind: 'new-case' }
  | { kind: 'new-assessment' }
  | { kind: 'reviews' }
  | { kind: 'classify' }
  | { kind: 'unknown'; suggestion: CommandName | null };

export type CommandName = 'help' | 'ask' | 'new case' | 'new assessment' | 'reviews' | 'classify';

export interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string };
}

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text with every mention of `botId` removed (Teams may repeat it, e.g. "@Bot help @Bot") and other
 * mentions kept as their display names, without the `<at>` markup.
 */
export function stripOwnMention(
  text: string | undefined,
  entities: readonly MentionEntity[] | undefined,
  botId: string | undefined,
): string {
  let out = text ?? '';
  for (const entity of entities ?? []) {
    if (entity.type !== 'mention' || !entity.text || !botId || entity.mentioned?.id !== botId) continue;
    out = out.replace(new RegExp(escapeRegExp(entity.text), 'g'), ' ');
  }
  out = out.replace(/<at>([^<]*)<\/at>/gi, '$1');
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

/** Lower case, punctuation gone, single spaces: "New assessment, please!" → "new assessment please". */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const GREETINGS = new Set(['help', 'hi', 'hello', 'hey', 'hiya', 'commands', 'menu', 'start']);
const POLITE = /^(?:please )?(.*?)(?: please)?(?: thanks| thank you)?$/;
const NEW_CASE = new Set([
  'new case',
  'new hsb case',
  'case new',
  'open case',
  'open a case',
  'open new case',
  'open a new case',
  'start case',
  'start a case',
  'start new case',
  'start a new case',
  'create case',
  'create a case',
  'create new case',
  'create a new case',
  'log a case',
  'log a new case',
  'add a case',
  'add case',
]);
const NEW_ASSESSMENT = new Set([
  'new assessment',
  'new risk assessment',
  'start assessment',
  'start an assessment',
  'start a new assessment',
  'create assessment',
  'new hsb assessment',
]);
const REVIEWS = new Set([
  'reviews',
  'due',
  'review',
  'reviews due',
  'due reviews',
  'whats due',
  'what is due',
  'overdue',
  'show reviews',
]);
const QUESTION_START =
  /^(?:what|whats|how|when|where|who|whom|why|which|should|shall|can|could|would|will|do|does|did|is|are|am|was|were|must|may|might|if|any|have|has|i|we|our|my|a|an|the|there|theres|help me|advice|tell me)\b/;

/** The commands in the order they appear in help, with words that point at each. */
const COMMAND_HINTS: readonly { name: CommandName; words: readonly string[] }[] = [
  { name: 'help', words: ['help', 'hi', 'hello', 'commands', 'menu'] },
  { name: 'new case', words: ['case', 'open', 'incident', 'report', 'concern'] },
  {
    name: 'new assessment',
    words: ['new', 'assessment', 'assess', 'start', 'create', 'risk', 'draft'],
  },
  { name: 'reviews', words: ['reviews', 'review', 'due', 'overdue', 'reminder', 'reminders', 'list'] },
  {
    name: 'classify',
    words: ['classify', 'classification', 'hackett', 'continuum', 'level', 'place', 'traffic'],
  },
  { name: 'ask', words: ['ask', 'question', 'faq', 'answer'] },
];

export function parseCommand(rawText: string): Command {
  const text = rawText.trim();
  const words = normalise(text);
  const bare = POLITE.exec(words)?.[1] ?? words;

  if (bare === '' || GREETINGS.has(bare) || /^(?:hi|hello|hey) (?:there|bot|again)$/.test(bare)) {
    return { kind: 'help' };
  }
  if (bare === 'ask' || bare.startsWith('ask ')) {
    const question = text.replace(/^\W*ask\b[\s:,-]*/i, '').trim();
    return question ? { kind: 'ask', question } : { kind: 'help' };
  }
  if (NEW_CASE.has(bare)) return { kind: 'new-case' };
  if (NEW_ASSESSMENT.has(bare)) return { kind: 'new-assessment' };
  if (REVIEWS.has(bare)) return { kind: 'reviews' };
  if (bare === 'classify' || /^classify (?:a |the |this )?(?:behaviour|behavior|incident|it)$/.test(bare)) {
    return { kind: 'classify' };
  }

  const typo = closestByTypo(bare);
  if (typo) return { kind: 'unknown', suggestion: typo };
  if (looksLikeQuestion(text, bare)) return { kind: 'ask', question: text };
  return { kind: 'unknown', suggestion: closestByWords(bare) };
}

function looksLikeQuestion(text: string, words: string): boolean {
  if (text.includes('?')) return true;
  if (QUESTION_START.test(words) && words.split(' ').length >= 3) return true;
  return words.split(' ').length >= 5;
}

const TYPO_TARGETS: readonly [string, CommandName][] = [
  ['help', 'help'],
  ['hello', 'help'],
  ['new case', 'new case'],
  ['new assessment', 'new assessment'],
  ['newassessment', 'new assessment'],
  ['newcase', 'new case'],
  ['reviews', 'reviews'],
  ['classify', 'classify'],
];

/** A command mistyped by a letter or two ("reveiws", "new assesment"). */
function closestByTypo(words: string): CommandName | null {
  if (words.length < 3 || words.split(' ').length > 3) return null;
  let best: { name: CommandName; distance: number } | null = null;
  for (const [target, name] of TYPO_TARGETS) {
    const distance = editDistance(words, target);
    const allowed = target.length <= 5 ? 1 : 2;
    if (distance > 0 && distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

function closestByWords(words: string): CommandName | null {
  const given = new Set(words.split(' '));
  let best: { name: CommandName; hits: number } | null = null;
  for (const { name, words: hints } of COMMAND_HINTS) {
    const hits = hints.filter((w) => given.has(w)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { name, hits };
  }
  return best?.name ?? null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
