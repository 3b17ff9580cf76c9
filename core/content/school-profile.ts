import { isIsoDate, longDate } from '../dates.js';

/**
 * The placeholders content may use: facts about the school, never about a child (content/README.md).
 * Word and the bot fill them from the school's profile.
 */
export const profileVariables = [
  'schoolName',
  'dslName',
  'deputyDslNames',
  'headteacherName',
  'safeguardingGovernorName',
  'localAuthority',
  'childrensServicesContact',
  'onlineSafetyLeadName',
  'sencoName',
  'reviewDate',
] as const;
export type ProfileVariable = (typeof profileVariables)[number];

/**
 * The school's details; any may be missing, and a missing one shows as a visible placeholder.
 * `reviewDate` is an ISO date (`2026-09-01`), shown as "1 September 2026", or free text such as
 * "September 2026". Validate input with `schoolProfileSchema` (schema.ts); this module stays free of
 * zod so the tab and the Word add-in can use it without the schema library.
 */
export type SchoolProfile = Partial<Record<ProfileVariable, string>>;

/** What a reader sees where a value is missing, so a gap is obvious rather than silently blank. */
export const variablePlaceholders: Readonly<Record<ProfileVariable, string>> = {
  schoolName: '[school name]',
  dslName: '[DSL name]',
  deputyDslNames: '[deputy DSL names]',
  headteacherName: '[headteacher name]',
  safeguardingGovernorName: '[safeguarding governor name]',
  localAuthority: '[local authority]',
  childrensServicesContact: '[children’s services contact]',
  onlineSafetyLeadName: '[online safety lead name]',
  sencoName: '[SENCO name]',
  reviewDate: '[review date]',
};

/** Every `{{…}}` occurrence, well-formed or not, so a typo such as `{{ school }}` is caught too. */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isProfileVariable(name: string): name is ProfileVariable {
  return (profileVariables as readonly string[]).includes(name);
}

/** The variable names `text` uses, in first-use order, without duplicates. */
export function variablesIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) seen.add(match[1]!);
  return [...seen];
}

function displayValue(name: ProfileVariable, value: string): string {
  if (name === 'reviewDate' && isIsoDate(value)) {
    return longDate(value);
  }
  return value;
}

/**
 * Replaces each `{{variable}}` with the school's value. A missing or blank value becomes a visible
 * placeholder such as "[school name]"; an unknown name is left as written so a reviewer sees it.
 */
export function fillVariables(text: string, profile: SchoolProfile = {}): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    if (!isProfileVariable(name)) return whole;
    const value = profile[name]?.trim();
    return value ? displayValue(name, value) : variablePlaceholders[name];
  });
}

/** The variables `text` uses that `profile` leaves empty (what a user still needs to fill in). */
export function missingVariables(text: string, profile: SchoolProfile = {}): ProfileVariable[] {
  return variablesIn(text).filter(
    (name): name is ProfileVariable => isProfileVariable(name) && !profile[name]?.trim(),
  );
}
