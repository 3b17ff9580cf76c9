import type { OtherChild } from '../assessment/schema.js';
import { longDate } from '../dates.js';
import { referralSectionTitles } from '../content/sections.js';
import { xmlText } from '../documents/xml-text.js';
import {
  ANOTHER_CHILD,
  createNameMatcher,
  createRedactor,
  mentionedChildIds,
  type Redactor,
} from '../privacy/index.js';
import { actionsTaken, childVoice, request, safetyMeasures, widerConcerns } from './plan-sections.js';
import { behaviour, child, consent, contextHistory, continuum } from './record-sections.js';
import {
  referralBlocks,
  type ChecklistItem,
  type LeftOut,
  type ReferralBlock,
  type ReferralDraft,
  type ReferralParagraph,
  type ReferralSectionDraft,
} from './referral-draft.js';
import type { BuildReferralInput, ReferralContext } from './referral-input.js';
import { gap, has, SectionWriter, splitLines } from './section-writer.js';

export { referralCaseSchema, type BuildReferralInput, type ReferralCase } from './referral-input.js';

function referrer(w: SectionWriter, { profile, today }: ReferralContext): void {
  w.text(
    'Referrer: ',
    has(profile.dslName) ? profile.dslName : gap('DSL name'),
    ', designated safeguarding lead, ',
    has(profile.schoolName) ? profile.schoolName : gap('school name'),
    '.',
  );
  w.text(
    'Direct line: ',
    gap('a number answered during the school day'),
    '. Secure email: ',
    gap('secure email address'),
    '.',
  );
  w.text(`Date of referral: ${longDate(today)}.`);
  w.check(
    'referrer-details',
    'Your name, role and school',
    has(profile.dslName) && has(profile.schoolName) ? 'present' : 'missing',
    "Add the DSL's name and the school's name in the school profile.",
  );
  w.check(
    'referrer-contact',
    'A direct phone number and a secure email address',
    'to-add',
    'Write them in the document: the case does not hold contact details.',
  );
}

function availability(w: SectionWriter, { profile }: ReferralContext): void {
  w.text(
    'Contact: ',
    has(profile.dslName) ? profile.dslName : gap('DSL name'),
    ' (designated safeguarding lead); deputies: ',
    has(profile.deputyDslNames) ? profile.deputyDslNames : gap('deputy DSL names'),
    '.',
  );
  if (has(profile.childrensServicesContact)) {
    w.text(`Children's services contact: ${profile.childrensServicesContact}.`);
  }
  w.text(gap('when you can be reached, including in the school holidays'));
  w.check(
    'availability-contacts',
    'Who to contact, and when',
    has(profile.dslName) && has(profile.deputyDslNames) ? 'present' : 'missing',
    'Add the DSL and the deputies in the school profile.',
  );
}

function belowThreshold(w: SectionWriter, { profile }: ReferralContext): void {
  w.text(
    'If this referral is judged not to meet the threshold, ',
    has(profile.schoolName) ? profile.schoolName : gap('school name'),
    ' will ask for the reasons in writing, consider early help, and keep supporting and protecting the children. If we disagree with the decision, we will use ',
    has(profile.localAuthority) ? profile.localAuthority : gap('local authority'),
    "'s escalation procedure.",
  );
  w.check(
    'below-threshold-plan',
    'What you will do if it is judged below threshold',
    has(profile.localAuthority) && has(profile.schoolName) ? 'present' : 'missing',
    'Add the local authority and the school name in the school profile.',
  );
}

const writers: Readonly<Record<ReferralBlock, (w: SectionWriter, ctx: ReferralContext) => void>> = {
  referrer,
  consent,
  child,
  behaviour,
  continuum,
  'context-history': contextHistory,
  'actions-taken': actionsTaken,
  'child-voice': childVoice,
  'wider-concerns': widerConcerns,
  'safety-measures': safetyMeasures,
  request,
  availability,
  'below-threshold': belowThreshold,
};

/**
 * Drafts a referral to children's social care about one child of a case, from that child's plan and
 * the case: one section per block of a multi-agency referral form, pre-filled from the record and the
 * school profile, with highlighted gaps, and a checklist of what is present, missing from the record,
 * or still to add. Pure: the same input always gives the same draft. Other children are described by
 * role, never named; their plans are never read; what was left out is counted in `leftOut`.
 */
export function buildReferral(input: BuildReferralInput): ReferralDraft {
  const sections: ReferralSectionDraft[] = [];
  const checklist: ChecklistItem[] = [];
  const { assessment } = input;
  const ownId = assessment.childId ?? undefined;
  // Staff type names into incidents, strategies and views; the sections quote them. Every run goes
  // through one redactor for the record, so a name in any form or a mention becomes "another child".
  const redactor = createRedactor({
    others: assessment.otherChildren.map((c) => ({ id: c.id, name: c.name })),
    own: { ...(ownId ? { id: ownId } : {}), name: assessment.learner.name },
    replacement: ANOTHER_CHILD,
  });
  const ownName = createNameMatcher([{ id: ownId ?? 'own', name: assessment.learner.name }]);
  const aboutOwn = (line: string) =>
    ownName.find(line).length > 0 || (!!ownId && mentionedChildIds(line).includes(ownId));
  const ctx: ReferralContext = {
    ...input,
    decision: input.case?.decision ?? assessment.decision,
    aboutChildWhoDisplayed: roleOf(input).includes('displayedHsb'),
    tally: { linesAboutOthers: 0, policeFields: 0 },
    caseLines(text) {
      if (!has(text)) return [];
      return splitLines(text).filter((line) => {
        const keep = !redactor.mentionsOther(line) || aboutOwn(line);
        if (!keep) ctx.tally.linesAboutOthers++;
        return keep;
      });
    },
  };
  for (const block of referralBlocks) {
    const clause = input.clauses.find((c) => c.kind === 'referral' && c.section === block);
    const w = new SectionWriter(block);
    writers[block](w, ctx);
    sections.push({
      block,
      title: clause?.title ?? referralSectionTitles[block],
      ...(clause ? { clause: { id: clause.id, version: clause.version } } : {}),
      paragraphs: PROFILE_ONLY.has(block)
        ? w.paragraphs.map(xmlParagraph)
        : w.paragraphs.map((p) => xmlParagraph(redactParagraph(p, redactor))),
    });
    checklist.push(...w.items);
  }
  const namesLeftOut = redactor.replaced;
  if (namesLeftOut > 0) {
    sections
      .find((s) => s.block === 'behaviour')
      ?.paragraphs.push({ kind: 'text', runs: [{ text: leftOutStatement(namesLeftOut) }] });
  }
  return {
    caseRef: input.case?.caseRef ?? assessment.caseRef,
    sections,
    checklist,
    namesLeftOut,
    leftOut: leftOutItems(ctx, namesLeftOut),
  };
}

/** The child's roles in the case; without a case, what the kind of plan implies. */
function roleOf(input: BuildReferralInput): readonly OtherChild['role'][] {
  const own = ownParticipant(input);
  if (own) return own.roles;
  return [input.assessment.kind === 'support-plan' ? 'harmed' : 'displayedHsb'];
}

/** The child the referral is about, in the case: the holder of this plan. */
function ownParticipant({ assessment, case: kase }: BuildReferralInput) {
  return (
    kase?.participants.find((p) => p.assessmentId === assessment.id) ??
    kase?.participants.find((p) => assessment.childId && p.childId === assessment.childId)
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function leftOutItems(ctx: ReferralContext, names: number): LeftOut[] {
  const out: LeftOut[] = [];
  if (names > 0) out.push({ kind: 'names', count: names, statement: leftOutStatement(names) });
  const lines = ctx.tally.linesAboutOthers;
  if (lines > 0) {
    out.push({
      kind: 'lines',
      count: lines,
      statement: `${plural(lines, 'line', 'lines')} about another child left out: the case’s notes that are only about another child stay in the case.`,
    });
  }
  const police = ctx.tally.policeFields;
  if (police > 0) {
    out.push({
      kind: 'fields',
      count: police,
      statement: `${plural(police, 'police field', 'police fields')} (investigation status, bail conditions) left out: the case does not record what the police agreed may be shared.`,
    });
  }
  const own = ownParticipant(ctx);
  const otherPlans = (ctx.case?.participants ?? []).filter(
    (p) => p !== own && p.assessmentId && p.assessmentId !== ctx.assessment.id,
  ).length;
  if (otherPlans > 0) {
    out.push({
      kind: 'fields',
      count: otherPlans,
      statement: `${plural(otherPlans, 'other child’s plan', 'other children’s plans')} not used: a child’s plan, wishes and support stay in their own record.`,
    });
  }
  return out;
}

/**
 * Sections written only from the school profile: they quote no record text, and a member of staff who
 * shares a first name with a child must still be named as the referrer or contact.
 */
const PROFILE_ONLY: ReadonlySet<ReferralBlock> = new Set(['referrer', 'availability', 'below-threshold']);

/** Says exactly what was replaced: only called when something was, so it never claims more. */
export function leftOutStatement(count: number): string {
  const mentions = count === 1 ? '1 mention' : `${count} mentions`;
  return `Names of the other children are left out: ${mentions} replaced by '${ANOTHER_CHILD}'.`;
}

function redactParagraph(paragraph: ReferralParagraph, redactor: Redactor): ReferralParagraph {
  return { ...paragraph, runs: paragraph.runs.map((run) => ({ ...run, text: redactor.redact(run.text) })) };
}

/** Word refuses text holding characters XML cannot carry, so the draft never contains them. */
function xmlParagraph(paragraph: ReferralParagraph): ReferralParagraph {
  return { ...paragraph, runs: paragraph.runs.map((run) => ({ ...run, text: xmlText(run.text) })) };
}

/** The draft as plain text (for copying outside Word); gaps keep their brackets. */
export function referralPlainText(draft: ReferralDraft): string {
  return draft.sections
    .map((s) =>
      [
        s.title,
        ...s.paragraphs.map((p) => `${p.kind === 'bullet' ? '• ' : ''}${p.runs.map((r) => r.text).join('')}`),
      ].join('\n'),
    )
    .join('\n\n');
}
