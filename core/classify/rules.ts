import type { HackettLevel } from '../assessment/schema.js';
import {
  AGE_OF_CONSENT,
  AGE_OF_NO_CONSENT,
  ADULT_AGE,
  CONTACT,
  MARKED_GAP_YEARS,
  NON_CONTACT,
  SEXUAL_ACTIVITY,
  sawAny,
  type Facts,
  type GapKind,
} from './facts.js';
import type { ClassificationAction } from './input.js';
import { guidanceDocuments } from '../content/guidance-documents.js';

/**
 * The classification rules as a table a safeguarding reviewer can read: each row says when it applies
 * (in words), the least it places the behaviour at, the actions it adds and where it comes from.
 * docs/classification-rules.md is generated from this table (`npx tsx scripts/classification-rules-doc.ts`), and a test
 * keeps the two the same.
 *
 * How the rows combine: every row that applies raises the level to at least its own, and adds its
 * actions; nothing lowers anything. So an answer such as "mutual" can only fail to add a row, never
 * cancel one, and the floors (under 13, a marked gap, force, coercion, the UKCIS criteria) hold
 * whatever else is said.
 */

export interface RuleSource {
  title: string;
  url: string;
}

export type RuleGroup = 'behaviour' | 'consent-power-pattern' | 'floor';

export interface ClassificationRule {
  id: string;
  group: RuleGroup;
  /** When the row applies, in words. */
  when: string;
  /** The least the behaviour is placed at when the row applies. */
  level: HackettLevel;
  /** Actions the guidance says must at least be considered when the row applies. */
  actions: readonly ClassificationAction[];
  sources: readonly RuleSource[];
  applies(facts: Facts): boolean;
  /** The reason shown, about the behaviour and never a label for a child. */
  reason(facts: Facts): string;
  /**
   * Rows that say more about the same thing: when one of them applies too, this row still sets the
   * level and actions, but its reason is not shown (e.g. "between children of a similar age" beside
   * a marked gap).
   */
  coveredBy?: readonly string[];
}

/** The guidance in force, cited at the official address of that edition (kept in one place, with the content's). */
function edition(name: string, part = ''): RuleSource {
  const document = guidanceDocuments.find((d) => d.name === name)!;
  return { title: `${document.current.title}${part}`, url: document.current.url };
}
const KCSIE = edition('KCSIE', ', Part five: child-on-child sexual violence and sexual harassment');
const UKCIS = edition('UKCIS');
const HACKETT: RuleSource = {
  title: 'Harmful sexual behaviour framework, 2nd edition 2019 (NSPCC): Hackett’s continuum',
  url: 'https://learning.nspcc.org.uk/research-resources/harmful-sexual-behaviour-hsb-framework-audit',
};
const BROOK: RuleSource = {
  title: 'Sexual Behaviours Traffic Light Tool (Brook)',
  url: 'https://www.brook.org.uk/our-work/using-the-sexual-behaviours-traffic-light-tool',
};
const WORKING_TOGETHER = edition('Working Together');
const soa = (section: string, title: string): RuleSource => ({
  title: `Sexual Offences Act 2003, section ${section}: ${title}`,
  url: `https://www.legislation.gov.uk/ukpga/2003/42/section/${section}`,
});
const SOA_UNDER_13 = soa(
  '5',
  'rape of a child under 13 (sections 5 to 8: offences against children under 13)',
);
const SOA_S7 = soa('7', 'sexual assault of a child under 13');
const SOA_S3 = soa('3', 'sexual assault');
const SOA_S9 = soa('9', 'sexual activity with a child (under 16)');
const SOA_S13 = soa('13', 'child sex offences committed by children or young persons');
const SOA_S66B = soa('66B', 'sharing or threatening to share intimate photograph or film');
const PCA_1978: RuleSource = {
  title: 'Protection of Children Act 1978, section 1: indecent photographs of children',
  url: 'https://www.legislation.gov.uk/ukpga/1978/37/section/1',
};

const has = (facts: Facts, factor: Parameters<Facts['aggravating']['has']>[0]) =>
  facts.aggravating.has(factor);
const under = (facts: Facts, age: number) => facts.youngest < age;
const atSchool = (facts: Facts) => facts.setting === 'school';

function gapWords(gaps: readonly GapKind[]): string {
  if (gaps.includes('age')) return `the children are ${MARKED_GAP_YEARS} or more years apart in age`;
  if (gaps.includes('developmental')) {
    return `the children are ${MARKED_GAP_YEARS} or more years apart in development`;
  }
  return 'one child is under 13 and another is 13 or older';
}

export const classificationRules: readonly ClassificationRule[] = [
  // Behaviour: how far from developmentally expected it is between equals, by agreement, once.
  {
    id: 'talk-under-9',
    group: 'behaviour',
    when: 'Sexual talk, jokes or comments, and a child involved is under 9.',
    level: 'inappropriate',
    actions: ['manage-internally'],
    sources: [BROOK, HACKETT],
    applies: (f) => f.seen.has('talk') && under(f, 9),
    reason: () =>
      'Sexual talk or adult sexual words are unusual for a child under 9 and call for a calm response and a conversation about where the words came from.',
  },
  {
    id: 'looking-showing',
    group: 'behaviour',
    when: 'Looking at or showing bodies, at any age.',
    level: 'inappropriate',
    actions: ['manage-internally'],
    sources: [BROOK, HACKETT],
    applies: (f) => f.seen.has('looking-showing'),
    reason: () =>
      'Looking at or showing bodies needs a clear response about privacy and boundaries, even when it is by agreement.',
  },
  {
    id: 'sexual-activity-at-school',
    group: 'behaviour',
    when: 'Intimate touching or sexual acts, and it happened at school.',
    level: 'inappropriate',
    actions: ['manage-internally'],
    sources: [HACKETT],
    applies: (f) => atSchool(f) && sawAny(f, SEXUAL_ACTIVITY),
    reason: () => 'Intimate touching or sexual activity is wrong for a school setting, whatever the ages.',
  },
  {
    id: 'intimate-touching-under-16',
    group: 'behaviour',
    when: `Intimate touching, and a child involved is under ${AGE_OF_CONSENT}.`,
    level: 'inappropriate',
    actions: ['manage-internally'],
    sources: [SOA_S13, BROOK],
    coveredBy: [
      'under-13-intimate-touching',
      'marked-gap-contact',
      'unwanted-touching',
      'power-misused-sexual',
      'force-intrusive',
    ],
    applies: (f) => f.seen.has('touching-intimate') && under(f, AGE_OF_CONSENT),
    reason: () =>
      `Intimate touching involving a child under ${AGE_OF_CONSENT}, the age of consent, needs a response even between children of a similar age who agree.`,
  },
  {
    id: 'sexual-acts-under-16',
    group: 'behaviour',
    when: `Sexual acts, and a child involved is under ${AGE_OF_CONSENT}.`,
    level: 'problematic',
    actions: ['early-help'],
    sources: [SOA_S13, BROOK, HACKETT],
    coveredBy: [
      'under-13-sexual-acts',
      'marked-gap-contact',
      'unwanted-touching',
      'power-misused-sexual',
      'force-intrusive',
    ],
    applies: (f) => f.seen.has('sexual-acts') && under(f, AGE_OF_CONSENT),
    reason: () =>
      `Sexual acts involving a child under ${AGE_OF_CONSENT} are below the age of consent: the DSL considers whether either child is at risk, even between children of a similar age who agree.`,
  },
  {
    id: 'images',
    group: 'behaviour',
    when: 'Nude or sexual images or videos of anyone under 18 (asked for, made, sent or shared).',
    level: 'problematic',
    actions: ['early-help'],
    sources: [UKCIS, PCA_1978],
    coveredBy: ['unwanted-images', 'marked-gap-contact', 'adult-involved', 'coercion', 'under-13-in-images'],
    applies: (f) => f.seen.has('images'),
    reason: () =>
      'Nude or semi-nude images of under-18s call for the DSL’s response under the UKCIS advice, even when they were shared by agreement.',
  },

  // Consent, power and pattern (Hackett's descriptors; Chaffin's signs as the NSPCC framework sets them out).
  {
    id: 'consent-unclear',
    group: 'consent-power-pattern',
    when: 'Consent is unclear.',
    level: 'problematic',
    actions: ['early-help'],
    sources: [HACKETT],
    applies: (f) => f.consent === 'unclear',
    reason: () => 'Consent is unclear: Hackett places behaviour where consent may be unclear as problematic.',
  },
  {
    id: 'unwanted-non-contact',
    group: 'consent-power-pattern',
    when: 'Consent was not given, and the behaviour was talk, looking or showing.',
    level: 'problematic',
    actions: ['early-help'],
    sources: [KCSIE, HACKETT],
    applies: (f) => f.consent === 'not-given' && sawAny(f, NON_CONTACT),
    reason: () =>
      'Sexual comments or exposure that another child did not want are sexual harassment and need the DSL’s response.',
  },
  {
    id: 'unwanted-repeated',
    group: 'consent-power-pattern',
    when: 'Consent was not given, and it happened repeatedly or carried on after adults stepped in.',
    level: 'abusive',
    actions: ['refer-csc'],
    sources: [KCSIE, HACKETT],
    applies: (f) => f.consent === 'not-given' && f.frequency === 'repeated',
    reason: () =>
      'Unwanted sexual behaviour that is repeated or carries on after adults step in has victimisation as its outcome: Hackett describes this as abusive.',
  },
  {
    id: 'unwanted-touching',
    group: 'consent-power-pattern',
    when: 'Consent was not given, and there was touching (over or under clothes) or sexual acts.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_S3, KCSIE, HACKETT],
    applies: (f) => f.consent === 'not-given' && sawAny(f, CONTACT),
    reason: () =>
      'Sexual touching without consent is sexual assault in law; KCSIE’s starting point for a report of sexual assault is to tell the police, whatever the children’s ages.',
  },
  {
    id: 'unwanted-images',
    group: 'consent-power-pattern',
    when: 'Consent was not given, and images or videos were involved.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_S66B, UKCIS, PCA_1978],
    applies: (f) => f.consent === 'not-given' && f.seen.has('images'),
    reason: () =>
      'Nude or sexual images asked for, made or shared without consent: sharing intimate images without consent is an offence, and the UKCIS advice sets out when the police are told.',
  },
  {
    id: 'power-some',
    group: 'consent-power-pattern',
    when: 'Some difference in age, ability or status between the children.',
    level: 'problematic',
    actions: ['early-help'],
    sources: [HACKETT, BROOK],
    applies: (f) => f.power === 'some',
    reason: () =>
      'The children are not equals in age, ability or status, so whether it was truly mutual is in doubt.',
  },
  {
    id: 'power-misused',
    group: 'consent-power-pattern',
    when: 'A difference in age, size, ability or status was used (threats, bribes, force or status).',
    level: 'abusive',
    actions: ['refer-csc'],
    sources: [HACKETT, KCSIE],
    applies: (f) => f.power === 'misused',
    reason: () =>
      'A difference in age, size, ability or status was used to make another child go along with it: Hackett describes misuse of power as abusive.',
  },
  {
    id: 'power-misused-sexual',
    group: 'consent-power-pattern',
    when: 'A difference in power was used, and there was touching, sexual acts or images.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_S3, KCSIE],
    applies: (f) => f.power === 'misused' && sawAny(f, [...CONTACT, 'images']),
    reason: () =>
      'Agreement got by threats, bribes or pressure is not freely given consent, so a crime may have been committed.',
  },
  {
    id: 'repeated',
    group: 'consent-power-pattern',
    when: 'It happened repeatedly, compulsively, or carried on after adults stepped in.',
    level: 'problematic',
    actions: ['early-help'],
    sources: [HACKETT],
    coveredBy: ['unwanted-repeated'],
    applies: (f) => f.frequency === 'repeated',
    reason: () =>
      'Behaviour that is repeated, compulsive or continues after adults step in is not developmentally expected.',
  },

  // Floors: these always call for a referral to children's social care, whatever "mutual" says.
  {
    id: 'under-13-intimate-touching',
    group: 'floor',
    when: `Intimate touching, and a child involved is under ${AGE_OF_NO_CONSENT}.`,
    level: 'problematic',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_S7, KCSIE],
    applies: (f) => f.seen.has('touching-intimate') && under(f, AGE_OF_NO_CONSENT),
    reason: () =>
      `A child under ${AGE_OF_NO_CONSENT} cannot consent to sexual activity in law, so "mutual" cannot lower this. KCSIE’s starting point is to tell the police even where a child is under 10; the police take a welfare approach.`,
  },
  {
    id: 'under-13-sexual-acts',
    group: 'floor',
    when: `Sexual acts, and a child involved is under ${AGE_OF_NO_CONSENT}.`,
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_UNDER_13, KCSIE, HACKETT],
    applies: (f) => f.seen.has('sexual-acts') && under(f, AGE_OF_NO_CONSENT),
    reason: () =>
      `Sexual acts involving a child under ${AGE_OF_NO_CONSENT}: informed consent is absent in law, which Hackett describes as abusive, whatever the children said.`,
  },
  {
    id: 'marked-gap',
    group: 'floor',
    when: `The children are ${MARKED_GAP_YEARS} or more years apart in age or development, or one is under 13 and another 13 or older.`,
    level: 'problematic',
    actions: ['refer-csc'],
    sources: [BROOK, HACKETT],
    coveredBy: ['marked-gap-contact'],
    applies: (f) => f.gaps.length > 0,
    reason: (f) =>
      `Sexual behaviour where ${gapWords(f.gaps)} involves an imbalance of power, whatever was agreed.`,
  },
  {
    id: 'marked-gap-contact',
    group: 'floor',
    when: `The children are ${MARKED_GAP_YEARS} or more years apart in age or development, and there was touching, sexual acts or images.`,
    level: 'abusive',
    actions: ['refer-csc'],
    sources: [BROOK, HACKETT],
    // Straddling 13 alone (a 12- and a 13-year-old) is left to "marked-gap" and the under-13 rows.
    applies: (f) =>
      (f.gaps.includes('age') || f.gaps.includes('developmental')) && sawAny(f, [...CONTACT, 'images']),
    reason: (f) =>
      `Sexual contact or images where ${gapWords(f.gaps)} is a misuse of power: Hackett describes this as abusive.`,
  },
  {
    id: 'marked-gap-police',
    group: 'floor',
    when: `A marked gap (as above), and images were involved, or intimate touching or sexual acts with a child under ${AGE_OF_CONSENT}.`,
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [SOA_S9, SOA_S13, PCA_1978],
    applies: (f) =>
      f.gaps.length > 0 && (f.seen.has('images') || (sawAny(f, SEXUAL_ACTIVITY) && under(f, AGE_OF_CONSENT))),
    reason: () =>
      'With a marked gap between the children, a crime may have been committed: the DSL considers telling the police alongside the referral.',
  },
  {
    id: 'force',
    group: 'floor',
    when: 'Physical force or violence was used.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [HACKETT, KCSIE],
    coveredBy: ['force-intrusive'],
    applies: (f) => f.seen.has('force'),
    reason: () => 'Force or violence was used: Hackett describes coercion and force as abusive.',
  },
  {
    id: 'force-intrusive',
    group: 'floor',
    when: 'Force or violence alongside intimate touching or sexual acts.',
    level: 'violent',
    actions: ['refer-csc', 'report-police'],
    sources: [HACKETT, KCSIE, SOA_S3],
    applies: (f) => f.seen.has('force') && sawAny(f, SEXUAL_ACTIVITY),
    reason: () =>
      'Physical force alongside intrusive sexual behaviour: Hackett describes this as violent, and the starting point for rape, assault by penetration or sexual assault is to tell the police.',
  },
  {
    id: 'adult-involved',
    group: 'floor',
    when: `An adult is involved, or someone ${ADULT_AGE} or over and images of someone under ${ADULT_AGE}.`,
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [UKCIS, PCA_1978],
    applies: (f) => has(f, 'adult-involved') || (f.adultWithChild && f.seen.has('images')),
    reason: () =>
      'An adult is involved: the UKCIS advice treats this as child sexual abuse, referred to the police and children’s social care straight away.',
  },
  {
    id: 'coercion',
    group: 'floor',
    when: 'Coercion, threats, blackmail or grooming.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [UKCIS, HACKETT],
    applies: (f) => has(f, 'coercion'),
    reason: () =>
      'Coercion, threats, blackmail or grooming: consent is not freely given, and the UKCIS advice refers this to the police or children’s social care straight away.',
  },
  {
    id: 'capacity-to-consent',
    group: 'floor',
    when: 'A concern about a child’s capacity to consent (e.g. SEND), or a child with a need that may affect understanding of consent and touching, sexual acts or images.',
    level: 'problematic',
    actions: ['refer-csc'],
    sources: [UKCIS, KCSIE],
    applies: (f) =>
      has(f, 'capacity-to-consent') ||
      (f.sendNeed && sawAny(f, ['touching-intimate', 'sexual-acts', 'images'])),
    reason: () =>
      'A child’s capacity to consent may be affected by a special educational need, disability or developmental need: the UKCIS advice calls for an immediate referral.',
  },
  {
    id: 'images-atypical-or-violent',
    group: 'floor',
    when: 'Images show sexual acts unusual for the child’s developmental stage, or violent acts.',
    level: 'problematic',
    actions: ['refer-csc', 'report-police'],
    sources: [UKCIS],
    applies: (f) => has(f, 'images-atypical-or-violent'),
    reason: () =>
      'The images show acts unusual for the child’s stage of development, or violence: the UKCIS advice calls for an immediate referral to the police or children’s social care.',
  },
  {
    id: 'under-13-in-images',
    group: 'floor',
    when: 'Images involve sexual acts and a child in them is under 13.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [UKCIS, SOA_UNDER_13],
    applies: (f) => has(f, 'under-13-in-images'),
    reason: () =>
      'Images of sexual acts involving a child under 13: the UKCIS advice calls for an immediate referral to the police or children’s social care.',
  },
  {
    id: 'immediate-risk',
    group: 'floor',
    when: 'A child is at immediate risk of harm (for example, self-harm or thoughts of suicide).',
    level: 'problematic',
    actions: ['refer-csc'],
    sources: [UKCIS, KCSIE],
    applies: (f) => has(f, 'immediate-risk'),
    reason: () =>
      'A child is at immediate risk of harm: the UKCIS advice calls for an immediate referral, and 999 if the danger is immediate.',
  },
  {
    id: 'exploitation',
    group: 'floor',
    when: 'Links to child sexual or criminal exploitation.',
    level: 'abusive',
    actions: ['refer-csc', 'report-police'],
    sources: [KCSIE, WORKING_TOGETHER],
    applies: (f) => has(f, 'exploitation'),
    reason: () =>
      'Possible links to sexual or criminal exploitation: a wider safeguarding concern for children’s social care and the police.',
  },
  {
    id: 'within-family',
    group: 'floor',
    when: 'Sexual behaviour between members of the same family.',
    level: 'problematic',
    actions: ['refer-csc'],
    sources: [KCSIE, BROOK],
    applies: (f) => has(f, 'within-family'),
    reason: () =>
      'Sexual behaviour within a family: KCSIE asks the DSL to consider harm within the family and support for siblings, with children’s social care.',
  },
];

/**
 * The actions each level brings on its own, whichever rows placed it there (KCSIE Part five's options).
 * Each level keeps the actions of the levels below it, so a higher level never has fewer.
 */
export const levelActions: Record<HackettLevel, readonly ClassificationAction[]> = {
  normal: ['manage-internally'],
  inappropriate: ['manage-internally'],
  problematic: ['manage-internally', 'early-help'],
  abusive: ['manage-internally', 'early-help', 'refer-csc'],
  violent: ['manage-internally', 'early-help', 'refer-csc', 'report-police'],
};
