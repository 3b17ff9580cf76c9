import { strFromU8, unzipSync } from 'fflate';
import { renderAssessmentDocx } from '../../../bot/src/documents/render-assessment-docx.js';
import { contentLabels, assessmentDocument, documentAudiences, xmlText } from '../../../core/index.js';
import { canaryAssessment } from '../../helpers/canary-assessment.js';
import { realContent } from '../../helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

interface XmlErrors {
  warning: (message: string) => void;
  error: (message: string) => void;
  fatalError: (message: string) => void;
}
/**
 * Loaded without its type declarations: they pull the DOM library into the whole program's types,
 * which changes `fetch` for every other file.
 */
const { DOMParser } = require('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: XmlErrors }) => {
    parseFromString(xml: string, type: string): { documentElement: { nodeName: string } | null };
  };
};

/** Every character XML 1.0 forbids, raw or as a character reference (lone surrogates included). */
const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  0xfffe,
  0xffff,
]
  .map((c) => String.fromCharCode(c))
  .concat(['\ud800', '\udfff', 'x\udbff']);
const HOSTILE = `Before ${FORBIDDEN.join('|')} after 🙂 ok`;

/** XML 1.0's Char production: what a well-formed document may hold. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function assertWellFormed(xml: string): void {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m) => problems.push(m),
      error: (m) => problems.push(m),
      fatalError: (m) => problems.push(m),
    },
  }).parseFromString(xml, 'text/xml');
  expect(problems).toEqual([]);
  expect(doc.documentElement?.nodeName).toBe('w:document');
  // xmldom is lenient about characters, so the Char production is checked here, escaped or not.
  expect(XML_CHAR.test(xml)).toBe(true);
  for (const [, hex, dec] of xml.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g)) {
    const code = hex ? parseInt(hex, 16) : Number(dec);
    expect(XML_CHAR.test(String.fromCodePoint(code))).toBe(true);
  }
}

describe('generated .docx text', () => {
  it('keeps every character XML allows and drops every one it forbids', () => {
    expect(xmlText(HOSTILE)).toBe(`Before ${'|'.repeat(FORBIDDEN.length - 1)}x after 🙂 ok`);
    expect(xmlText('tab\tline\nreturn\r é 𝔘')).toBe('tab\tline\nreturn\r é 𝔘');
  });

  it.each(documentAudiences)(
    'is well-formed Word XML for the %s audience, whatever the record holds',
    async (audience) => {
      const record = canaryAssessment();
      record.learner.keyAdult = HOSTILE;
      record.risks[0]!.description = HOSTILE;
      record.risks[0]!.strategies[0]!.action = HOSTILE;
      record.risks[0]!.strategies[0]!.owner = HOSTILE;
      record.views = { learner: HOSTILE, parentsCarers: HOSTILE };
      record.incidents[0]!.description = HOSTILE;
      record.staffNotes = HOSTILE;
      record.reviews[0]!.behaviourChanges = HOSTILE;
      const bytes = await renderAssessmentDocx(
        assessmentDocument(record, audience, { generatedOn: '2026-03-10', labels }),
      );
      const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
      assertWellFormed(xml);
      expect(xml).toContain('Before');
      expect(xml).toContain('after 🙂 ok');
    },
  );
});
