import type { IsoDate } from '../dates.js';
import type { Assessment, Risk } from '../assessment/schema.js';
import { currentRiskLevel } from '../assessment/risk-level.js';
import { guidanceDocuments } from '../content/guidance-documents.js';
import type { ContentLabels } from '../content/labels.js';
import { decisionLabels, hackettLabels, roleLabels, sharingLabels, statusLabels } from './labels.js';
import { redactNames } from './redact-names.js';

/** The guidance edition every generated document names: the KCSIE edition in force. */
export const GUIDANCE_EDITION = `KCSIE ${guidanceDocuments.find((d) => d.name === 'KCSIE')!.current.year}`;
export const CONFIDENTIAL_MARKING = 'STRICTLY CONFIDENTIAL';

export const documentAudiences = ['staff', 'parents', 'full'] as const;
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
};

const yesNo = (value: boolean | undefined): string => (value === undefined ? '—' : value ? 'Yes' : 'No');

function ukDate(date: string | undefined | null): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function affectsLabel(affects: Risk['affects'], audience: DocumentAudience): string {
  switch (affects) {
    case 'learner':
      return 'The learner';
    case 'harmed':
      return audience === 'parents' ? 'Other children' : 'The child harmed';
    case 'others':
      return 'Other children';
    case 'staff':
      return 'Staff';
    default:
      return '—';
  }
}

/**
 * What one audience's document of an assessment contains. Pure: the same record and audience always
 * give the same document. In the parents' document every piece of free text is passed through
 * `redactNames` with the names of the other children, because staff write those texts and may name them.
 */
export function assessmentDocument(
  record: Assessment,
  audience: DocumentAudience,
  options: { generatedOn: IsoDate; labels: ContentLabels },
): AssessmentDocument {
  const { labels } = options;
  const sees = audienceSections[audience];
  const otherNames = record.otherChildren.map((c) => c.name);
  const text = (value: string | undefined): string => {
    if (!value) return '—';
    return audience === 'parents' ? redactNames(value, otherNames, [record.learner.name]) : value;
  };
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
      ['Key adult', text(record.learner.keyAdult)],
    ];
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
      const context = risk.context === 'other' ? text(risk.contextLabel) : labels.context(risk.context);
      blocks.push({ kind: 'heading', level: 2, text: context });
      blocks.push({
        kind: 'fields',
        rows: [
          ['The risk', text(risk.description)],
          ['Who could be harmed', affectsLabel(risk.affects, audience)],
          ['Level before strategies', labels.level(risk.levelBefore)],
          ['Level with strategies in place', risk.levelAfter ? labels.level(risk.levelAfter) : '—'],
          ['Level now', labels.level(currentRiskLevel(risk))],
        ],
      });
      blocks.push({
        kind: 'table',
        columns: ['Strategy', 'Who', 'From', 'In place'],
        rows: risk.strategies.length
          ? risk.strategies.map((s) => [text(s.action), text(s.owner), ukDate(s.startDate), yesNo(s.inPlace)])
          : [['No strategies agreed yet.', '—', '—', '—']],
      });
    }
  }

  if (sees.has('views') && record.views) {
    h('Views');
    blocks.push({
      kind: 'fields',
      rows: [
        ["The learner's views", text(record.views.learner)],
        ["Parents' and carers' views", text(record.views.parentsCarers)],
      ],
    });
  }

  if (sees.has('decision') && record.decision) {
    h('The decision');
    const rows: [string, string][] = [
      ['Decided', record.decision.options.map((o) => decisionLabels[o]).join('; ')],
    ];
    if (sees.has('decisionReasons')) {
      rows.push(
        ['Factors weighed', record.decision.factors.map((f) => f.replace(/-/g, ' ')).join(', ') || '—'],
        ["The harmed child's wishes", text(record.decision.victimWishes)],
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
      record.risks.flatMap((r) => r.strategies.map((s) => [s.id, s.action] as const)),
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
            .map(
              (i) =>
                `${text(strategyName.get(i.strategyId))}: ${labels.strategyImpact(i.impact)}${i.note ? ` (${text(i.note)})` : ''}`,
            )
            .join('; ') || '—';
        return audience === 'parents'
          ? [ukDate(r.date), text(r.behaviourChanges), impacts, ukDate(r.nextDue)]
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

  if (sees.has('signOff') && record.signOff.length) {
    h('Signed off');
    blocks.push({
      kind: 'table',
      columns: ['Name', 'Role', 'Date'],
      rows: record.signOff.map((s) => [text(s.name), text(s.role), ukDate(s.date)]),
    });
  }

  return {
    audience,
    caseRef: record.caseRef,
    title: `HSB risk assessment and safety plan — ${record.caseRef}`,
    marking: CONFIDENTIAL_MARKING,
    guidanceEdition: GUIDANCE_EDITION,
    generatedOn: options.generatedOn,
    fileName: `${record.caseRef}.docx`,
    blocks,
  };
}
