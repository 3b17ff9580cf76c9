/**
 * The content library's small Markdown subset as Adaptive Card text blocks. A card TextBlock renders
 * bold, italic, links and lists, but not headings, and lists need `\r` between items; so each paragraph,
 * heading and list becomes its own block.
 */
export interface TextBlockData {
  text: string;
  heading: boolean;
}

const BOLD_LINE = /^\*\*([^*]+)\*\*$/;
const LIST_ITEM = /^(?:[-*] |\d+\. )/;

export function markdownBlocks(markdown: string): TextBlockData[] {
  const blocks: TextBlockData[] = [];
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const first = lines[0]!;
    const heading = first.startsWith('### ') ? first.slice(4).trim() : BOLD_LINE.exec(first)?.[1];
    if (heading !== undefined && lines.length === 1) {
      blocks.push({ text: heading, heading: true });
      continue;
    }
    let rest = lines;
    if (heading !== undefined) {
      blocks.push({ text: heading, heading: true });
      rest = lines.slice(1);
    }
    const isList = rest.every((l) => LIST_ITEM.test(l));
    blocks.push({ text: rest.join(isList ? '\r' : ' '), heading: false });
  }
  return blocks;
}

/** The opening of an answer: everything before its second heading (the first steps to take). */
export function leadBlocks(blocks: readonly TextBlockData[]): TextBlockData[] {
  let headings = 0;
  const out: TextBlockData[] = [];
  for (const block of blocks) {
    if (block.heading && ++headings === 2) break;
    out.push(block);
  }
  return out;
}

export function markdownList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\r');
}

export function sourcesMarkdown(sources: readonly { title: string; url: string }[]): string {
  return sources.map((s) => `- [${s.title.replace(/[[\]]/g, '')}](${s.url})`).join('\r');
}
