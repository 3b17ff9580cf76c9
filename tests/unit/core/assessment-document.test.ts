import {
  assessmentDocument,
  audienceSections,
  contentLabels,
  redactNames,
  type DocumentAudience,
} from '../../../core/index.js';
import {
  canaryAssessment,
  CANARY_LEARNER,
  CANARY_OTHER_CHILD,
  CANARY_STAFF_NOTE,
} from '../../helpers/canary-assessment.js';
import { realContent } from '../../helpers/content.js';

const labels = contentLabels(realContent().riskTemplate);

const LEARNER = CANARY_LEARNER;
const OTHER = CANARY_OTHER_CHILD;
const STAFF_NOTE = CANARY_STAFF_NOTE;

function textOf(audience: DocumentAudience): string {
  return JSON.stringify(
    assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10', labels }),
  );
}

describe('assessment documents by audience', () => {
  it('never name or describe another child in the parents’ version, nor carry staff-only notes', () => {
    const parents = textOf('parents');
    for (const forbidden of [
      'Robin',
      'ROBIN',
      'Wren',
      STAFF_NOTE,
      'touched',
      'does not want to move',
      'both children supported',
      'Year 7',
      'Child harmed',
      'Review notes for staff',
    ]) {
      expect(parents).not.toContain(forbidden);
    }
    expect(parents).toContain(LEARNER);
    expect(parents).toContain('another child');
    expect(parents).toContain('Leaves lessons two minutes early');
  });

  it('give staff what they need to carry out the plan, without the DSL’s reasoning', () => {
    const staff = textOf('staff');
    expect(staff).toContain(OTHER);
    expect(staff).toContain(STAFF_NOTE);
    expect(staff).not.toContain('both children supported');
    expect(staff).not.toContain('touched');
  });

  it('keep everything in the full record', () => {
    const full = textOf('full');
    for (const expected of [
      OTHER,
      STAFF_NOTE,
      'touched',
      'both children supported',
      'does not want to move',
    ]) {
      expect(full).toContain(expected);
    }
  });

  it('mark every version confidential, name the guidance edition and case reference, and name files by case reference', () => {
    for (const audience of ['staff', 'parents', 'full'] as const) {
      const doc = assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10', labels });
      expect(doc.marking).toBe('STRICTLY CONFIDENTIAL');
      expect(doc.guidanceEdition).toBe('KCSIE 2026');
      expect(doc.fileName).toBe('HSB-2026-0042.docx');
      expect(doc.title).toContain('HSB-2026-0042');
      expect(doc.title).not.toContain(LEARNER);
      expect(JSON.stringify(doc.blocks)).toContain('KCSIE 2026');
    }
  });

  it('lists risks with strategies and the review history in tables', () => {
    const doc = assessmentDocument(canaryAssessment(), 'staff', { generatedOn: '2026-03-10', labels });
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables.some((t) => t.kind === 'table' && t.columns[0] === 'Strategy')).toBe(true);
    expect(tables.some((t) => t.kind === 'table' && t.columns.includes('How each strategy worked'))).toBe(
      true,
    );
  });

  it('never let parents see the sections that exist to describe other children', () => {
    for (const section of [
      'otherChildren',
      'incidents',
      'incidentNarrative',
      'decisionReasons',
      'staffNotes',
      'sharing',
    ] as const) {
      expect(audienceSections.parents.has(section)).toBe(false);
    }
  });
});

describe('redactNames', () => {
  it('removes full names and each part of them, ignoring case, at word edges only', () => {
    expect(redactNames('Robin Wren and robin; wren’s bag. Robinson stays.', ['Robin Wren'])).toBe(
      'another child and another child; another child’s bag. Robinson stays.',
    );
  });

  it('keeps the parts the learner’s own name shares with a sibling', () => {
    expect(
      redactNames('Sam Canary said Alex Canary was upset; Alex left.', ['Alex Canary'], ['Sam Canary']),
    ).toBe('Sam Canary said another child was upset; another child left.');
  });

  it('treats names as text, not patterns', () => {
    expect(redactNames('A (B) and A+', ['A+'])).toBe('A (B) and another child');
  });
});
