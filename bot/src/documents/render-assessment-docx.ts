import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  xmlText,
  type AssessmentDocument,
  type DocumentBlock,
  type GovernorsDocument,
} from '../../../core/index.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/*
 * Writes WordprocessingML directly. The `docx` package builds an object per cell, border and run and
 * then walks them again to serialise; for the largest record the schema allows (about 2,000 strategy
 * rows) that took 1–3 s of one core and kept the server from answering anything else meanwhile. The
 * document model here is small and fixed (title, headings, paragraphs, two kinds of table, a marking
 * in the header and the footer), so the markup is written once, as strings, in a few milliseconds.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A4 with 2.54 cm margins: the text is 9,026 twentieths of a point wide. */
const TEXT_WIDTH_TWIPS = 9026;
const HEADER_FILL = 'E1DFDD';
const MARKING_COLOUR = 'A4262C';

function escape(text: string): string {
  return xmlText(text).replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

function paragraph(text: string, options: { style?: string; bold?: boolean; after?: number } = {}): string {
  const ppr =
    (options.style ? `<w:pStyle w:val="${options.style}"/>` : '') +
    (options.after !== undefined ? `<w:spacing w:after="${options.after}"/>` : '');
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}${text ? run(text, options.bold ? '<w:b/>' : '') : ''}</w:p>`;
}

/** A table cell holds at least one paragraph; each line of the value is one. */
function cell(text: string, header: boolean, widthPct?: number): string {
  const tcpr =
    (widthPct ? `<w:tcW w:w="${widthPct * 50}" w:type="pct"/>` : '') +
    (header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : '');
  const lines = text.split('\n').map((line) => paragraph(line, { bold: header }));
  return `<w:tc>${tcpr ? `<w:tcPr>${tcpr}</w:tcPr>` : ''}${lines.join('')}</w:tc>`;
}

function table(columnCount: number, rows: string[]): string {
  const col = Math.floor(TEXT_WIDTH_TWIPS / Math.max(1, columnCount));
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>` +
    `<w:tblGrid>${`<w:gridCol w:w="${col}"/>`.repeat(columnCount)}</w:tblGrid>${rows.join('')}</w:tbl>` +
    paragraph('')
  );
}

function block(b: DocumentBlock): string {
  switch (b.kind) {
    case 'heading':
      return paragraph(b.text, { style: b.level === 1 ? 'Heading1' : 'Heading2' });
    case 'paragraph':
      return b.text
        .split('\n')
        .map((line) => paragraph(line, { after: 120 }))
        .join('');
    case 'fields':
      return table(
        2,
        b.rows.map(([label, value]) => `<w:tr>${cell(label, true, 32)}${cell(value, false, 68)}</w:tr>`),
      );
    case 'table':
      return table(b.columns.length, [
        `<w:tr><w:trPr><w:tblHeader/></w:trPr>${b.columns.map((c) => cell(c, true)).join('')}</w:tr>`,
        ...b.rows.map((row) => `<w:tr>${row.map((v) => cell(v, false)).join('')}</w:tr>`),
      ]);
  }
}

function field(instruction: string): string {
  return `<w:fldSimple w:instr=" ${instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>`;
}

/** What the writer lays out: any of the app's documents comes down to this. */
interface WordDocument {
  title: string;
  blocks: readonly DocumentBlock[];
  header: string;
  footer: string;
  description: string;
}

function documentXml(doc: WordDocument): string {
  const body = [paragraph(doc.title, { style: 'Title' }), ...doc.blocks.map(block)].join('');
  return (
    `${XML_DECL}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}` +
    `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>` +
    `<w:footerReference w:type="default" r:id="rIdFooter"/>` +
    `<w:pgSz w:w="11906" w:h="16838"/>` +
    `<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>` +
    `</w:sectPr></w:body></w:document>`
  );
}

function headerXml(marking: string): string {
  return (
    `${XML_DECL}<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
    `${run(marking, `<w:b/><w:color w:val="${MARKING_COLOUR}"/>`)}</w:p></w:hdr>`
  );
}

function footerXml(footer: string): string {
  return (
    `${XML_DECL}<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
    run(`${footer} · page `) +
    field('PAGE') +
    run(' of ') +
    field('NUMPAGES') +
    `</w:p></w:ftr>`
  );
}

const STYLES_XML =
  `${XML_DECL}<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>` +
  `<w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr><w:spacing w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>` +
  `<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>` +
  `<w:rPr><w:sz w:val="48"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>` +
  `<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>` +
  `<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>` +
  `<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="100"/>` +
  `<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>` +
  `<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="8A8886"/>`)
    .join('') +
  `</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>` +
  `</w:tblCellMar></w:tblPr></w:style></w:styles>`;

const CONTENT_TYPES_XML =
  `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS_XML =
  `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdDocument" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rIdCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;
const DOCUMENT_RELS_XML =
  `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdHeader" Type="${REL}/header" Target="header1.xml"/>` +
  `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>` +
  `</Relationships>`;

function coreXml(doc: WordDocument): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escape(doc.title)}</dc:title><dc:creator>HSB Safeguarding Assistant</dc:creator>` +
    `<dc:description>${escape(doc.description)}</dc:description>` +
    `</cp:coreProperties>`
  );
}

function renderWord(doc: WordDocument): Buffer {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES_XML),
    '_rels/.rels': strToU8(PACKAGE_RELS_XML),
    'docProps/core.xml': strToU8(coreXml(doc)),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS_XML),
    'word/document.xml': strToU8(documentXml(doc)),
    'word/styles.xml': strToU8(STYLES_XML),
    'word/header1.xml': strToU8(headerXml(doc.header)),
    'word/footer1.xml': strToU8(footerXml(doc.footer)),
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** Lays out an assessment document as Word: marking in the header on every page, guidance edition in the footer. */
export async function renderAssessmentDocx(doc: AssessmentDocument): Promise<Buffer> {
  return renderWord({
    title: doc.title,
    blocks: doc.blocks,
    header: `${doc.marking} — ${doc.caseRef}`,
    footer: `${doc.marking} · ${doc.caseRef} · based on ${doc.guidanceEdition}`,
    description: `${doc.marking}. Based on ${doc.guidanceEdition}.`,
  });
}

/** Lays out the governors' report as Word, with the same styles as every other document. */
export async function renderGovernorsDocx(doc: GovernorsDocument): Promise<Buffer> {
  return renderWord({
    title: doc.title,
    blocks: doc.blocks,
    header: doc.marking,
    footer: doc.footer,
    description: doc.footer,
  });
}
