import type { IsoDate } from '../dates.js';
import type { Assessment } from '../assessment/schema.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import { guidanceDocuments } from '../content/guidance-documents.js';
import type { ContentLabels } from '../content/labels.js';
import { statusLabels } from './labels.js';
import { audienceLines, type DocumentAudience } from './document-audiences.js';
import { mapBlockText, xmlBlock, type DocumentBlock } from './document-blocks.js';
import { documentWriter, ukDate, type DocumentWriter } from './document-writer.js';
import { decisionSection, sharingSection } from './sections/decision-sections.js';
import {
  incidentsSection,
  learnerSection,
  meetingSection,
  otherChildrenSection,
} from './sections/learner-sections.js';
import {
  chronologySection,
  closingSection,
  otherChildrenNote,
  signOffSection,
  staffNotesSection,
} from './sections/record-sections.js';
import { reviewHistorySection, reviewPlanSection } from './sections/review-sections.js';
import { risksSection, viewsSection } from './sections/risk-sections.js';
import { xmlText } from './xml-text.js';

/** The guidance edition every generated document names: the KCSIE edition in force. */
export const GUIDANCE_EDITION = `KCSIE ${guidanceDocuments.find((d) => d.name === 'KCSIE')!.current.year}`;
export const CONFIDENTIAL_MARKING = 'STRICTLY CONFIDENTIAL';

/** A document as data: the renderer (outside core) only lays it out. */
export interface AssessmentDocument {
  audience: DocumentAudience;
  caseRef: string;
  title: string;
  marking: typeof CONFIDENTIAL_MARKING;
  guidanceEdition: typeof GUIDANCE_EDITION;
  generatedOn: IsoDate;
  /** The case reference only: a file name is seen in places a child's name must not be. */
  fileName: string;
  blocks: DocumentBlock[];
}

/** The document's sections in the order they appear; each writes nothing its audience does not see. */
const sections: readonly ((w: DocumentWriter) => void)[] = [
  learnerSection,
  incidentsSection,
  otherChildrenSection,
  meetingSection,
  risksSection,
  viewsSection,
  decisionSection,
  sharingSection,
  reviewPlanSection,
  reviewHistorySection,
  staffNotesSection,
  closingSection,
  otherChildrenNote,
  chronologySection,
  signOffSection,
];

/**
 * What one audience's document of an assessment contains. Pure: the same record and audience always
 * give the same document. The parents' document never describes another child: staff write its free
 * text and may name them, so any strategy, view, paragraph or row that names or mentions another child
 * (in any form) is left out, not rewritten, and what remains still has names replaced as a safety net.
 */
export function assessmentDocument(
  record: Assessment,
  audience: DocumentAudience,
  options: { generatedOn: IsoDate; labels: ContentLabels; chronology?: readonly ChronologyEntry[] },
): AssessmentDocument {
  const w = documentWriter(record, audience, options);
  const { labels, blocks, ownFile, p } = w;

  blocks.push({ kind: 'paragraph', text: `${CONFIDENTIAL_MARKING}. ${audienceLines[audience]}` });
  blocks.push({
    kind: 'fields',
    rows: [
      ['Case reference', record.caseRef],
      ['Status', statusLabels[record.status]],
      ['Overall risk now', record.overallRisk ? labels.level(record.overallRisk) : 'Not yet assessed'],
      ['Guidance followed', `${GUIDANCE_EDITION} (Keeping children safe in education), Part five`],
      ['Generated', ukDate(options.generatedOn)],
    ],
  });
  p(
    'The decisions in this plan were made and recorded by the Designated Safeguarding Lead (DSL), with the reasons for them. This document records them; it does not make them.',
  );
  for (const write of sections) write(w);

  return {
    audience,
    caseRef: xmlText(record.caseRef),
    title: xmlText(`HSB risk assessment and safety plan — ${record.caseRef}`),
    marking: CONFIDENTIAL_MARKING,
    guidanceEdition: GUIDANCE_EDITION,
    generatedOn: options.generatedOn,
    fileName: `${xmlText(record.caseRef)}.docx`,
    // The child's own file names no other child anywhere, whichever section the text came from.
    blocks: blocks.map((b) => (ownFile ? mapBlockText(b, w.redact) : b)).map(xmlBlock),
  };
}
