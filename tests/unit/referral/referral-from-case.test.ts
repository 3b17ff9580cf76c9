import { join } from 'node:path';
import { loadContentLibrary } from '../../../bot/src/content/load-content.js';
import { contentLabels } from '../../../core/content/labels.js';
import {
  buildReferral,
  referralBlocks,
  referralPlainText,
  type BuildReferralInput,
  type ReferralDraft,
} from '../../../core/referral/index.js';
import { B_TYPED, NAME_A, NAME_B, planA, planB, theCase } from '../../word/fixtures/case.js';

const labels = contentLabels(loadContentLibrary(join(__dirname, '../../../content')).riskTemplate);
const clauses = referralBlocks.map((block, i) => ({
  id: `referral.${block}`,
  version: i + 1,
  kind: 'referral',
  section: block,
  title: `Clause ${block}`,
}));
const profile = {
  schoolName: 'Oakfield Academy',
  dslName: 'Priya Shah',
  deputyDslNames: 'Tom Reed',
  localAuthority: 'Northshire County Council',
};

const build = (input: Pick<BuildReferralInput, 'assessment' | 'case'>) =>
  buildReferral({ ...input, clauses, profile, today: '2026-02-20', labels });
const text = (draft: ReferralDraft, block: string) =>
  draft.sections
    .find((s) => s.block === block)!
    .paragraphs.map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n');
/** Case, accents, zero-width and soft-hyphen characters folded away, so no typed form slips through. */
const folded = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\p{M}\u200b-\u200d\u00ad\u2060\ufeff]/gu, '')
    .toLowerCase();
const everything = (draft: ReferralDraft) => folded(JSON.stringify(draft) + referralPlainText(draft));

describe('a referral built from the case, about the child who displayed HSB', () => {
  const draft = build({ assessment: planA(), case: theCase() });

  it('names this child and never the child harmed, in any typed form', () => {
    expect(text(draft, 'child')).toContain(`Name: ${NAME_A}`);
    expect(everything(draft)).not.toMatch(/quillon|sparrowhawk/);
    expect(text(draft, 'behaviour')).toContain(`${NAME_A} touched another child over clothing.`);
    expect(text(draft, 'child-voice')).toContain('Says another child laughed too.');
    expect(text(draft, 'actions-taken')).toContain('no lessons with another child.');
  });

  it('takes the report, the decision and the agencies from the case', () => {
    expect(draft.caseRef).toBe('HSB-2026-0007');
    expect(text(draft, 'behaviour')).toContain(
      `What was reported: ${NAME_A} touched another child over clothing in the lunch queue.`,
    );
    expect(text(draft, 'behaviour')).toContain('A lunchtime supervisor saw it.');
    const history = text(draft, 'context-history');
    expect(history).toContain(
      "Referral to children's social care on 6 February 2026 (reference MASH-2291): accepted.",
    );
    expect(history).toContain('Outcome (9 February 2026): Strategy discussion held.');
    expect(history).toContain("Children's social care involvement: child in need.");
    expect(history).toContain('Social worker: Sam Okafor, Northshire assessment team.');
    expect(history).toContain('Police: reference NP-26-0413, officer PC Marsh.');
    expect(history).toContain('(for example AIM): requested.');
    expect(history).toContain('Factors the designated safeguarding lead weighed: any imbalance of power');
    expect(text(draft, 'request')).toContain("recorded decision: referral to children's social care.");
    expect(text(draft, 'request')).toContain('Why: Second incident this term.');
    expect(text(draft, 'child-voice')).toContain("The parents' or carers' views: Worried; support the plan.");
    expect(draft.checklist.find((i) => i.id === 'context-agencies')?.status).toBe('present');
  });

  it('leaves out the lines only about the other child, and says how many and why', () => {
    const all = referralPlainText(draft);
    expect(all).not.toContain('mother phoned');
    expect(all).not.toContain('frightened to come to school');
    expect(all).not.toContain('allocated a social worker');
    expect(draft.leftOut.find((l) => l.kind === 'lines')).toEqual({
      kind: 'lines',
      count: 3,
      statement:
        '3 lines about another child left out: the case’s notes that are only about another child stay in the case.',
    });
  });

  it('gives what the police found only with what they agreed may be shared, and otherwise says so', () => {
    const history = text(draft, 'context-history');
    expect(history).not.toContain('Under investigation');
    expect(referralPlainText(draft)).not.toMatch(/bail conditions or orders:/i);
    expect(draft.leftOut.map((l) => l.statement)).toContain(
      '2 police fields (investigation status, bail conditions) left out: the case does not record what the police agreed may be shared.',
    );
    expect(draft.leftOut.map((l) => l.statement)).toContain(
      '1 other child’s plan not used: a child’s plan, wishes and support stay in their own record.',
    );

    const agreed = build({
      assessment: planA(),
      case: theCase([{ what: 'the investigation status and bail conditions', with: 'the school' }]),
    });
    const shared = text(agreed, 'context-history');
    expect(shared).toContain(
      'The police agreed that the investigation status and bail conditions may be shared with the school.',
    );
    expect(shared).toContain('Police investigation: Under investigation.');
    expect(shared).toContain('Bail conditions or orders: No contact with another child.');
    expect(agreed.leftOut.some((l) => l.statement.includes('police field'))).toBe(false);
    expect(agreed.checklist.find((i) => i.id === 'police-sharing')?.status).toBe('to-add');
    expect(everything(agreed)).not.toMatch(/quillon|sparrowhawk/);
  });

  it('counts the names it replaced, and the count matches the statement in the draft', () => {
    const names = draft.leftOut.find((l) => l.kind === 'names')!;
    expect(names.count).toBe(draft.namesLeftOut);
    expect(names.count).toBeGreaterThanOrEqual(4);
    expect(text(draft, 'behaviour')).toContain(names.statement);
  });
});

describe('a referral built from the case, about the child harmed', () => {
  const draft = build({ assessment: planB(), case: theCase() });

  it('names the child harmed and never the child who displayed HSB, in any typed form', () => {
    expect(text(draft, 'child')).toContain(`Name: ${NAME_B}`);
    expect(everything(draft)).not.toMatch(/zephyrine|canarywood/);
    expect(text(draft, 'behaviour')).toContain(`another child touched ${NAME_B} over clothing.`);
  });

  it('is built from their own support plan: wishes, measures, safe spaces; no risk rating', () => {
    const voice = text(draft, 'child-voice');
    expect(voice).toContain("The child's views and wishes: Wants another child kept away at lunch.");
    expect(voice).toContain('What the child wants to happen: To feel safe in the lunch queue.');
    expect(text(draft, 'actions-taken')).toContain(
      'Support: Lunch pass for the library (Mrs Ahmed; in place).',
    );
    const safety = text(draft, 'safety-measures');
    expect(safety).toContain('Safe spaces: The library at lunchtime.');
    expect(safety).toContain('The support plan will next be reviewed on 2 March 2026.');
    expect(safety).not.toMatch(/rates the risk/);
    expect(draft.checklist.find((i) => i.id === 'voice-child')?.status).toBe('present');
  });

  it('describes the other child by their role from this child’s side, and keeps lines about this child', () => {
    expect(text(draft, 'behaviour')).toContain(
      'Children involved, by role: a child who displayed harmful sexual behaviour.',
    );
    expect(text(draft, 'wider-concerns')).toContain(
      'whether the child who displayed the behaviour is being referred in their own right',
    );
    expect(text(draft, 'behaviour')).toContain(`${NAME_B}'s mother phoned the school.`);
    expect(text(draft, 'request')).toContain(`${NAME_B} is frightened to come to school.`);
    // The parents' views recorded with the decision are the other child's parents': left out.
    expect(referralPlainText(draft)).not.toContain('support a referral');
    expect(draft.leftOut.find((l) => l.kind === 'lines')?.count).toBe(1);
  });
});

describe('buildReferral stays pure', () => {
  it('does not change its input and gives the same draft twice', () => {
    const input = { assessment: planA(), case: theCase() };
    const before = JSON.stringify(input);
    expect(build(input)).toEqual(build(input));
    expect(JSON.stringify(input)).toBe(before);
  });

  it('without a case, says that agencies must be written in and claims only what it replaced', () => {
    const draft = build({ assessment: { ...planA(), otherChildren: [] } });
    expect(draft.checklist.find((i) => i.id === 'context-agencies')?.status).toBe('to-add');
    // The incident's mention of Child B is still a mention of another child.
    expect(draft.leftOut).toEqual([
      {
        kind: 'names',
        count: 1,
        statement: "Names of the other children are left out: 1 mention replaced by 'another child'.",
      },
    ]);
    expect(referralPlainText(draft)).not.toMatch(/lines about|police field|not used/);
  });
});

// The typed forms of Child B's name are distinct strings from the stored one: the test means something.
test('the fixture types the other child’s name in forms unlike the stored one', () => {
  expect(B_TYPED.nfd).not.toBe(NAME_B);
  expect(B_TYPED.zeroWidth).not.toContain(NAME_B);
  expect(planB().supportPlan?.viewsAndWishes).not.toContain(NAME_A);
});
