/**
 * The Markdown subset content bodies use (content/README.md): paragraphs, `- ` bullets, `1. ` numbered
 * items, `**bold**` and `### ` sub-headings. Word and Adaptive Cards render it, so anything outside the
 * subset is rejected when content loads rather than shown as stray symbols later.
 */
export interface TextRun {
  text: string;
  bold: boolean;
}

export type MarkdownBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'numbered'; items: string[] };

export interface MarkdownProblem {
  /** 1-based line number within the body. */
  line: number;
  problem: string;
}

const HEADING = /^### (.+)$/;
const BULLET = /^- (.+)$/;
const NUMBERED = /^\d{1,2}\. (.+)$/;

const LINE_RULES: readonly [RegExp, string][] = [
  [/^#{1,2} |^#{4,} /, 'Only "### " sub-headings are allowed.'],
  [/^\s*\|/, 'Tables are not allowed.'],
  [/!\[/, 'Images are not allowed.'],
  [/\]\(/, 'Links are not allowed in the body; put them in sources.'],
  [/https?:\/\/|www\./i, 'Web addresses are not allowed in the body; put them in sources.'],
  [/<\/?[a-z][^>]*>/i, 'HTML is not allowed.'],
  [/`/, 'Code formatting is not allowed.'],
  [/^\s+(?:[-*+]|\d+\.) /, 'Nested lists are not allowed.'],
  [/^[*+] /, 'Start bullets with "- ".'],
];

/** Problems that put `body` outside the subset; empty when it is fine. */
export function markdownProblems(body: string): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  body.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    for (const [pattern, problem] of LINE_RULES) {
      if (pattern.test(line)) problems.push({ line: index + 1, problem });
    }
    const bolds = line.match(/\*\*/g)?.length ?? 0;
    if (bolds % 2 !== 0) problems.push({ line: index + 1, problem: 'A "**" bold marker is not closed.' });
    const rest = line.replace(/\*\*/g, '').replace(/^- /, '');
    if (rest.includes('*')) {
      problems.push({ line: index + 1, problem: 'Only **bold** is allowed; a single "*" is not.' });
    }
  });
  return problems;
}

/** The body as blocks, for renderers (Word paragraphs and lists, Adaptive Card text blocks). */
export function markdownBlocks(body: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { type: 'bullets' | 'numbered'; items: string[] } | undefined;

  const flush = (): void => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (list) blocks.push(list);
    list = undefined;
  };

  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', text: heading[1]!.trim() });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const type = bullet ? 'bullets' : 'numbered';
      if (!list || list.type !== type || paragraph.length) {
        flush();
        list = { type, items: [] };
      }
      list.items.push(item[1]!.trim());
      continue;
    }
    if (list) {
      // A wrapped line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]!} ${line}`;
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Splits text on `**` into plain and bold runs. */
export function inlineRuns(text: string): TextRun[] {
  return text
    .split('**')
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((run) => run.text !== '');
}

export function stripInline(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** Plain text for places that cannot render formatting: bullets become "•", numbers are kept. */
export function markdownToPlainText(body: string): string {
  return markdownBlocks(body)
    .map((block) => {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
          return stripInline(block.text);
        case 'bullets':
          return block.items.map((item) => `• ${stripInline(item)}`).join('\n');
        case 'numbered':
          return block.items.map((item, i) => `${i + 1}. ${stripInline(item)}`).join('\n');
      }
    })
    .join('\n\n');
}

/** Words a reader sees (markup excluded); FAQ answers are held to a range of them (FAQ_MIN_WORDS–FAQ_MAX_WORDS). */
export function wordCount(body: string): number {
  return markdownBlocks(body)
    .flatMap((block) => ('items' in block ? block.items : [block.text]))
    .map(stripInline)
    .join(' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
