import { z } from 'zod';
import { childRoles, type Assessment } from '../assessment/schema.js';
import { agenciesSchema, caseDecisionSchema, type CaseDecision } from '../cases/case.js';
import type { ContentLabels } from '../content/labels.js';
import type { ReferralClauseInfo, ReferralSchoolProfile } from './referral-draft.js';

/**
 * What a referral uses of a case, as GET /api/cases/:id returns it: never a name (participants carry
 * ids and pseudonyms only). Parsing it with the case's own schemas gives typed, checked values.
 */
export const referralCaseSchema = z.object({
  caseRef: z.string(),
  participants: z.array(
    z.object({
      childId: z.string(),
      roles: z.array(z.enum(childRoles)),
      label: z.string(),
      assessmentId: z.string().optional(),
    }),
  ),
  summary: z.string().optional(),
  decision: caseDecisionSchema.optional(),
  agencies: agenciesSchema,
});
export type ReferralCase = z.output<typeof referralCaseSchema>;

export interface BuildReferralInput {
  /**
   * The plan of the child the referral is about, as the API shows it: the child's details, the case's
   * incidents, and the other children of the case (their names are used only to leave them out).
   */
  assessment: Assessment;
  /** The case the plan is in: its decision, what was reported and the multi-agency work. */
  case?: ReferralCase;
  /** The library's clauses; referral ones give each section its title and guidance link. */
  clauses: readonly ReferralClauseInfo[];
  profile: ReferralSchoolProfile;
  /** The date of the referral, ISO `YYYY-MM-DD`. */
  today: string;
  /** Context titles and effect labels, as content/ gives them (`contentLabels`). */
  labels: ContentLabels;
}

/** The decision a referral reports: the case's when there is one, else the plan's own. */
export type ReferralDecision = Pick<
  CaseDecision,
  'options' | 'factors' | 'rationale' | 'decidedBy' | 'decidedOn'
> & { parentsCarers?: string | undefined };

/** What every section writer reads: the input, and what the builder worked out once from it. */
export interface ReferralContext extends BuildReferralInput {
  decision: ReferralDecision | undefined;
  /** Whether the child the referral is about displayed the behaviour (else: harmed, or involved). */
  aboutChildWhoDisplayed: boolean;
  /**
   * The lines of case-wide text (the report, the decision, outcomes) that concern this child or no
   * child in particular; a line only about another child is left out, and counted.
   */
  caseLines(text: string | undefined): string[];
  /** Counts of what was left out, by reason. */
  tally: { linesAboutOthers: number; policeFields: number };
}
