import { inlineRuns, markdownBlocks } from '../../../core/content/markdown.js';
import { fillVariables, type SchoolProfile } from '../../../core/content/school-profile.js';
import type { ReferralDraft, ReferralSectionDraft } from '../../../core/referral/index.js';
import type { LibraryClause } from '../api/api-types.js';

/**
 * What the add-in writes into Word, as plain data: one block per content control. Building the
 * layout here (pure) keeps the one module that calls Word.run small, and lets the check compare a
 * control's text with exactly what an insertion would have written.
 */

export const CLAUSE_TAG_PREFIX = 'hsb:';
export const REFERRAL_TAG_PREFIX = 'hsb-referral:';

const CLAUSE_TAG = /^hsb:([a-z0-9][a-z0-9.-]*)@([1-9]\d{0,5})$/;

/** Tags carry a clause id and version only: never anything about a child (DESIGN §6). */
export function clauseTag(clause: Pick<LibraryClause, 'id' | 'version'>): string {
  return `${CLAUSE_TAG_PREFIX}${clause.id}@${clause.version}`;
}

export function parseClauseTag(tag: string): { clauseId: string; version: number } | null {
  const m = CLAUSE_TAG.exec(tag);
  return m ? { clauseId: m[1]!, version: Number(m[2]) } : null;
}

export interface BlockRun {
  text: string;
  bold?: boolean;
  /** Text the writer still has to replace: highlighted in Word so it is not sent by mistake. */
  highlight?: boolean;
}

export interface BlockParagraph {
  /** `title` → Heading 2, `subheading` → Heading 3, `body` → Normal (or a list item). */
  role: 'title' | 'subheading' | 'body';
  list?: { kind: 'bullet' | 'number'; start: boolean };
  runs: BlockRun[];
}

export interface DocumentBlock {
  tag: string;
  /** The content control's title, shown by Word on the control's handle. */
  title: string;
  /** A Heading 1 written just before the control, outside it (e.g. the policy section's name). */
  headingBefore?: string;
  paragraphs: BlockParagraph[];
}

/** A content control as the check reads it from Word. */
export interface TaggedControl {
  id: number;
  tag: string;
  title: string;
  text: string;
}

export interface BlockUpdate {
  controlId: number;
  block: DocumentBlock;
}

function fillRuns(text: string, profile: SchoolProfile): BlockRun[] {
  return inlineRuns(text).map((run) => ({
    text: fillVariables(run.text, profile),
    ...(run.bold ? { bold: true } : {}),
  }));
}

/** A library clause filled with the school's details, as Word will show it. */
export function clauseBlock(
  clause: Pick<LibraryClause, 'id' | 'version' | 'title' | 'body'>,
  profile: SchoolProfile,
  headingBefore?: string,
): DocumentBlock {
  const title = fillVariables(clause.title, profile);
  const paragraphs: BlockParagraph[] = [{ role: 'title', runs: [{ text: title }] }];
  for (const block of markdownBlocks(clause.body)) {
    switch (block.type) {
      case 'heading':
        paragraphs.push({ role: 'subheading', runs: fillRuns(block.text, profile) });
        break;
      case 'paragraph':
        paragraphs.push({ role: 'body', runs: fillRuns(block.text, profile) });
        break;
      case 'bullets':
      case 'numbered': {
        const kind = block.type === 'bullets' ? 'bullet' : 'number';
        block.items.forEach((item, i) =>
          paragraphs.push({ role: 'body', list: { kind, start: i === 0 }, runs: fillRuns(item, profile) }),
        );
        break;
      }
    }
  }
  return { tag: clauseTag(clause), title, ...(headingBefore ? { headingBefore } : {}), paragraphs };
}

/** One section of a referral draft; gaps are highlighted. The tag names the form block only. */
export function referralBlock(section: ReferralSectionDraft): DocumentBlock {
  const paragraphs: BlockParagraph[] = [{ role: 'title', runs: [{ text: section.title }] }];
  let previousWasBullet = false;
  for (const p of section.paragraphs) {
    const bullet = p.kind === 'bullet';
    paragraphs.push({
      role: 'body',
      ...(bullet ? { list: { kind: 'bullet' as const, start: !previousWasBullet } } : {}),
      runs: p.runs.map((r) => ({ text: r.text, ...(r.gap ? { highlight: true } : {}) })),
    });
    previousWasBullet = bullet;
  }
  return { tag: `${REFERRAL_TAG_PREFIX}${section.block}`, title: section.title, paragraphs };
}

/** The whole draft, under a heading naming the case reference (an id, not a child's details). */
export function referralDocumentBlocks(draft: ReferralDraft): DocumentBlock[] {
  return draft.sections.map((section, i) => ({
    ...referralBlock(section),
    ...(i === 0 ? { headingBefore: `Referral to children’s social care (${draft.caseRef})` } : {}),
  }));
}

/** The block's text as Word reports it for the control: one line per paragraph, no list markers. */
export function blockText(block: DocumentBlock): string {
  return block.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
}
