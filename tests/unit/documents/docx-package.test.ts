import { strFromU8, unzipSync } from 'fflate';
import { renderAssessmentDocx } from '../../../bot/src/documents/render-assessment-docx.js';
import { contentLabels, assessmentDocument, type AssessmentDocument } from '../../../core/index.js';
import { canaryAssessment } from '../../helpers/canary-assessment.js';
import { maxSizeAssessmentBody, storedAssessment } from '../../helpers/max-size-assessment.js';
import { realContent } from '../../helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

type Node = { nodeName: string; getAttribute(name: string): string | null };
type Doc = {
  documentElement: Node | null;
  getElementsByTagName(name: string): ArrayLike<Node>;
};
/** Loaded without its type declarations: they pull the DOM library into the whole program's types. */
const { DOMParser } = require('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: (level: string, message: string) => void }) => {
    parseFromString(xml: string, type: string): Doc;
  };
};

function parse(xml: string): Doc {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: (_level, message) => problems.push(message) }).parseFromString(
    xml,
    'text/xml',
  );
  expect(problems).toEqual([]);
  return doc;
}

function all(doc: Doc, tag: string): Node[] {
  return Array.from(doc.getElementsByTagName(tag));
}

async function unpack(doc: AssessmentDocument): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await renderAssessmentDocx(doc)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const record = canaryAssessment();

describe('the .docx package', () => {
  it('is a complete Open XML package: every part well-formed, typed and reachable from a relationship', async () => {
    const parts = await unpack(assessmentDocument(record, 'full', { generatedOn: '2026-03-10', labels }));
    for (const xml of Object.values(parts)) parse(xml);

    const types = parse(parts['[Content_Types].xml']!);
    const overrides = new Set(all(types, 'Override').map((o) => o.getAttribute('PartName')));
    const defaults = new Set(all(types, 'Default').map((d) => d.getAttribute('Extension')));
    for (const name of Object.keys(parts)) {
      const typed = overrides.has(`/${name}`) || defaults.has(name.split('.').pop()!);
      expect({ name, typed }).toEqual({ name, typed: true });
    }

    // Every relationship points at a part that exists; the main document is where Word looks for it.
    const rels = (file: string, base: string) =>
      all(parse(parts[file]!), 'Relationship').map((r) => ({
        id: r.getAttribute('Id'),
        target: `${base}${r.getAttribute('Target')}`,
      }));
    const packageRels = rels('_rels/.rels', '');
    expect(packageRels.map((r) => r.target)).toContain('word/document.xml');
    const documentRels = rels('word/_rels/document.xml.rels', 'word/');
    for (const { target } of [...packageRels, ...documentRels]) expect(Object.keys(parts)).toContain(target);

    // The section's header and footer references name relationships that exist.
    const body = parse(parts['word/document.xml']!);
    const referenced = [...all(body, 'w:headerReference'), ...all(body, 'w:footerReference')].map((r) =>
      r.getAttribute('r:id'),
    );
    expect(referenced).toHaveLength(2);
    for (const id of referenced) expect(documentRels.map((r) => r.id)).toContain(id);
    // Every paragraph style used is defined.
    const styles = new Set(
      all(parse(parts['word/styles.xml']!), 'w:style').map((s) => s.getAttribute('w:styleId')),
    );
    for (const used of all(body, 'w:pStyle')) expect(styles).toContain(used.getAttribute('w:val'));
    // A table cell with no paragraph is invalid Word.
    for (const tc of Array.from(body.getElementsByTagName('w:tc')) as unknown as Doc[]) {
      expect(tc.getElementsByTagName('w:p').length).toBeGreaterThan(0);
    }
  });

  it('escapes markup in the record and keeps the words', async () => {
    const doc = assessmentDocument(record, 'full', { generatedOn: '2026-03-10', labels });
    doc.blocks.push({ kind: 'paragraph', text: 'Tom & Jerry <b>"quoted"</b>' });
    const xml = (await unpack(doc))['word/document.xml']!;
    parse(xml);
    expect(xml).toContain('Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;');
  });

  it('puts the marking and case reference in the header and the edition and page numbers in the footer', async () => {
    const doc = assessmentDocument(record, 'staff', { generatedOn: '2026-03-10', labels });
    const parts = await unpack(doc);
    expect(parts['word/header1.xml']).toContain(doc.caseRef);
    expect(parts['word/header1.xml']).toContain(doc.marking);
    expect(parts['word/footer1.xml']).toContain(doc.guidanceEdition);
    expect(parts['word/footer1.xml']).toMatch(/w:instr=" PAGE "[\s\S]*w:instr=" NUMPAGES "/);
  });

  // Its speed is measured in bench/redaction.bench.ts; this checks the largest record still makes a valid file.
  it('lays out the largest record the schema allows, every row of it', async () => {
    const doc = assessmentDocument(storedAssessment(maxSizeAssessmentBody()), 'full', {
      generatedOn: '2026-03-10',
      labels,
    });
    const parts = await unpack(doc);
    expect(all(parse(parts['word/document.xml']!), 'w:tr').length).toBeGreaterThan(1000);
  });
});
