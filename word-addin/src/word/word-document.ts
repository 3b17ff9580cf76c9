import type {
  BlockParagraph,
  BlockRun,
  BlockUpdate,
  DocumentBlock,
  TaggedControl,
} from './document-blocks.js';

export type { BlockUpdate, TaggedControl } from './document-blocks.js';

/**
 * The only code that calls Word.run (STYLE.md; OfficeDev Office-Addin-TaskPane-React). The task pane
 * receives a WordDocument as a dependency, so components are tested with a fake and this module with
 * office-addin-mock. Every operation is one Word.run with one context.sync(): Word on the web sends
 * each sync over the network, so round trips, not calls, decide how fast the pane feels.
 */

export interface WordDocument {
  /** Writes the blocks after the cursor, in order, each in its own tagged rich-text content control. */
  insertBlocks(blocks: readonly DocumentBlock[]): Promise<void>;
  /** Every content control whose tag starts with `prefix`, with its text. */
  readTaggedControls(prefix: string): Promise<TaggedControl[]>;
  /** Rewrites existing controls in place (text, tag and title); returns how many. */
  replaceBlocks(updates: readonly BlockUpdate[]): Promise<number>;
  /** The selected text, or the whole document's text when nothing is selected or `scope` says so. */
  readText(scope: 'selection' | 'document'): Promise<string>;
}

/** The part of the Office.js `Word` namespace this module uses (narrow, so fakes stay small). */
export type WordApi = Pick<typeof Word, 'run'>;

/** Paragraph containers: a content control (new paragraphs at its end) or a list. */
type Container = Pick<Word.ContentControl, 'insertParagraph'>;

const STYLES: Record<BlockParagraph['role'], Word.BuiltInStyleName | 'Heading2' | 'Heading3' | 'Normal'> = {
  title: 'Heading2',
  subheading: 'Heading3',
  body: 'Normal',
};

function writeRuns(paragraph: Word.Paragraph, runs: readonly BlockRun[]): void {
  for (const run of runs) {
    const range = paragraph.insertText(run.text, 'End');
    range.font.bold = run.bold === true;
    // Office.js documents null as "no highlight"; the type declares string only.
    (range.font as { highlightColor: string | null }).highlightColor = run.highlight ? 'Yellow' : null;
  }
}

function styleParagraph(paragraph: Word.Paragraph, p: BlockParagraph): void {
  // Lists are styled by startNewList; setting a style afterwards would drop the numbering.
  if (!p.list) paragraph.styleBuiltIn = STYLES[p.role];
  writeRuns(paragraph, p.runs);
}

/**
 * Fills a control whose first paragraph already exists. New paragraphs go at the end of the control,
 * list items at the end of their list, and the paragraph after a list after it, so it leaves the list.
 */
function fillControl(control: Word.ContentControl, first: Word.Paragraph, block: DocumentBlock): void {
  const [head, ...rest] = block.paragraphs;
  if (head) styleParagraph(first, head);
  let list: Word.List | undefined;
  for (const p of rest) {
    let paragraph: Word.Paragraph;
    if (p.list && !p.list.start && list) {
      paragraph = list.insertParagraph('', 'End');
    } else {
      const into: Container = list ?? control;
      paragraph = into.insertParagraph('', list ? 'After' : 'End');
      list = undefined;
      if (p.list) {
        list = paragraph.startNewList();
        if (p.list.kind === 'bullet') list.setLevelBullet(0, 'Solid');
        else list.setLevelNumbering(0, 'Arabic', [0, '.']);
      }
    }
    styleParagraph(paragraph, p);
  }
}

function tagControl(control: Word.ContentControl, block: DocumentBlock): void {
  control.tag = block.tag;
  control.title = block.title;
}

export function createWordDocument(word: WordApi): WordDocument {
  return {
    insertBlocks: (blocks) =>
      word.run(async (context) => {
        // Each block goes after the previous one; the first after the cursor's paragraph.
        let after: Pick<Word.Paragraph, 'insertParagraph'> = context.document.getSelection();
        for (const block of blocks) {
          if (block.headingBefore) {
            const heading = after.insertParagraph(block.headingBefore, 'After');
            heading.styleBuiltIn = 'Heading1';
            after = heading;
          }
          const first = after.insertParagraph('', 'After');
          const control = first.insertContentControl();
          tagControl(control, block);
          fillControl(control, first, block);
          after = control;
        }
        await context.sync();
      }),

    readTaggedControls: (prefix) =>
      word.run(async (context) => {
        const controls = context.document.contentControls;
        // 'items' loads each control's scalar properties (id, tag, title, text) in this one round trip.
        controls.load('items');
        await context.sync();
        return controls.items
          .filter((c) => c.tag.startsWith(prefix))
          .map((c) => ({ id: c.id, tag: c.tag, title: c.title, text: c.text }));
      }),

    replaceBlocks: (updates) =>
      word.run(async (context) => {
        for (const { controlId, block } of updates) {
          // getById fails the batch (ItemNotFound) at a control deleted since the check; the pane
          // then asks for a fresh check, which shows what was and was not updated.
          const control = context.document.contentControls.getById(controlId);
          control.clear();
          tagControl(control, block);
          fillControl(control, control.paragraphs.getFirst(), block);
        }
        await context.sync();
        return updates.length;
      }),

    readText: (scope) =>
      word.run(async (context) => {
        const selection = context.document.getSelection();
        const body = context.document.body;
        selection.load('text');
        body.load('text');
        await context.sync();
        return scope === 'selection' && selection.text.trim() !== '' ? selection.text : body.text;
      }),
  };
}
