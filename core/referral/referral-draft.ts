import type { SchoolProfile } from '../content/school-profile.js';
import { referralSections, type ReferralSection } from '../content/sections.js';

/**
 * The shape of a referral draft: sections a DSL inserts into Word and a completeness checklist.
 * Everything here is document text for the DSL to check and send; nothing in it is a decision.
 */

/** The blocks of a local authority multi-agency referral form (DOMAIN §3), in form order. */
export const referralBlocks = referralSections;
export type ReferralBlock = ReferralSection;

/**
 * A stretch of text. A `gap` is something the DSL still has to write; Word highlights it so it
 * cannot be sent unnoticed.
 */
export interface ReferralRun {
  text: string;
  gap?: true;
}

export interface ReferralParagraph {
  kind: 'text' | 'bullet';
  runs: ReferralRun[];
}

export interface ReferralSectionDraft {
  block: ReferralBlock;
  title: string;
  /** The referral clause that explains this block, when the library has one. */
  clause?: { id: string; version: number };
  paragraphs: ReferralParagraph[];
}

/**
 * `present`: the case, the plan, the child's record or the school profile supplies it.
 * `missing`: it belongs in the case, the plan, the child's record or the profile but is not there yet.
 * `to-add`: the record never holds it (a phone number, the household); write it in the document.
 */
export type ChecklistStatus = 'present' | 'missing' | 'to-add';

export interface ChecklistItem {
  id: string;
  block: ReferralBlock;
  label: string;
  status: ChecklistStatus;
  /** What to do about it, in a sentence. Never quotes the record. */
  hint: string;
}

/** Something the draft left out of the record, or rewrote, counted, with the reason. */
export interface LeftOut {
  kind: 'names' | 'lines' | 'fields';
  count: number;
  /** One sentence saying what and why, e.g. "2 lines about another child left out: …". */
  statement: string;
}

export interface ReferralDraft {
  caseRef: string;
  sections: ReferralSectionDraft[];
  checklist: ChecklistItem[];
  /** How many names or mentions of other children the draft replaced with "another child". */
  namesLeftOut: number;
  /** Everything left out or replaced, so the pane can say so truthfully; empty when nothing was. */
  leftOut: LeftOut[];
}

/** The school details the builder uses. */
export type ReferralSchoolProfile = Pick<
  SchoolProfile,
  'schoolName' | 'dslName' | 'deputyDslNames' | 'localAuthority' | 'childrensServicesContact'
>;

/** The fields of a referral clause the builder needs (the content's Clause satisfies it). */
export interface ReferralClauseInfo {
  id: string;
  version: number;
  kind: string;
  section: string;
  title: string;
}
