import {
  assessmentDocument,
  audienceSections,
  type Assessment,
  type DocumentAudience,
} from '../../../core/index.js';
import {
  canaryAssessment,
  CANARY_LEARNER,
  CANARY_OTHER_CHILD,
  CANARY_STAFF_NOTE,
} from '../../helpers/canary-assessment.js';

const LEARNER = CANARY_LEARNER;
const OTHER = CANARY_OTHER_CHILD;
const STAFF_NOTE = CANARY_STAFF_NOTE;

function textOf(audience: DocumentAudience): string {
  return JSON.stringify(assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10' }));
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
    expect(parents).toContain('Says it was a joke.');
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
      const doc = assessmentDocument(canaryAssessment(), audience, { generatedOn: '2026-03-10' });
      expect(doc.marking).toBe('STRICTLY CONFIDENTIAL');
      expect(doc.guidanceEdition).toBe('KCSIE 2025');
      expect(doc.fileName).toBe('HSB-2026-0042.docx');
      expect(doc.title).toContain('HSB-2026-0042');
      expect(doc.title).not.toContain(LEARNER);
      expect(JSON.stringify(doc.blocks)).toContain('KCSIE 2025');
    }
  });

  it('lists risks with strategies and the review history in tables', () => {
    const doc = assessmentDocument(canaryAssessment(), 'staff', { generatedOn: '2026-03-10' });
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

describe('the parents’ document leaves out every line about another child', () => {
  const ZOE = 'Zoë Ångström';
  const SEP = '\u00a0';

  function zoeRecord(typed: string): Assessment {
    const record = canaryAssessment();
    record.otherChildren = [{ id: 'c1', name: ZOE, role: 'harmed' }];
    record.risks[0]!.description = 'Unsupervised changeovers.';
    record.risks[0]!.strategies = [
      {
        id: 's1',
        action: `${typed} can go to the Year 9 office as a safe space`,
        owner: 'Head of Year 9',
        inPlace: true,
      },
      { id: 's2', action: 'Leaves lessons two minutes early', owner: 'Form tutor', inPlace: true },
    ];
    record.views = {
      learner: 'Says it was a joke.',
      parentsCarers: `Want it to stop.\n${typed}’s family live next door.\nHappy with the plan.`,
    };
    record.reviews[0]!.behaviourChanges = 'Calmer.';
    record.reviews[0]!.strategyImpacts = [
      { strategyId: 's1', impact: 'effective', note: 'Works well.' },
      { strategyId: 's2', impact: 'effective', note: 'Feels safer.' },
      { strategyId: 's2', impact: 'effective', note: `Keeps away from ${typed}` },
    ];
    return record;
  }

  it.each([
    ['as stored', ZOE],
    ['decomposed', 'Zoe\u0308 A\u030angstro\u0308m'],
    ['first name only, soft hyphen inside', 'Zo\u00ade'],
    ['surname only, zero-width space inside', `Ång${'\u200b'}ström`],
    ['full-width', '\uff3a\uff4f\uff45'],
    ['no diacritics, in capitals', `ZOE${SEP}ANGSTROM`],
  ])('typed %s', (_form, typed) => {
    const parents = JSON.stringify(
      assessmentDocument(zoeRecord(typed), 'parents', { generatedOn: '2026-03-10' }),
    );
    for (const gone of [
      'Year 9 office',
      'safe space',
      'next door',
      'Works well',
      'Keeps away',
      'another child',
    ]) {
      expect(parents).not.toContain(gone);
    }
    expect(
      parents
        .normalize('NFKD')
        .replace(/\p{M}|[\u00ad\u200b]/gu, '')
        .toLowerCase(),
    ).not.toMatch(/zoe|angstrom/);
    expect(parents).toContain('Leaves lessons two minutes early');
    expect(parents).toContain('Want it to stop.\\nHappy with the plan.');
    expect(parents).toContain('Feels safer.');

    const full = JSON.stringify(assessmentDocument(zoeRecord(typed), 'full', { generatedOn: '2026-03-10' }));
    expect(full).toContain('safe space');
    expect(full).toContain('next door');
  });

  it('leaves out lines that mention another child by reference, and shows the learner’s own mention by name', () => {
    const record = zoeRecord('Zoë');
    const id = 'c2b1a1c0-0000-4000-8000-000000000001';
    record.otherChildren = [{ id, name: ZOE, role: 'harmed' }];
    record.risks[0]!.strategies[0]!.action = `@[child:${id}] can go to the Year 9 office as a safe space`;
    const parents = JSON.stringify(assessmentDocument(record, 'parents', { generatedOn: '2026-03-10' }));
    expect(parents).not.toContain('safe space');
    expect(parents).not.toContain('@[child:');
    const full = JSON.stringify(assessmentDocument(record, 'full', { generatedOn: '2026-03-10' }));
    expect(full).toContain(`${ZOE} can go to the Year 9 office`);
  });

  it('does not claim no strategies were agreed when every one was left out', () => {
    const record = zoeRecord('Zoë');
    record.risks[0]!.strategies = record.risks[0]!.strategies.slice(0, 1);
    const parents = JSON.stringify(assessmentDocument(record, 'parents', { generatedOn: '2026-03-10' }));
    expect(parents).not.toContain('No strategies agreed yet');
    expect(parents).not.toContain('safe space');
  });

  it('keeps the parts of the learner’s own name that a sibling shares', () => {
    const record = zoeRecord('Zoë');
    record.learner.name = 'Sam Canary';
    record.otherChildren = [{ id: 'c1', name: 'Alex Canary', role: 'harmed' }];
    record.views = {
      learner: 'Sam Canary said sorry.',
      parentsCarers: 'Alex Canary was upset.\nThe Canary family agree.',
    };
    const parents = JSON.stringify(assessmentDocument(record, 'parents', { generatedOn: '2026-03-10' }));
    expect(parents).toContain('Sam Canary said sorry.');
    expect(parents).toContain('The Canary family agree.');
    expect(parents).not.toContain('Alex');
  });
});
