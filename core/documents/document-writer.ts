import type { Assessment } from '../assessment/schema.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import type { ContentLabels } from '../content/labels.js';
import { ANOTHER_CHILD, createRedactor, renderMentions } from '../privacy/index.js';
import { audienceSections, type DocumentAudience, type DocumentSection } from './document-audiences.js';
import type { DocumentBlock } from './document-blocks.js';

/**
 * One audience's document of one assessment as it is written: what the audience sees, how its free
 * text reads (mentions rendered for staff; names replaced for the parents and the child's own file),
 * and the blocks written so far. Each section of the document writes its blocks through it.
 */
export interface DocumentWriter {
  readonly record: Assessment;
  readonly audience: DocumentAudience;
  readonly labels: ContentLabels;
  readonly chronology: readonly ChronologyEntry[] | undefined;
  readonly sees: ReadonlySet<DocumentSection>;
  readonly parents: boolean;
  /** One child's own file: every other child appears as "another child". */
  readonly ownFile: boolean;
  readonly blocks: DocumentBlock[];
  text(value: string | undefined): string;
  /** Whether this audience must not see the line at all, because it is about another child. */
  aboutOther(value: string | undefined): boolean;
  /** Free text without its paragraphs about another child; null when nothing else is left. */
  said(value: string | undefined): string | null;
  /** Every name of another child in `value` replaced. */
  redact(value: string): string;
  h(text: string): void;
  p(text: string): void;
}

/** Free text is split into paragraphs at line breaks: a paragraph is the unit that is kept or left out. */
const paragraphs = (value: string): string[] => value.split(/\r?\n/).filter((line) => line.trim() !== '');

export function documentWriter(
  record: Assessment,
  audience: DocumentAudience,
  options: { labels: ContentLabels; chronology?: readonly ChronologyEntry[] | undefined },
): DocumentWriter {
  const parents = audience === 'parents';
  const others = record.otherChildren.map((c) => ({ id: c.id, name: c.name }));
  const redactor = createRedactor({
    others,
    own: { name: record.learner.name },
    replacement: ANOTHER_CHILD,
  });
  const nameOf = new Map(others.map((c) => [c.id, c.name]));
  const ownFile = audience === 'file';
  const text = (value: string | undefined): string => {
    if (!value) return '—';
    if (parents || ownFile) return redactor.redact(value);
    return renderMentions(value, (id) => nameOf.get(id) ?? ANOTHER_CHILD);
  };
  const blocks: DocumentBlock[] = [];
  return {
    record,
    audience,
    labels: options.labels,
    chronology: options.chronology,
    sees: audienceSections[audience],
    parents,
    ownFile,
    blocks,
    text,
    aboutOther: (value) => parents && !!value && redactor.mentionsOther(value),
    said: (value) => {
      if (!value || !parents) return text(value);
      const kept = paragraphs(value).filter((line) => !redactor.mentionsOther(line));
      return kept.length ? text(kept.join('\n')) : null;
    },
    redact: (value) => redactor.redact(value),
    h: (t) => blocks.push({ kind: 'heading', level: 1, text: t }),
    p: (t) => blocks.push({ kind: 'paragraph', text: t }),
  };
}

export const yesNo = (value: boolean | undefined): string =>
  value === undefined ? '—' : value ? 'Yes' : 'No';

export function ukDate(date: string | undefined | null): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The rows whose value this audience may see (a null value is left out). */
export const present = (rows: [string, string | null][]): [string, string][] =>
  rows.filter((row): row is [string, string] => row[1] !== null);
