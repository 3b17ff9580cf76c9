import { markdownBlocks } from '../../../../core/index.js';

/**
 * The content library's Markdown subset (parsed by core, as Word and the tab parse it) as Adaptive Card
 * text blocks. A card TextBlock renders bold and lists, but not headings, and lists need `\r` between
 * items; so each heading, paragraph and list becomes its own block. FAQ answers write their headings as
 * a paragraph in bold ("**When to escalate**"), which counts as a heading here.
 */
export interface TextBlockData {
  text: string;
  heading: boolean;
}

const BOLD_ONLY = /^\*\*([^*]+)\*\*$/;

export function cardBlocks(markdown: string): TextBlockData[] {
  return markdownBlocks(markdown).map((block): TextBlockData => {
    switch (block.type) {
      case 'heading':
        return { text: block.text, heading: true };
      case 'paragraph': {
        const bold = BOLD_ONLY.exec(block.text);
        return bold ? { text: bold[1]!.trim(), heading: true } : { text: block.text, heading: false };
      }
      case 'bullets':
        return { text: block.items.map((item) => `- ${item}`).join('\r'), heading: false };
      case 'numbered':
        return { text: block.items.map((item, i) => `${i + 1}. ${item}`).join('\r'), heading: false };
    }
  });
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
