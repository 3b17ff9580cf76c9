import type { IsoDate } from '../dates.js';
import type { Assessment, Risk, RiskAffects } from '../assessment/schema.js';
import type { ChronologyEntry } from '../cases/chronology.js';
import { currentRiskLevel } from '../assessment/risk-level.js';
import { guidanceDocuments } from '../content/guidance-documents.js';
import { affectsLabels, affectsText, type ContentLabels } from '../content/labels.js';
import { decisionLabels, hackettLabels, roleLabels, sharingLabels, statusLabels } from './labels.js';
import { ANOTHER_CHILD, createRedactor, renderMentions } from '../privacy/index.js';
import { xmlText } from './xml-text.js';

/** The guidance edition every generated document names: the KCSIE edition in force. */
export const GUIDANCE_EDITION = `KCSIE ${guidanceDocuments.find((d) => d.name === 'KCSIE')!.current.year}`;
export const CONFIDENTIAL_MARKING = 'STRICTLY CONFIDENTIAL';

/**
 * `file`: one child's own record (their plan and chronology) for a subject access request or a
 * transfer of their file; every other child appears as "another child".
 */
export const documentAudiences = ['staff', 'parents', 'full', 'file'] as const;
export type DocumentAudience = (typeof documentAudiences)[number];

export type DocumentBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: string[]; rows: string[][] };

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

export type DocumentSection =
  | 'learner'
  | 'learnerNeeds'
  | 'incidents'
  | 'incidentNarrative'
  | 'otherChildren'
  | 'meeting'
  | 'risks'
  | 'views'
  | 'decision'
  | 'decisionReasons'
  | 'sharing'
  | 'reviewPlan'
  | 'reviewHistory'
  | 'staffNotes'
  | 'signOff'
  | 'closing';

/**
 * Which parts of an assessment each audience sees. Parents of the learner never see other children,
 * what happened to them, the harmed child's wishes, the DSL's reasoning or staff-only notes; staff who
 * work with the learner see what they need to carry out the plan.
 */
export const audienceSections: Record<DocumentAudience, ReadonlySet<DocumentSection>> = {
  full: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'incidentNarrative',
    'otherChildren',
    'meeting',
    'risks',
    'views',
    'decision',
    'decisionReasons',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  staff: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'otherChildren',
    'meeting',
    'risks',
    'decision',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  file: new Set<DocumentSection>([
    'learner',
    'learnerNeeds',
    'incidents',
    'incidentNarrative',
    'meeting',
    'risks',
    'views',
    'decision',
    'decisionReasons',
    'sharing',
    'reviewPlan',
    'reviewHistory',
    'staffNotes',
    'signOff',
    'closing',
  ]),
  parents: new Set<DocumentSection>([
    'learner',
    'meeting',
    'risks',
    'views',
    'reviewPlan',
    'reviewHistory',
    'signOff',
  ]),
};

const audienceLines: Record<DocumentAudience, string> = {
  full: 'Full record for the Designated Safeguarding Lead and the safeguarding team.',
  staff: 'For staff who work with the learner: share only with those who need to know.',
  parents: 'For the parents and carers of the learner named below.',
  file: 'The record of the child named below, from their own file. Other children appear as “another child”.',
};

const yesNo = (value: boolean | undefined): string => (value === undefined ? '—' : value ? 'Yes' : 'No');

function ukDate(date: string | undefined | null): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Who could be harmed, for one audience. The learner's parents read "other children" where staff read
 * "the child harmed": the plan tells them what is in place, not who was harmed.
 */
function affectsLabel(affects: Risk['affects'], audience: DocumentAudience): string {
  const label = (a: RiskAffects) =>
    audience === 'parents' && a === 'harmed' ? affectsLabels.others : affectsLabels[a];
  return affectsText(affects, label) || '—';
}

/** Free text is split into paragraphs at line breaks: a paragraph is the unit that is kept or left out. */
const paragraphs = (value: string): string[] => value.split(/\r?\n/).filter((line) => line.trim() !== '');

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
  const { labels } = options;
  const sees = audienceSections[audience];
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
  /** Whether this audience must not see the line at all, because it is about another child. */
  const aboutOther = (value: string | undefined): boolean =>
    parents && !!value && redactor.mentionsOther(value);
  /** Free text without its paragraphs about another child; null when nothing else is left. */
  const said = (value: string | undefined): string | null => {
    if (!value || !parents) return text(value);
    const kept = paragraphs(value).filter((line) => !redactor.mentionsOther(line));
    return kept.length ? text(kept.join('\n')) : null;
  };
  const present = (rows: [string, string | null][]): [string, string][] =>
    rows.filter((row): row is [string, string] => row[1] !== null);
  const blocks: DocumentBlock[] = [];
  const h = (t: string) => blocks.push({ kind: 'heading', level: 1, text: t });
  const p = (t: string) => blocks.push({ kind: 'paragraph', text: t });

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

  if (sees.has('learner')) {
    h('The learner');
    const rows: [string, string][] = [
      ['Name', record.learner.name],
      ['Year group', record.learner.yearGroup ?? '—'],
    ];
    if (!aboutOther(record.learner.keyAdult)) rows.push(['Key adult', text(record.learner.keyAdult)]);
    if (audience !== 'parents') rows.splice(1, 0, ['Date of birth', ukDate(record.learner.dateOfBirth)]);
    if (sees.has('learnerNeeds')) {
      rows.push(
        ['SEND', text(record.learner.send)],
        ['Other vulnerabilities', text(record.learner.vulnerabilities)],
      );
    }
    blocks.push({ kind: 'fields', rows });
  }

  if (sees.has('incidents') && record.incidents.length) {
    h('What happened');
    const columns = ['Date', 'Where', 'Online', 'Hackett continuum', 'Brook traffic light'];
    if (sees.has('incidentNarrative')) columns.push('What happened (behaviour, in factual words)');
    blocks.push({
      kind: 'table',
      columns,
      rows: record.incidents.map((i) => {
        const row = [
          ukDate(i.date),
          i.location ?? '—',
          yesNo(i.online),
          i.hackettLevel ? hackettLabels[i.hackettLevel] : '—',
          i.brookRating ? i.brookRating[0]!.toUpperCase() + i.brookRating.slice(1) : '—',
        ];
        if (sees.has('incidentNarrative')) row.push(i.description ?? '—');
        return row;
      }),
    });
  }

  if (sees.has('otherChildren') && record.otherChildren.length) {
    h('Other children involved (by role)');
    blocks.push({
      kind: 'table',
      columns: ['Name', 'Role', 'Year group'],
      rows: record.otherChildren.map((c) => [c.name, roleLabels[c.role], c.yearGroup ?? '—']),
    });
    p("Each child's own needs and wishes are recorded in their own plan, never in this one.");
  }

  if (sees.has('meeting') && record.meeting) {
    h('The planning meeting');
    const m = record.meeting;
    const rows: [string, string][] = [
      ['Date', ukDate(m.date)],
      ['Parents or carers took part', yesNo(m.parentsCarersTookPart)],
    ];
    if (audience !== 'parents') {
      rows.push(
        ['Learner contributed', yesNo(m.learnerContributed)],
        ['How the learner contributed', text(m.learnerContribution)],
      );
    }
    blocks.push({ kind: 'fields', rows });
    if (audience !== 'parents' && m.attendees.length) {
      blocks.push({
        kind: 'table',
        columns: ['Attendee', 'Role', 'Organisation'],
        rows: m.attendees.map((a) => [a.name, a.role, a.organisation ?? '—']),
      });
    }
  }

  if (sees.has('risks')) {
    h('Risks and what is in place');
    if (record.risks.length === 0) p('No risks have been recorded yet.');
    for (const risk of record.risks) {
      const context =
        risk.context !== 'other'
          ? labels.context(risk.context)
          : aboutOther(risk.contextLabel)
            ? labels.context('other')
            : text(risk.contextLabel);
      blocks.push({ kind: 'heading', level: 2, text: context });
      blocks.push({
        kind: 'fields',
        rows: present([
          ['The risk', said(risk.description)],
          ['Who could be harmed', affectsLabel(risk.affects, audience)],
          ['Level before strategies', labels.level(risk.levelBefore)],
          ['Level with strategies in place', risk.levelAfter ? labels.level(risk.levelAfter) : '—'],
          ['Level now', labels.level(currentRiskLevel(risk))],
        ]),
      });
      const shown = risk.strategies.filter((s) => !aboutOther(s.action) && !aboutOther(s.owner));
      if (risk.strategies.length === 0 || shown.length > 0) {
        blocks.push({
          kind: 'table',
          columns: ['Strategy', 'Who', 'From', 'In place'],
          rows: shown.length
            ? shown.map((s) => [text(s.action), text(s.owner), ukDate(s.startDate), yesNo(s.inPlace)])
            : [['No strategies agreed yet.', '—', '—', '—']],
        });
      }
    }
  }

  if (sees.has('views') && record.views) {
    const rows = present([
      ["The learner's views", said(record.views.learner)],
      ["Parents' and carers' views", said(record.views.parentsCarers)],
    ]);
    if (rows.length) {
      h('Views');
      blocks.push({ kind: 'fields', rows });
    }
  }

  if (sees.has('decision') && record.decision) {
    h('The decision');
    const rows: [string, string][] = [
      ['Decided', record.decision.options.map((o) => decisionLabels[o]).join('; ')],
    ];
    if (sees.has('decisionReasons')) {
      rows.push(
        ['Factors weighed', record.decision.factors.map((f) => f.replace(/-/g, ' ')).join(', ') || '—'],
        // Another child's wishes are theirs: the child's own file, sent on or disclosed, leaves them out.
        ...(ownFile
          ? []
          : [["The harmed child's wishes", text(record.decision.victimWishes)] as [string, string]]),
        ['Why (the DSL’s reasons)', text(record.decision.rationale)],
        ['Decided by', text(record.decision.decidedBy)],
        ['Decided on', ukDate(record.decision.decidedOn)],
      );
    }
    blocks.push({ kind: 'fields', rows });
  }

  if (sees.has('sharing') && record.sharing.length) {
    h('Who has been told');
    blocks.push({
      kind: 'table',
      columns: ['Audience', 'Who', 'Told on'],
      rows: record.sharing.map((s) => [sharingLabels[s.audience] ?? s.audience, s.who, ukDate(s.informedOn)]),
    });
  }

  if (sees.has('reviewPlan')) {
    h('Reviews');
    blocks.push({
      kind: 'fields',
      rows: [
        ['Review every', record.review.frequencyWeeks ? `${record.review.frequencyWeeks} weeks` : '—'],
        ['Next review', ukDate(record.review.nextDue)],
      ],
    });
  }

  if (sees.has('reviewHistory') && record.reviews.length) {
    const strategyName = new Map(
      record.risks.flatMap((r) =>
        r.strategies
          .filter((s) => !aboutOther(s.action) && !aboutOther(s.owner))
          .map((s) => [s.id, s.action] as const),
      ),
    );
    blocks.push({
      kind: 'table',
      columns:
        audience === 'parents'
          ? ['Reviewed on', 'Changes in behaviour', 'How each strategy worked', 'Next review']
          : [
              'Reviewed on',
              'By',
              'Changes in behaviour',
              'How each strategy worked',
              'Level after review',
              'Next review',
              'Notes',
            ],
      rows: record.reviews.map((r) => {
        const impacts =
          r.strategyImpacts
            .filter((i) => !parents || (strategyName.has(i.strategyId) && !aboutOther(i.note)))
            .map(
              (i) =>
                `${text(strategyName.get(i.strategyId))}: ${labels.strategyImpact(i.impact)}${i.note ? ` (${text(i.note)})` : ''}`,
            )
            .join('; ') || '—';
        return audience === 'parents'
          ? [ukDate(r.date), said(r.behaviourChanges) ?? '—', impacts, ukDate(r.nextDue)]
          : [
              ukDate(r.date),
              text(r.reviewedBy),
              text(r.behaviourChanges),
              impacts,
              r.newRiskLevel ? labels.level(r.newRiskLevel) : '—',
              ukDate(r.nextDue),
              text(r.notes),
            ];
      }),
    });
  }

  if (sees.has('staffNotes') && record.staffNotes) {
    h('Staff-only notes');
    p(record.staffNotes);
  }

  if (sees.has('closing') && record.status === 'closed') {
    h('Closed');
    blocks.push({
      kind: 'fields',
      rows: [
        ['Closed on', ukDate(record.closedOn)],
        ['Why', text(record.closingReason)],
      ],
    });
  }

  if (ownFile && record.otherChildren.length) {
    h('Other children');
    p('Other children involved in this case are not named in this record; each has a record of their own.');
  }

  if (options.chronology?.length && (ownFile || audience === 'full')) {
    h('Chronology');
    blocks.push({
      kind: 'table',
      columns: ['Date', 'What', 'Recorded by'],
      rows: options.chronology.map((e) => [ukDate(e.date), text(e.summary), e.by]),
    });
  }

  if (sees.has('signOff') && record.signOff.length) {
    h('Signed off');
    blocks.push({
      kind: 'table',
      columns: ['Name', 'Role', 'Date'],
      rows: record.signOff
        .filter((s) => !aboutOther(s.name) && !aboutOther(s.role))
        .map((s) => [text(s.name), text(s.role), ukDate(s.date)]),
    });
  }

  return {
    audience,
    caseRef: xmlText(record.caseRef),
    title: xmlText(`HSB risk assessment and safety plan — ${record.caseRef}`),
    marking: CONFIDENTIAL_MARKING,
    guidanceEdition: GUIDANCE_EDITION,
    generatedOn: options.generatedOn,
    fileName: `${xmlText(record.caseRef)}.docx`,
    // The child's own file names no other child anywhere, whichever section the text came from.
    blocks: blocks.map((b) => (ownFile ? mapBlockText(b, (t) => redactor.redact(t)) : b)).map(xmlBlock),
  };
}

function mapBlockText(block: DocumentBlock, f: (text: string) => string): DocumentBlock {
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
function xmlBlock(block: DocumentBlock): DocumentBlock {
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
