import { longDate, type IsoDate } from '../dates.js';
import { GUIDANCE_EDITION } from '../documents/assessment-document.js';
import type { DocumentBlock } from '../documents/document-blocks.js';
import { countText, SUPPRESSED_TEXT, type TrendTable, type TrendsReport } from './types.js';

/** A report as data, for a renderer that only lays it out. */
export interface GovernorsDocument {
  title: string;
  /** Shown at the top of every page. */
  marking: string;
  /** Shown at the foot of every page. */
  footer: string;
  /** Dates and nothing else: a file name travels where a child's details must not. */
  fileName: string;
  blocks: DocumentBlock[];
}

export const GOVERNORS_MARKING = 'CONFIDENTIAL — for the governing board';

const OFSTED_REVIEW = {
  title: 'Ofsted, Review of sexual abuse in schools and colleges (June 2021)',
  url: 'https://www.gov.uk/government/publications/review-of-sexual-abuse-in-schools-and-colleges',
};
const KCSIE_URL = 'https://www.gov.uk/government/publications/keeping-children-safe-in-education--2';

const unitWords: Record<TrendTable['unit'], string> = {
  cases: 'Cases',
  incidents: 'Incidents',
  involvements: 'Children (once per case)',
  children: 'Children',
  referrals: 'Referrals',
};

function tableBlock(t: TrendTable): DocumentBlock[] {
  const rows = t.rows.map((r) => [r.label, countText(r.count)]);
  if (t.partition && t.total !== undefined) rows.push(['Total', countText(t.total)]);
  return [
    { kind: 'heading', level: 2, text: t.title },
    { kind: 'table', columns: ['', unitWords[t.unit]], rows },
  ];
}

/**
 * The governors' report: counts only (from a governors-audience trends report, so every small count
 * is already withheld), the plain-words summary, and the DSL's commentary. No names, no case
 * references, no descriptions, no dates finer than a month.
 */
export function governorsDocument(
  report: TrendsReport,
  commentary: string | undefined,
  generatedOn: IsoDate,
): GovernorsDocument {
  if (report.audience !== 'governors') throw new Error('The governors’ document needs a governors’ report.');
  const period = `${longDate(report.range.from)} to ${longDate(report.range.to)}`;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text:
        'This report gives the governing board counts of the harmful sexual behaviour and sexual harassment ' +
        'between children that the safeguarding team recorded, so that the board can see patterns and how the ' +
        `school responds. It follows ${GUIDANCE_EDITION} (Keeping children safe in education), Part five, and ` +
        'the recommendation of Ofsted’s 2021 review that schools record and analyse these incidents.',
    },
    {
      kind: 'fields',
      rows: [
        ['Period', period],
        ['Compared with', `${longDate(report.comparedWith.from)} to ${longDate(report.comparedWith.to)}`],
        ['Generated', longDate(generatedOn)],
        ['Guidance followed', `${GUIDANCE_EDITION} (Keeping children safe in education), Part five`],
        ['Cases opened', countText(report.headline.cases)],
        ['Incidents recorded', countText(report.headline.incidents)],
        ['Children involved', countText(report.headline.children)],
      ],
    },
    {
      kind: 'paragraph',
      text:
        `Where a count reads “${SUPPRESSED_TEXT}”, it is between 1 and 4, or it is hidden so that a count ` +
        'between 1 and 4 cannot be worked out from a total. Small numbers could identify a child.',
    },
    { kind: 'heading', level: 1, text: 'What changed' },
    ...report.summary.map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', level: 1, text: 'Commentary from the designated safeguarding lead' },
    {
      kind: 'paragraph',
      text: commentary?.trim() ? commentary.trim() : 'The designated safeguarding lead added no commentary.',
    },
    { kind: 'heading', level: 1, text: 'Counts' },
    ...report.tables.flatMap(tableBlock),
    { kind: 'heading', level: 1, text: 'How to read this report' },
    ...report.notes.map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', level: 1, text: 'Sources' },
    {
      kind: 'paragraph',
      text: `Department for Education, ${GUIDANCE_EDITION} (Keeping children safe in education): ${KCSIE_URL}`,
    },
    { kind: 'paragraph', text: `${OFSTED_REVIEW.title}: ${OFSTED_REVIEW.url}` },
  ];
  return {
    title: 'Harmful sexual behaviour between children: report to the governing board',
    marking: GOVERNORS_MARKING,
    footer: `${GOVERNORS_MARKING} · ${period} · based on ${GUIDANCE_EDITION}`,
    fileName: `governors-report-${report.range.from.slice(0, 7)}-to-${report.range.to.slice(0, 7)}.docx`,
    blocks,
  };
}
