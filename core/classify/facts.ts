import type {
  AggravatingFactor,
  ClassificationChild,
  ClassificationInput,
  ConsentAnswer,
  FrequencyAnswer,
  PowerAnswer,
  SeenKind,
  Setting,
} from './input.js';

/**
 * A gap of this many years between the children involved is "marked": the younger child is in a
 * different stage of development, so the difference is a power imbalance whatever they agreed. Three
 * years is our threshold: Brook's tool treats a "significant" age or ability difference as red without
 * giving a number, and three years spans most of one of its age bands. A smaller gap can still be a
 * misuse of power; staff say so with the power question.
 */
export const MARKED_GAP_YEARS = 3;

/** Under 13 a child cannot consent to sexual activity in law (Sexual Offences Act 2003, ss5–8). */
export const AGE_OF_NO_CONSENT = 13;
/** The age of consent to sexual activity (Sexual Offences Act 2003, ss9–13). */
export const AGE_OF_CONSENT = 16;
export const ADULT_AGE = 18;

/** Why a gap counts as marked, for the reason shown. */
export type GapKind = 'age' | 'across-13' | 'developmental';

/** What the rules read: derived once from the answers, so each rule is a plain condition. */
export interface Facts {
  seen: ReadonlySet<SeenKind>;
  aggravating: ReadonlySet<AggravatingFactor>;
  consent: ConsentAnswer;
  power: PowerAnswer;
  frequency: FrequencyAnswer;
  setting: Setting | undefined;
  /** Ages of the children involved in the behaviour (witnesses are not). */
  ages: readonly number[];
  youngest: number;
  oldest: number;
  /** The reasons a gap between the children is marked; empty when it is not. */
  gaps: readonly GapKind[];
  /** Someone 18 or over and someone under 18 are both involved. */
  adultWithChild: boolean;
  /** A child involved has a need that may affect their understanding of consent. */
  sendNeed: boolean;
}

/** The youngest of a child's age and the age they function at: a need never makes a child "older". */
function effectiveAge(child: ClassificationChild): number {
  return child.developmentalAge === undefined ? child.age : Math.min(child.age, child.developmentalAge);
}

export function factsOf(input: ClassificationInput): Facts {
  const involved = input.children.filter((c) => c.role !== 'witness');
  const children = involved.length ? involved : input.children;
  const ages = children.map((c) => c.age);
  const youngest = Math.min(...ages);
  const oldest = Math.max(...ages);
  const gaps: GapKind[] = [];
  if (children.length > 1) {
    if (oldest - youngest >= MARKED_GAP_YEARS) gaps.push('age');
    if (youngest < AGE_OF_NO_CONSENT && oldest >= AGE_OF_NO_CONSENT) gaps.push('across-13');
    const effective = children.map(effectiveAge);
    const developmentalGap = Math.max(...effective) - Math.min(...effective);
    if (
      children.some((c) => c.developmentalAge !== undefined) &&
      developmentalGap >= MARKED_GAP_YEARS &&
      developmentalGap > oldest - youngest
    ) {
      gaps.push('developmental');
    }
  }
  return {
    seen: new Set(input.seen),
    aggravating: new Set(input.aggravating ?? []),
    consent: input.consent,
    power: input.power,
    frequency: input.frequency,
    setting: input.setting,
    ages,
    youngest,
    oldest,
    gaps,
    adultWithChild: oldest >= ADULT_AGE && youngest < ADULT_AGE,
    sendNeed: children.some((c) => c.sendOrDevelopmentalNeed === true),
  };
}

export const CONTACT: readonly SeenKind[] = ['touching-clothed', 'touching-intimate', 'sexual-acts'];
export const SEXUAL_ACTIVITY: readonly SeenKind[] = ['touching-intimate', 'sexual-acts'];
export const NON_CONTACT: readonly SeenKind[] = ['talk', 'looking-showing'];

export function sawAny(facts: Facts, kinds: readonly SeenKind[]): boolean {
  return kinds.some((k) => facts.seen.has(k));
}
