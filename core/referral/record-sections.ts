import type { OtherChild } from '../assessment/schema.js';
import { longDate } from '../dates.js';
import { agencies } from './case-facts.js';
import { factorLabels, hackettLabels, listJoin, roleLabels, roleLabelsForHarmedChild } from './labels.js';
import type { ReferralContext } from './referral-input.js';
import { gap, has, type SectionWriter } from './section-writer.js';

/** The referral's sections about the child and what happened: consent, the child, the behaviour, history. */

export const byDate = <T extends { date?: string | undefined }>(a: T, b: T): number =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999');

export function countByRole(
  ctx: ReferralContext,
  children: readonly OtherChild[],
  roles: readonly OtherChild['role'][],
): string[] {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const labels = ctx.aboutChildWhoDisplayed ? roleLabels : roleLabelsForHarmedChild;
  return roles.flatMap((role) => {
    const n = children.filter((c) => c.role === role).length;
    if (n === 0) return [];
    const label = labels[role];
    return [n === 1 ? label.one : `${words[n] ?? n} ${label.many}`];
  });
}

export function consent(w: SectionWriter, { assessment }: ReferralContext): void {
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
    'Record in the plan who told the parents or carers and when, or write here why they have not been told.',
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

export function child(w: SectionWriter, { assessment, profile }: ReferralContext): void {
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
    'Add the date of birth to the child’s record so that the front door can find the child on its systems.',
  );
  w.check(
    'child-needs',
    'SEND and other vulnerabilities',
    has(learner.send) || has(learner.vulnerabilities) ? 'present' : 'missing',
    'Record SEND and other vulnerabilities in the child’s record, or that none are known.',
  );
  w.check(
    'child-household',
    'Household and who has parental responsibility',
    'to-add',
    "The case and the plan do not hold family details: take them from the school's records.",
  );
}

export function behaviour(w: SectionWriter, ctx: ReferralContext): void {
  const { assessment } = ctx;
  const reported = ctx.caseLines(ctx.case?.summary);
  if (reported.length) w.lines('What was reported: ', reported);
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
  const involved = countByRole(ctx, assessment.otherChildren, ['harmed', 'witness', 'displayedHsb', 'other']);
  if (involved.length) {
    w.text(
      `Children involved, by role: ${listJoin(involved)}. Give their names only where the local form asks for them.`,
    );
  }
  const described = incidents.filter((i) => has(i.description));
  w.check(
    'behaviour-what',
    'What happened, in factual words',
    described.length ? 'present' : 'missing',
    "Describe the behaviour in the case's incidents: what, when, where and how often.",
  );
  w.check(
    'behaviour-when-where',
    'When and where it happened',
    described.length && described.every((i) => i.date && has(i.location)) ? 'present' : 'missing',
    'Give each incident in the case a date and a place.',
  );
  w.check(
    'behaviour-who',
    'Who was affected, by role',
    assessment.otherChildren.length ? 'present' : 'missing',
    'Record the other children involved, by role, in the case.',
  );
}

export function continuum(w: SectionWriter, { assessment }: ReferralContext): void {
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
    "Place the behaviour on Hackett's continuum in the case's incidents; the DSL judges and records why.",
  );
}

export function contextHistory(w: SectionWriter, ctx: ReferralContext): void {
  const { assessment } = ctx;
  const dated = assessment.incidents
    .map((i) => i.date)
    .filter(has)
    .sort();
  if (assessment.incidents.length > 1) {
    const span =
      dated.length > 1 ? `, between ${longDate(dated[0]!)} and ${longDate(dated[dated.length - 1]!)}` : '';
    w.text(`${assessment.incidents.length} incidents are recorded${span}.`);
  }
  const factors = ctx.decision?.factors ?? [];
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
    "Record in the case's decision which factors were weighed.",
  );
  w.check(
    'context-history',
    'Previous concerns and history',
    'to-add',
    "Check the child's safeguarding file for earlier concerns.",
  );
  agencies(w, ctx);
}
