import { xmlText } from './xml-text.js';

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: string[][] };

/** The block with `f` applied to its headings, paragraphs, field values and cells (not labels or column names). */
export function mapBlockText(block: DocumentBlock, f: (text: string) => string): DocumentBlock {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: f(block.text) };
    case 'fields':
      return { ...block, rows: block.rows.map(([label, value]): [string, string] => [label, f(value)]) };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(f)) };
  }
}

/** Every string a document carries, without the characters that would make its Word XML unreadable. */
export function xmlBlock(block: DocumentBlock): DocumentBlock {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: xmlText(block.text) };
    case 'fields':
      return {
        ...block,
        rows: block.rows.map(([label, value]): [string, string] => [xmlText(label), xmlText(value)]),
      };
    case 'table':
      return {
        ...block,
        columns: block.columns.map(xmlText),
        rows: block.rows.map((row) => row.map(xmlText)),
      };
  }
}
