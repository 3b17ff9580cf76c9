import type { Assessment, ReviewEntry } from '../assessment/schema.js';
import { planKindNames } from '../cases/case-service.js';
import { longDate } from '../dates.js';
import { decisionLabels, factorLabels, listJoin } from './labels.js';
import { byDate, countByRole } from './record-sections.js';
import type { ReferralContext } from './referral-input.js';
import { gap, has, type SectionWriter } from './section-writer.js';

/** The referral's sections from the child's plan: what was done, the child's voice, safety, the request. */

/** What the plan does: a risk assessment's strategies by context, a support plan's measures. */
function measuresOf(assessment: Assessment, context: (risk: Assessment['risks'][number]) => string) {
  return [
    ...assessment.risks.flatMap((r) => r.strategies.map((s) => ({ where: context(r), s }))),
    ...(assessment.supportPlan?.measures ?? []).map((s) => ({ where: 'Support', s })),
  ];
}

function strategyName(assessment: Assessment, id: string): string | undefined {
  return measuresOf(assessment, () => '').find(({ s }) => s.id === id)?.s.action;
}

function effectOf(review: ReviewEntry): boolean {
  return has(review.behaviourChanges) || review.strategyImpacts.length > 0;
}

export function actionsTaken(w: SectionWriter, { assessment, labels }: ReferralContext): void {
  let tried = 0;
  for (const { where, s } of measuresOf(assessment, (r) => labels.context(r.context, r.contextLabel))) {
    tried++;
    const from = s.startDate ? `, from ${longDate(s.startDate)}` : '';
    w.bullet(`${where}: ${s.action} (${s.owner}${from}; ${s.inPlace ? 'in place' : 'not yet in place'}).`);
  }
  if (has(assessment.support)) w.quoted('Support and interventions for the child: ', assessment.support);
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
      ? 'Record the strategies or support measures in the plan, then their effect in a review.'
      : 'Add a review to the plan that records the effect of each strategy.',
  );
}

export function childVoice(w: SectionWriter, ctx: ReferralContext): void {
  const { views, meeting, supportPlan: own } = ctx.assessment;
  const voice =
    has(views?.learner) ||
    has(meeting?.learnerContribution) ||
    has(own?.viewsAndWishes) ||
    has(own?.wantsToHappen);
  if (has(views?.learner)) w.quoted("The child's views: ", views.learner);
  if (has(own?.viewsAndWishes)) w.quoted("The child's views and wishes: ", own.viewsAndWishes);
  if (has(own?.wantsToHappen)) w.quoted('What the child wants to happen: ', own.wantsToHappen);
  if (has(own?.wantsTold)) w.quoted('Who the child wants told: ', own.wantsTold);
  if (has(meeting?.learnerContribution)) {
    w.quoted('How the child contributed to the risk assessment: ', meeting.learnerContribution);
  }
  if (!voice) {
    w.text(gap("the child's own words, in quotation marks, with the date and who spoke to them"));
  }
  const caseParents = ctx.caseLines(ctx.decision?.parentsCarers);
  const parents = has(views?.parentsCarers) || caseParents.length > 0;
  if (has(views?.parentsCarers)) w.quoted("The parents' or carers' views: ", views.parentsCarers);
  else if (caseParents.length) w.lines("The parents' or carers' views: ", caseParents);
  else w.text(gap("the parents' or carers' views of the concern and of this referral"));
  w.check(
    'voice-child',
    "The child's voice",
    voice ? 'present' : 'missing',
    "Record the child's views in their plan, in their own words.",
  );
  w.check(
    'voice-parents',
    "The parents' or carers' views",
    parents ? 'present' : 'missing',
    "Record the parents' or carers' views in the plan.",
  );
}

const OUTSIDE_CONTEXTS = new Set(['online', 'home-community', 'public-transport']);

export function widerConcerns(w: SectionWriter, ctx: ReferralContext): void {
  const { assessment, labels } = ctx;
  const harmed = ctx.aboutChildWhoDisplayed && assessment.otherChildren.some((c) => c.role === 'harmed');
  if (harmed) {
    w.text(
      gap(
        'whether each child harmed is being referred in their own right, with their needs considered separately',
      ),
    );
  }
  if (!ctx.aboutChildWhoDisplayed && assessment.otherChildren.some((c) => c.role === 'displayedHsb')) {
    w.text(
      gap(
        'whether the child who displayed the behaviour is being referred in their own right, with their needs considered separately',
      ),
    );
  }
  const others = countByRole(ctx, assessment.otherChildren, ['witness', 'displayedHsb', 'other']);
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
  // Who else the plan says could be harmed, by context: a referral form asks about other children at
  // risk. Context titles hold "and" themselves, so they are parted by semicolons.
  const at = (who: 'others' | 'staff') => [
    ...new Set(
      assessment.risks
        .filter((r) => r.affects.includes(who))
        .map((r) => labels.context(r.context).toLowerCase()),
    ),
  ];
  const toOthers = at('others');
  const toStaff = at('staff');
  if (toOthers.length) {
    w.text(`The risk assessment records a risk to other children in: ${toOthers.join('; ')}.`);
  }
  if (toStaff.length) w.text(`The risk assessment records a risk to staff in: ${toStaff.join('; ')}.`);
  const factors = (ctx.decision?.factors ?? []).filter(
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

export function safetyMeasures(w: SectionWriter, { assessment }: ReferralContext): void {
  const inPlace = measuresOf(assessment, () => '')
    .map(({ s }) => s)
    .filter((s) => s.inPlace);
  for (const s of inPlace) {
    w.bullet(`${s.action} (${s.owner}${s.startDate ? `, since ${longDate(s.startDate)}` : ''}).`);
  }
  const own = assessment.supportPlan;
  if (has(own?.safeSpaces)) w.quoted('Safe spaces: ', own.safeSpaces);
  if (has(own?.trustedAdults)) w.quoted('Trusted adults: ', own.trustedAdults);
  if (has(own?.adjustments)) w.quoted('Adjustments in school: ', own.adjustments);
  if (has(own?.contactWithOtherChild)) w.quoted('Contact with the other child: ', own.contactWithOtherChild);
  if (inPlace.length === 0) {
    w.text(gap('what is in place now to keep the children safe, and who is responsible'));
  }
  if (assessment.overallRisk && assessment.kind !== 'support-plan') {
    w.text(
      `The school's risk assessment rates the risk of further harm in the situations it covers as ${assessment.overallRisk}. This describes the behaviour and the situations, not the child.`,
    );
  }
  if (assessment.review.nextDue) {
    w.text(
      `The ${planKindNames[assessment.kind].toLowerCase()} will next be reviewed on ${longDate(assessment.review.nextDue)}.`,
    );
  }
  w.check(
    'safety-in-place',
    'Safety measures in place now',
    inPlace.length ? 'present' : 'missing',
    'Mark the strategies or measures that are in place in the plan.',
  );
  w.check(
    'safety-review',
    'When the plan will be reviewed',
    assessment.review.nextDue ? 'present' : 'missing',
    'Set the next review date in the plan.',
  );
}

export function request(w: SectionWriter, ctx: ReferralContext): void {
  const decision = ctx.decision;
  if (decision) {
    w.text(
      `The designated safeguarding lead's recorded decision: ${listJoin(decision.options.map((o) => decisionLabels[o]))}.`,
    );
    const why = ctx.caseLines(decision.rationale);
    if (why.length) w.lines('Why: ', why);
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
      ? "The recorded decision does not include a referral to children's social care: update the case if that has changed."
      : 'Record the decision and the reasons in the case: the DSL decides.',
  );
  w.check('request-ask', 'What you are asking for', 'to-add', 'Say what help you are asking for.');
}
