import type { Assessment, OtherChild, ReviewEntry } from '../assessment/schema.js';
import { longDate } from '../dates.js';
import { referralSectionTitles } from '../content/sections.js';
import type { ContentLabels } from '../content/labels.js';
import { decisionLabels, factorLabels, hackettLabels, listJoin, roleLabels } from './labels.js';
import {
  referralBlocks,
  type ChecklistItem,
  type ChecklistStatus,
  type ReferralBlock,
  type ReferralClauseInfo,
  type ReferralDraft,
  type ReferralParagraph,
  type ReferralRun,
  type ReferralSchoolProfile,
  type ReferralSectionDraft,
} from './referral-draft.js';

export interface BuildReferralInput {
  assessment: Assessment;
  /** The library's clauses; referral ones give each section its title and guidance link. */
  clauses: readonly ReferralClauseInfo[];
  profile: ReferralSchoolProfile;
  /** The date of the referral, ISO `YYYY-MM-DD`. */
  today: string;
  /** Context titles and effect labels, as content/ gives them (`contentLabels`). */
  labels: ContentLabels;
}

type Part = string | ReferralRun;

const gap = (text: string): ReferralRun => ({ text: `[${text}]`, gap: true });
const runs = (parts: Part[]): ReferralRun[] =>
  parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? { text: p } : p));

/** Collects one section's paragraphs and checklist items. */
class SectionWriter {
  readonly paragraphs: ReferralParagraph[] = [];
  readonly items: ChecklistItem[] = [];

  constructor(readonly block: ReferralBlock) {}

  text(...parts: Part[]): void {
    this.paragraphs.push({ kind: 'text', runs: runs(parts) });
  }

  bullet(...parts: Part[]): void {
    this.paragraphs.push({ kind: 'bullet', runs: runs(parts) });
  }

  /** Free text from the record: its first line follows `label`, later lines are paragraphs of their own. */
  quoted(label: string, value: string): void {
    const lines = value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    lines.forEach((line, i) => (i === 0 ? this.text(label, line) : this.text(line)));
  }

  check(id: string, label: string, status: ChecklistStatus, hint: string): void {
    this.items.push({ id, block: this.block, label, status, hint });
  }
}

const has = (value: string | undefined | null): value is string => !!value && value.trim() !== '';
const byDate = <T extends { date?: string | undefined }>(a: T, b: T): number =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999');

function countByRole(children: readonly OtherChild[], roles: readonly OtherChild['role'][]): string[] {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  return roles.flatMap((role) => {
    const n = children.filter((c) => c.role === role).length;
    if (n === 0) return [];
    const label = roleLabels[role];
    return [n === 1 ? label.one : `${words[n] ?? n} ${label.many}`];
  });
}

function referrer(w: SectionWriter, { profile, today }: BuildReferralInput): void {
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
    'Write them in the document: the assessment does not hold contact details.',
  );
}

function consent(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const parents = assessment.sharing.filter((s) => s.audience === 'parents-carers');
  const learner = assessment.sharing.filter((s) => s.audience === 'learner');
  const meeting = assessment.meeting;
  let told = false;
  for (const s of parents) {
    w.text(`Parents or carers told: ${s.who}${s.informedOn ? `, on ${longDate(s.informedOn)}` : ''}.`);
    told = true;
  }
  if (meeting?.parentsCarersTookPart) {
    w.text(
      `Parents or carers took part in the risk assessment meeting${meeting.date ? ` on ${longDate(meeting.date)}` : ''}.`,
    );
    told = true;
  }
  if (!told) {
    w.text(
      gap(
        'Have the parents or carers been told about this referral? If not, say why not: never leave this blank',
      ),
    );
  }
  w.check(
    'consent-parents-told',
    'Parents told — or why not',
    told ? 'present' : 'missing',
    'Record in the assessment who told the parents or carers and when, or write here why they have not been told.',
  );
  w.text(
    'Consent: ',
    gap(
      'whether consent was sought, and if so by whom, what was said and what it covers; if it was not sought, why (for example, asking would put a child at greater risk or delay protecting them)',
    ),
  );
  w.check(
    'consent-given',
    'Consent: sought or not, and why',
    'to-add',
    'Seek consent where it is safe and appropriate. Never hold up a referral for want of consent where a child is at risk of harm. Record whether consent was sought and the reasons either way.',
  );
  for (const s of learner) {
    w.text(`The child was told: ${s.who}${s.informedOn ? `, on ${longDate(s.informedOn)}` : ''}.`);
  }
}

function child(w: SectionWriter, { assessment, profile }: BuildReferralInput): void {
  const { learner } = assessment;
  w.text(`Name: ${learner.name}`);
  w.text('Date of birth: ', learner.dateOfBirth ? longDate(learner.dateOfBirth) : gap('date of birth'));
  if (has(learner.yearGroup)) w.text(`Year group: ${learner.yearGroup}`);
  w.text('School: ', has(profile.schoolName) ? profile.schoolName : gap('school name'));
  if (has(learner.send)) w.quoted('Special educational needs and disabilities: ', learner.send);
  if (has(learner.vulnerabilities)) w.quoted('Other vulnerabilities: ', learner.vulnerabilities);
  if (has(learner.keyAdult)) w.text(`Key adult in school: ${learner.keyAdult}`);
  w.text(
    gap(
      'address, parents and carers, everyone in the household, who has parental responsibility, GP, first language and whether an interpreter is needed',
    ),
  );
  w.check(
    'child-identity',
    'Name and date of birth',
    learner.dateOfBirth ? 'present' : 'missing',
    'Add the date of birth to the assessment so that the front door can find the child on its systems.',
  );
  w.check(
    'child-needs',
    'SEND and other vulnerabilities',
    has(learner.send) || has(learner.vulnerabilities) ? 'present' : 'missing',
    'Record SEND and other vulnerabilities in the assessment, or that none are known.',
  );
  w.check(
    'child-household',
    'Household and who has parental responsibility',
    'to-add',
    "The assessment does not hold family details: take them from the school's records.",
  );
}

function behaviour(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const incidents = [...assessment.incidents].sort(byDate);
  for (const incident of incidents) {
    w.bullet(
      incident.date ? longDate(incident.date) : gap('date'),
      ', ',
      has(incident.location) ? incident.location : gap('where'),
      incident.online ? ' (online)' : '',
      ': ',
      has(incident.description) ? incident.description.trim() : gap('what happened, in factual words'),
    );
  }
  if (incidents.length === 0) {
    w.text(gap('what happened: what, when, where, how often and who was affected, in factual words'));
  }
  const involved = countByRole(assessment.otherChildren, ['harmed', 'witness', 'displayedHsb', 'other']);
  if (involved.length) {
    w.text(
      `Children involved, by role: ${listJoin(involved)}. Their names are left out of this draft; give them only where the local form asks for them.`,
    );
  }
  const described = incidents.filter((i) => has(i.description));
  w.check(
    'behaviour-what',
    'What happened, in factual words',
    described.length ? 'present' : 'missing',
    "Describe the behaviour in the assessment's incidents: what, when, where and how often.",
  );
  w.check(
    'behaviour-when-where',
    'When and where it happened',
    described.length && described.every((i) => i.date && has(i.location)) ? 'present' : 'missing',
    'Give each incident in the assessment a date and a place.',
  );
  w.check(
    'behaviour-who',
    'Who was affected, by role',
    assessment.otherChildren.length ? 'present' : 'missing',
    'Record the other children involved, by role, in the assessment.',
  );
}

function continuum(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const placed = [...assessment.incidents].sort(byDate).filter((i) => i.hackettLevel || i.brookRating);
  for (const incident of placed) {
    const parts: string[] = [];
    if (incident.hackettLevel) parts.push(`${hackettLabels[incident.hackettLevel]} on Hackett's continuum`);
    if (incident.brookRating) parts.push(`${incident.brookRating} on the Brook traffic light tool`);
    w.bullet(incident.date ? longDate(incident.date) : gap('date'), `: ${parts.join('; ')}.`);
  }
  w.text(
    'Why: ',
    gap(
      'the features that place it there, such as a difference in age or power, force, secrecy or persistence',
    ),
  );
  w.check(
    'continuum-placement',
    "Its place on the continuum (Hackett's)",
    placed.some((i) => i.hackettLevel) ? 'present' : 'missing',
    "Place the behaviour on Hackett's continuum in the assessment; the DSL judges and records why.",
  );
}

function contextHistory(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const dated = assessment.incidents
    .map((i) => i.date)
    .filter(has)
    .sort();
  if (assessment.incidents.length > 1) {
    const span =
      dated.length > 1 ? `, between ${longDate(dated[0]!)} and ${longDate(dated[dated.length - 1]!)}` : '';
    w.text(`${assessment.incidents.length} incidents are recorded${span}.`);
  }
  const factors = assessment.decision?.factors ?? [];
  if (factors.length) {
    w.text(
      `Factors the designated safeguarding lead weighed: ${listJoin(factors.map((f) => factorLabels[f]))}.`,
    );
  }
  w.text(
    gap(
      'previous concerns about either child, how long the behaviour has gone on, and what is known about home and community',
    ),
  );
  w.check(
    'context-factors',
    'The factors you weighed (ages, power, pattern…)',
    factors.length ? 'present' : 'missing',
    "Record in the assessment's decision which factors were weighed.",
  );
  w.check(
    'context-history',
    'Previous concerns and history',
    'to-add',
    "Check the child's safeguarding file for earlier concerns.",
  );
}

function strategyName(assessment: Assessment, id: string): string | undefined {
  for (const risk of assessment.risks) {
    const found = risk.strategies.find((s) => s.id === id);
    if (found) return found.action;
  }
  return undefined;
}

function effectOf(review: ReviewEntry): boolean {
  return has(review.behaviourChanges) || review.strategyImpacts.length > 0;
}

function actionsTaken(w: SectionWriter, { assessment, labels }: BuildReferralInput): void {
  let tried = 0;
  for (const risk of assessment.risks) {
    const where = labels.context(risk.context, risk.contextLabel);
    for (const s of risk.strategies) {
      tried++;
      const from = s.startDate ? `, from ${longDate(s.startDate)}` : '';
      w.bullet(`${where}: ${s.action} (${s.owner}${from}; ${s.inPlace ? 'in place' : 'not yet in place'}).`);
    }
  }
  const reviews = [...assessment.reviews].sort(byDate).filter(effectOf);
  for (const review of reviews) {
    w.quoted(`Review on ${longDate(review.date)}: `, review.behaviourChanges);
    for (const impact of review.strategyImpacts) {
      const name = strategyName(assessment, impact.strategyId);
      if (!name) continue;
      w.bullet(
        `${name}: ${labels.strategyImpact(impact.impact)}${has(impact.note) ? ` (${impact.note.trim()})` : ''}.`,
      );
    }
  }
  if (tried === 0) w.text(gap('what the school has done since the report, with dates'));
  if (reviews.length === 0) w.text(gap('the effect of each measure so far, including any further incidents'));
  const complete = tried > 0 && reviews.length > 0;
  w.check(
    'actions-tried-effect',
    'What you have tried and its effect',
    complete ? 'present' : 'missing',
    tried === 0
      ? "Record the strategies in the assessment's risks, then their effect in a review."
      : 'Add a review to the assessment that records the effect of each strategy.',
  );
}

function childVoice(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const { views, meeting } = assessment;
  const voice = has(views?.learner) || has(meeting?.learnerContribution);
  if (has(views?.learner)) w.quoted("The child's views: ", views.learner);
  if (has(meeting?.learnerContribution)) {
    w.quoted('How the child contributed to the risk assessment: ', meeting.learnerContribution);
  }
  if (!voice) {
    w.text(gap("the child's own words, in quotation marks, with the date and who spoke to them"));
  }
  if (has(views?.parentsCarers)) w.quoted("The parents' or carers' views: ", views.parentsCarers);
  else w.text(gap("the parents' or carers' views of the concern and of this referral"));
  w.check(
    'voice-child',
    "The child's voice",
    voice ? 'present' : 'missing',
    "Record the child's views in the assessment, in their own words.",
  );
  w.check(
    'voice-parents',
    "The parents' or carers' views",
    has(views?.parentsCarers) ? 'present' : 'missing',
    "Record the parents' or carers' views in the assessment.",
  );
}

const OUTSIDE_CONTEXTS = new Set(['online', 'home-community', 'public-transport']);

function widerConcerns(w: SectionWriter, { assessment, labels }: BuildReferralInput): void {
  const harmed = assessment.otherChildren.some((c) => c.role === 'harmed');
  if (harmed) {
    w.text(
      gap(
        'whether each child harmed is being referred in their own right, with their needs considered separately',
      ),
    );
  }
  const others = countByRole(assessment.otherChildren, ['witness', 'displayedHsb', 'other']);
  if (others.length) w.text(`Other children who may need support: ${listJoin(others)}.`);
  const outside = new Set(
    assessment.risks.filter((r) => OUTSIDE_CONTEXTS.has(r.context)).map((r) => labels.context(r.context)),
  );
  if (assessment.incidents.some((i) => i.online)) outside.add(labels.context('online'));
  if (outside.size) {
    w.text(
      `Risks outside school or online are assessed for: ${listJoin([...outside].map((c) => c.toLowerCase()))}.`,
    );
  }
  const factors = (assessment.decision?.factors ?? []).filter(
    (f) => f === 'intra-familial' || f === 'wider-context',
  );
  if (factors.length) {
    w.text(`The designated safeguarding lead weighed ${listJoin(factors.map((f) => factorLabels[f]))}.`);
  }
  w.text(gap('any concerns about exploitation, harm at home or in the community, or other children at risk'));
  if (harmed) {
    w.check(
      'wider-harmed',
      'Whether the child harmed is referred too',
      'to-add',
      "Consider each child's needs separately; say whether the child harmed has their own referral.",
    );
  }
  w.check(
    'wider-outside',
    'Harm outside school, online or in the family',
    outside.size || factors.length ? 'present' : 'to-add',
    'Say whether there are concerns outside school; write "none known" if there are none.',
  );
}

function safetyMeasures(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const inPlace = assessment.risks.flatMap((r) => r.strategies.filter((s) => s.inPlace));
  for (const s of inPlace) {
    w.bullet(`${s.action} (${s.owner}${s.startDate ? `, since ${longDate(s.startDate)}` : ''}).`);
  }
  if (inPlace.length === 0) {
    w.text(gap('what is in place now to keep the children safe, and who is responsible'));
  }
  if (assessment.overallRisk) {
    w.text(
      `The school's risk assessment rates the risk of further harm in the situations it covers as ${assessment.overallRisk}. This describes the behaviour and the situations, not the child.`,
    );
  }
  if (assessment.review.nextDue) {
    w.text(`The risk assessment will next be reviewed on ${longDate(assessment.review.nextDue)}.`);
  }
  w.check(
    'safety-in-place',
    'Safety measures in place now',
    inPlace.length ? 'present' : 'missing',
    'Mark the strategies that are in place in the assessment.',
  );
  w.check(
    'safety-review',
    'When the plan will be reviewed',
    assessment.review.nextDue ? 'present' : 'missing',
    'Set the next review date in the assessment.',
  );
}

function request(w: SectionWriter, { assessment }: BuildReferralInput): void {
  const decision = assessment.decision;
  if (decision) {
    w.text(
      `The designated safeguarding lead's recorded decision: ${listJoin(decision.options.map((o) => decisionLabels[o]))}.`,
    );
    w.quoted('Why: ', decision.rationale);
    if (decision.decidedBy || decision.decidedOn) {
      w.text(
        `Decided${decision.decidedBy ? ` by ${decision.decidedBy}` : ''}${decision.decidedOn ? ` on ${longDate(decision.decidedOn)}` : ''}.`,
      );
    }
  }
  w.text(
    'We are asking for: ',
    gap('what you want children’s social care to do, such as an assessment, a strategy discussion or advice'),
  );
  const refers = !!decision?.options.includes('referral-csc') && has(decision.rationale);
  w.check(
    'request-decision',
    'A recorded decision to refer, and why',
    refers ? 'present' : 'missing',
    decision
      ? "The recorded decision does not include a referral to children's social care: update the assessment if that has changed."
      : 'Record the decision and the reasons in the assessment: the DSL decides.',
  );
  w.check('request-ask', 'What you are asking for', 'to-add', 'Say what help you are asking for.');
}

function availability(w: SectionWriter, { profile }: BuildReferralInput): void {
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

function belowThreshold(w: SectionWriter, { profile }: BuildReferralInput): void {
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

const writers: Readonly<Record<ReferralBlock, (w: SectionWriter, input: BuildReferralInput) => void>> = {
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
 * Drafts a referral to children's social care from a saved assessment: one section per block of a
 * multi-agency referral form, pre-filled from the record and the school profile, with highlighted
 * gaps, and a checklist of what is present, missing from the record, or still to add. Pure: the same
 * input always gives the same draft. Other children are described by role, never named.
 */
export function buildReferral(input: BuildReferralInput): ReferralDraft {
  const sections: ReferralSectionDraft[] = [];
  const checklist: ChecklistItem[] = [];
  for (const block of referralBlocks) {
    const clause = input.clauses.find((c) => c.kind === 'referral' && c.section === block);
    const w = new SectionWriter(block);
    writers[block](w, input);
    sections.push({
      block,
      title: clause?.title ?? referralSectionTitles[block],
      ...(clause ? { clause: { id: clause.id, version: clause.version } } : {}),
      paragraphs: w.paragraphs,
    });
    checklist.push(...w.items);
  }
  return { caseRef: input.assessment.caseRef, sections, checklist };
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
