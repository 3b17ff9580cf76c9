import { longDate } from '../dates.js';
import { agencyWords, cscStatusWords, referralStatusWords, specialistWords } from './labels.js';
import type { ReferralContext } from './referral-input.js';
import { has, type SectionWriter } from './section-writer.js';

/**
 * The multi-agency part of a referral, from the case: referrals already made and their outcomes,
 * children's social care involvement and the social worker, a specialist assessment, and the police.
 */
export function agencies(w: SectionWriter, ctx: ReferralContext): void {
  const kase = ctx.case;
  if (!kase) {
    w.check(
      'context-agencies',
      'Previous referrals and the agencies involved',
      'to-add',
      'This plan is not in a case: write in any earlier referrals, the social worker and the police reference.',
    );
    return;
  }
  const a = kase.agencies;
  const referrals = [...a.referrals].sort((x, y) => x.on.localeCompare(y.on));
  for (const r of referrals) {
    w.bullet(
      `Referral to ${agencyWords[r.to]} on ${longDate(r.on)}${has(r.reference) ? ` (reference ${r.reference})` : ''}: ${referralStatusWords[r.status]}.`,
    );
    const outcome = ctx.caseLines(r.outcome);
    if (outcome.length) {
      w.lines(`Outcome${r.outcomeOn ? ` (${longDate(r.outcomeOn)})` : ''}: `, outcome);
    }
  }
  w.text(`Children's social care involvement: ${cscStatusWords[a.cscStatus]}.`);
  if (a.socialWorker) {
    const { name, team, contact } = a.socialWorker;
    w.text(`Social worker: ${name}${has(team) ? `, ${team}` : ''}${has(contact) ? ` (${contact})` : ''}.`);
  }
  if (a.specialistAssessment !== 'none') {
    w.text(
      `A specialist assessment of the harmful sexual behaviour (for example AIM): ${specialistWords[a.specialistAssessment]}.`,
    );
  }
  police(w, ctx);
  const known = referrals.length > 0 || a.cscStatus !== 'none' || !!a.socialWorker;
  w.check(
    'context-agencies',
    'Previous referrals and the agencies involved',
    known ? 'present' : 'to-add',
    'Record in the case any earlier referrals, the social worker and the children’s social care status; write "none known" here if there are none.',
  );
}

/**
 * The police reference and officer are always given. What the investigation has found and any bail
 * conditions are given only when the case records what the police agreed may be shared, next to that
 * agreement, so the DSL can check the draft against it; otherwise they are left out and counted.
 */
function police(w: SectionWriter, ctx: ReferralContext): void {
  const p = ctx.case!.agencies.police;
  if (has(p.reference) || has(p.officer)) {
    w.text(
      'Police: ',
      has(p.reference) ? `reference ${p.reference}` : 'no reference recorded',
      has(p.officer) ? `, officer ${p.officer}` : '',
      '.',
    );
  }
  const restricted = [p.investigationStatus, p.bailConditions].filter(has).length;
  if (p.agreedSharing.length === 0) {
    ctx.tally.policeFields += restricted;
    return;
  }
  for (const s of p.agreedSharing) w.bullet(`The police agreed that ${s.what} may be shared with ${s.with}.`);
  if (has(p.investigationStatus)) w.text(`Police investigation: ${p.investigationStatus}.`);
  // Bail conditions name the child they protect, and concern both children: quoted whole, redacted.
  if (has(p.bailConditions)) w.quoted('Bail conditions or orders: ', p.bailConditions);
  w.check(
    'police-sharing',
    'Only what the police agreed may be shared',
    'to-add',
    'Check the police information in the draft against what the police agreed may be shared, and with whom.',
  );
}
