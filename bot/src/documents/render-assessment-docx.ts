import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AssessmentDocument, DocumentBlock } from '../../../core/index.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '8A8886' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, header = false, widthPct?: number): TableCell {
  return new TableCell({
    borders,
    ...(widthPct ? { width: { size: widthPct, type: WidthType.PERCENTAGE } } : {}),
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E1DFDD' } } : {}),
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })),
  });
}

function block(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          text: b.text,
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      ];
    case 'paragraph':
      return b.text.split('\n').map((line) => new Paragraph({ text: line, spacing: { after: 120 } }));
    case 'fields':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            ([label, value]) => new TableRow({ children: [cell(label, true, 32), cell(value, false, 68)] }),
          ),
        }),
        new Paragraph({ text: '' }),
      ];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true)) }),
            ...b.rows.map((row) => new TableRow({ children: row.map((v) => cell(v)) })),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
  }
}

/** Lays out an assessment document as Word: marking in the header on every page, guidance edition in the footer. */
export async function renderAssessmentDocx(doc: AssessmentDocument): Promise<Buffer> {
  const marking = `${doc.marking} — ${doc.caseRef}`;
  const document = new Document({
    creator: 'HSB Safeguarding Assistant',
    title: doc.title,
    description: `${doc.marking}. Based on ${doc.guidanceEdition}.`,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: marking, bold: true, color: 'A4262C' })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(`${doc.marking} · ${doc.caseRef} · based on ${doc.guidanceEdition} · page `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' of '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
