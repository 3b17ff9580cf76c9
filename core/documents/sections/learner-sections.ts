import { hackettLabels, roleLabels } from '../labels.js';
import { ukDate, yesNo, type DocumentWriter } from '../document-writer.js';

// The learner, what happened, the other children by role and the planning meeting.

export function learnerSection(w: DocumentWriter): void {
  const { record, audience, sees, blocks, text, aboutOther, h } = w;
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
}

export function incidentsSection(w: DocumentWriter): void {
  const { record, sees, blocks, h } = w;
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
}

export function otherChildrenSection(w: DocumentWriter): void {
  const { record, sees, blocks, h, p } = w;
  if (sees.has('otherChildren') && record.otherChildren.length) {
    h('Other children involved (by role)');
    blocks.push({
      kind: 'table',
      columns: ['Name', 'Role', 'Year group'],
      rows: record.otherChildren.map((c) => [c.name, roleLabels[c.role], c.yearGroup ?? '—']),
    });
    p("Each child's own needs and wishes are recorded in their own plan, never in this one.");
  }
}

export function meetingSection(w: DocumentWriter): void {
  const { record, audience, sees, blocks, text, h } = w;
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
}
