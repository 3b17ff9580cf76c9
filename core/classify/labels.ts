import type {
  AggravatingFactor,
  ConsentAnswer,
  FrequencyAnswer,
  PowerAnswer,
  SeenKind,
  Setting,
} from './input.js';

/**
 * The questions and answer titles of the guided placement, in our words (Brook's behaviour lists are
 * licensed and not reproduced). The bot's card and the tab's incident section both read them from
 * here. Level titles come from content/guides/hackett.yaml and action titles from
 * content/risk-assessment/decision.yaml.
 */
export interface Choice<T extends string> {
  value: T;
  title: string;
}

export const classificationQuestions = {
  ages: 'Age of each child involved, in whole years (not witnesses)',
  sendNeed:
    'Has a learning difficulty, disability or developmental need that may affect understanding of consent',
  seen: 'What was seen or reported (choose all that apply)',
  consent: 'Consent',
  power: 'Power between the children',
  frequency: 'How often',
  setting: 'Where it happened',
  aggravating: 'Also true (choose any that apply)',
} as const;

export const seenChoices: readonly Choice<SeenKind>[] = [
  { value: 'talk', title: 'Sexual talk, jokes or comments' },
  { value: 'looking-showing', title: 'Looking at or showing bodies' },
  { value: 'touching-clothed', title: 'Kissing, hugging or touching over clothes' },
  { value: 'touching-intimate', title: 'Touching genitals, or under clothes' },
  { value: 'images', title: 'Nude or sexual images or videos (asking for, sending, sharing)' },
  { value: 'sexual-acts', title: 'Sexual acts, or acting them out' },
  { value: 'force', title: 'Physical force or violence' },
];

export const consentChoices: readonly Choice<ConsentAnswer>[] = [
  { value: 'mutual', title: 'Mutual: everyone involved freely agreed' },
  { value: 'unclear', title: 'Unclear' },
  { value: 'not-given', title: 'Not given, or not possible (age, ability, pressure)' },
];

export const powerChoices: readonly Choice<PowerAnswer>[] = [
  { value: 'equal', title: 'Similar age, size, ability and status' },
  { value: 'some', title: 'Some difference in age, ability or status' },
  { value: 'misused', title: 'A difference was used: threats, bribes, force or status' },
];

export const frequencyChoices: readonly Choice<FrequencyAnswer>[] = [
  { value: 'once', title: 'Once' },
  { value: 'occasional', title: 'Now and then' },
  { value: 'repeated', title: 'Repeatedly, compulsively, or carrying on after adults stepped in' },
];

export const settingChoices: readonly Choice<Setting>[] = [
  { value: 'school', title: 'At school' },
  { value: 'online', title: 'Online' },
  { value: 'outside-school', title: 'Outside school (for example in the community or at a party)' },
  { value: 'home', title: 'At home' },
];

export const aggravatingChoices: readonly Choice<AggravatingFactor>[] = [
  { value: 'adult-involved', title: 'An adult is involved' },
  { value: 'coercion', title: 'Coercion, threats, blackmail or grooming' },
  { value: 'capacity-to-consent', title: 'A concern about a child’s capacity to consent (for example SEND)' },
  {
    value: 'images-atypical-or-violent',
    title: 'Images show sexual acts unusual for the child’s stage of development, or violence',
  },
  { value: 'under-13-in-images', title: 'Images show sexual acts and a child in them is under 13' },
  { value: 'immediate-risk', title: 'A child is at immediate risk of harm (for example self-harm)' },
  { value: 'exploitation', title: 'Possible links to sexual or criminal exploitation' },
  { value: 'within-family', title: 'The children are members of the same family' },
];
