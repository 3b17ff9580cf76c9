import {
  buildReferral,
  referralBlocks,
  referralPlainText,
  type ReferralClauseInfo,
  type ReferralDraft,
} from '../../core/referral/index.js';
import { contentLabels } from '../../core/content/labels.js';
import { assessment, CANARY_LEARNER, CANARY_OTHER_CHILD, completeAssessment } from './fixtures/assessment.js';
import { riskTemplate } from './fixtures/fake-services.js';

const labels = contentLabels(riskTemplate());

const clauses: ReferralClauseInfo[] = referralBlocks.map((block, i) => ({
  id: `referral.${block}`,
  version: i + 1,
  kind: 'referral',
  section: block,
  title: `Clause title for ${block}`,
}));

const profile = {
  schoolName: 'Oakfield Academy',
  dslName: 'Priya Shah',
  deputyDslNames: 'Tom Reed and Ana Costa',
  localAuthority: 'Northshire County Council',
  childrensServicesContact: 'Northshire front door',
};

const status = (draft: ReferralDraft, id: string) => draft.checklist.find((i) => i.id === id)?.status;
const sectionText = (draft: ReferralDraft, block: string) =>
  draft.sections
    .find((s) => s.block === block)!
    .paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n');

describe('buildReferral', () => {
  it('gives one section per referral block, in form order, titled and linked to its clause', () => {
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    expect(draft.sections.map((s) => s.block)).toEqual([...referralBlocks]);
    expect(draft.sections[3]).toMatchObject({
      title: 'Clause title for behaviour',
      clause: { id: 'referral.behaviour', version: 4 },
    });
    expect(draft.caseRef).toBe('HSB-2026-0042');
  });

  it('falls back to a built-in title when the library has no clause for a block', () => {
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses: [],
      profile,
      today: '2026-02-20',
      labels,
    });
    expect(draft.sections[0]).toMatchObject({ title: 'Referrer' });
    expect(draft.sections[0]!.clause).toBeUndefined();
  });

  it('pre-fills the sections from a complete assessment and the school profile', () => {
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    expect(sectionText(draft, 'referrer')).toContain(
      'Referrer: Priya Shah, designated safeguarding lead, Oakfield Academy.',
    );
    expect(sectionText(draft, 'referrer')).toContain('Date of referral: 20 February 2026.');
    expect(sectionText(draft, 'child')).toContain(`Name: ${CANARY_LEARNER}`);
    expect(sectionText(draft, 'child')).toContain('Date of birth: 1 May 2012');
    // Incidents in date order, with place and the online marker.
    const behaviour = sectionText(draft, 'behaviour').split('\n');
    expect(behaviour[0]).toBe(
      '20 January 2026, Class group chat (online): Sent sexual comments to the same pupil.',
    );
    expect(behaviour[1]).toMatch(/^2 February 2026, Corridor by the science labs: Touched/);
    expect(sectionText(draft, 'behaviour')).toContain('a child harmed and two children who witnessed it');
    expect(sectionText(draft, 'continuum')).toContain(
      "2 February 2026: problematic on Hackett's continuum; amber on the Brook traffic light tool.",
    );
    expect(sectionText(draft, 'context-history')).toContain(
      '2 incidents are recorded, between 20 January 2026 and 2 February 2026.',
    );
    const actions = sectionText(draft, 'actions-taken');
    expect(actions).toContain(
      `${labels.context('corridors')}: Leaves lessons two minutes early with a key adult (Head of Year 9, from 5 February 2026; in place).`,
    );
    expect(actions).toContain('Review on 19 February 2026: No further incidents in school.');
    expect(actions).toContain(
      `Leaves lessons two minutes early with a key adult: ${labels.strategyImpact('effective')} (No contact in corridors).`,
    );
    // Multi-line free text becomes separate paragraphs, the first after its label.
    expect(sectionText(draft, 'child-voice')).toContain(
      `The child's views: "I didn't think it was a big deal."\nNow understands`,
    );
    expect(sectionText(draft, 'safety-measures')).toContain(
      'The risk assessment will next be reviewed on 5 March 2026.',
    );
    expect(sectionText(draft, 'request')).toContain(
      "recorded decision: referral to children's social care and early help.",
    );
    expect(sectionText(draft, 'availability')).toContain('deputies: Tom Reed and Ana Costa.');
    expect(sectionText(draft, 'below-threshold')).toContain(
      "Northshire County Council's escalation procedure",
    );
    expect(draft.checklist.filter((i) => i.status === 'missing')).toEqual([]);
  });

  it('never makes a referral wait for consent, and describes the risk of the situation, not the child', () => {
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    const consent = draft.checklist.find((i) => i.id === 'consent-given')!;
    expect(consent.hint).toMatch(
      /Never hold up a referral for want of consent where a child is at risk of harm/,
    );
    expect(consent.hint).toMatch(/Seek consent where it is safe and appropriate/);
    expect(consent.hint).toMatch(/reasons either way/);
    expect(`${consent.label} ${consent.hint} ${sectionText(draft, 'consent')}`).not.toMatch(
      /child protection referrals do not|consent is not (?:needed|required)/i,
    );
    const safety = sectionText(draft, 'safety-measures');
    expect(completeAssessment().overallRisk).toBeTruthy();
    expect(safety).toMatch(
      /rates the risk of further harm in the situations it covers as (?:low|medium|high)\./,
    );
    expect(safety).toContain('not the child');
    expect(safety).not.toMatch(/Overall risk/);
  });

  it('flags what a thin draft is missing: what was tried and its effect, the child’s voice, parents told', () => {
    const draft = buildReferral({
      assessment: assessment(),
      clauses,
      profile: {},
      today: '2026-02-20',
      labels,
    });
    for (const id of [
      'actions-tried-effect',
      'voice-child',
      'voice-parents',
      'consent-parents-told',
      'child-identity',
      'behaviour-what',
      'continuum-placement',
      'request-decision',
      'safety-in-place',
      'referrer-details',
      'availability-contacts',
    ]) {
      expect([id, status(draft, id)]).toEqual([id, 'missing']);
    }
    const missing = draft.checklist.filter((i) => i.status === 'missing').map((i) => i.label);
    expect(missing).toEqual(
      expect.arrayContaining([
        'What you have tried and its effect',
        "The child's voice",
        'Parents told — or why not',
      ]),
    );
    // Each gap is a highlighted run in the section text, never silently blank.
    const consentRuns = draft.sections.find((s) => s.block === 'consent')!.paragraphs.flatMap((p) => p.runs);
    expect(consentRuns.find((r) => r.gap)?.text).toMatch(/^\[Have the parents or carers been told/);
    expect(sectionText(draft, 'referrer')).toContain('[DSL name]');
  });

  it('counts strategies without a review as tried but without effect', () => {
    const a = completeAssessment();
    const draft = buildReferral({
      assessment: { ...a, reviews: [] },
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    const item = draft.checklist.find((i) => i.id === 'actions-tried-effect')!;
    expect(item.status).toBe('missing');
    expect(item.hint).toMatch(/review/);
  });

  it('flags a decision that does not include a referral', () => {
    const a = completeAssessment();
    const decision = { ...a.decision!, options: ['manage-internally' as const] };
    const draft = buildReferral({
      assessment: { ...a, decision },
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    expect(status(draft, 'request-decision')).toBe('missing');
  });

  it('never names another child anywhere in the draft or its checklist', () => {
    const draft = buildReferral({
      assessment: completeAssessment(),
      clauses,
      profile,
      today: '2026-02-20',
      labels,
    });
    const everything = JSON.stringify(draft) + referralPlainText(draft);
    expect(everything).not.toContain(CANARY_OTHER_CHILD);
    expect(everything).not.toContain('Witnessby');
    // The checklist is shown in the pane and never quotes the record.
    expect(JSON.stringify(draft.checklist)).not.toContain(CANARY_LEARNER);
  });

  it('is deterministic', () => {
    const a = completeAssessment();
    expect(buildReferral({ assessment: a, clauses, profile, today: '2026-02-20', labels })).toEqual(
      buildReferral({ assessment: a, clauses, profile, today: '2026-02-20', labels }),
    );
  });
});
