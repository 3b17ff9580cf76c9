import { hackettLevels, type HackettLevel } from '../../../core/index.js';

/**
 * A first, indicative placement of a behaviour on Hackett's continuum from five answers about the
 * behaviour (never about who the children are). The rules are ours, built from Hackett's descriptors as
 * the NSPCC HSB framework sets them out (consent, reciprocity, power, compulsivity, victimisation,
 * violence) and Chaffin's signs that a behaviour is not developmentally expected (frequency, divergent
 * ages or abilities, continuing after adults intervene). They err upwards: a placement is a prompt for
 * the DSL's professional judgement, who decides and records why.
 */

export const ageBands = ['under-5', '5-9', '9-13', '13-17'] as const;
export type AgeBand = (typeof ageBands)[number];

export const behaviourKinds = [
  'talk',
  'looking-showing',
  'touching-clothed',
  'touching-intimate',
  'images',
  'sexual-acts',
  'force',
] as const;
export type BehaviourKind = (typeof behaviourKinds)[number];

export const consentAnswers = ['mutual', 'unclear', 'not-given'] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

export const powerAnswers = ['equal', 'some', 'misused'] as const;
export type PowerAnswer = (typeof powerAnswers)[number];

export const frequencyAnswers = ['once', 'occasional', 'repeated'] as const;
export type FrequencyAnswer = (typeof frequencyAnswers)[number];

export interface PlacementAnswers {
  ageBand: AgeBand;
  seen: readonly BehaviourKind[];
  consent: ConsentAnswer;
  power: PowerAnswer;
  frequency: FrequencyAnswer;
}

export interface Placement {
  level: HackettLevel;
  /** Why the level is at least this high, in plain words, most significant first. */
  reasons: string[];
  /** Extra guidance that applies whatever the level (e.g. images). */
  notes: string[];
}

const RANK: Record<HackettLevel, number> = {
  normal: 0,
  inappropriate: 1,
  problematic: 2,
  abusive: 3,
  violent: 4,
};

/**
 * How far from developmentally expected each kind of behaviour is in each age band when it is mutual,
 * between equals and a one-off. Explicit behaviour never starts at "normal" here: seen in a school it
 * is at least wrong for the setting.
 */
const BASELINE: Record<Exclude<BehaviourKind, 'force'>, Record<AgeBand, HackettLevel>> = {
  talk: { 'under-5': 'inappropriate', '5-9': 'inappropriate', '9-13': 'normal', '13-17': 'normal' },
  'looking-showing': {
    'under-5': 'normal',
    '5-9': 'normal',
    '9-13': 'inappropriate',
    '13-17': 'inappropriate',
  },
  'touching-clothed': { 'under-5': 'normal', '5-9': 'normal', '9-13': 'normal', '13-17': 'normal' },
  'touching-intimate': {
    'under-5': 'inappropriate',
    '5-9': 'inappropriate',
    '9-13': 'problematic',
    '13-17': 'inappropriate',
  },
  images: { 'under-5': 'problematic', '5-9': 'problematic', '9-13': 'problematic', '13-17': 'inappropriate' },
  'sexual-acts': {
    'under-5': 'problematic',
    '5-9': 'problematic',
    '9-13': 'problematic',
    '13-17': 'inappropriate',
  },
};

const NON_CONTACT: ReadonlySet<BehaviourKind> = new Set(['talk', 'looking-showing']);
const INTRUSIVE: ReadonlySet<BehaviourKind> = new Set(['touching-intimate', 'sexual-acts']);

export function placeOnContinuum(answers: PlacementAnswers): Placement {
  const raised: { level: HackettLevel; reason: string }[] = [];
  const raise = (level: HackettLevel, reason: string) => raised.push({ level, reason });
  const seen = new Set(answers.seen);

  if (seen.has('force')) {
    const intrusive = [...seen].some((k) => INTRUSIVE.has(k));
    raise(
      intrusive ? 'violent' : 'abusive',
      intrusive
        ? 'Physical force or violence alongside intrusive sexual behaviour: Hackett describes this as violent.'
        : 'Force or violence was used: Hackett describes coercion and force as abusive.',
    );
  }

  let baseline: HackettLevel = 'normal';
  for (const kind of seen) {
    if (kind === 'force') continue;
    const level = BASELINE[kind][answers.ageBand];
    if (RANK[level] > RANK[baseline]) baseline = level;
  }
  if (baseline !== 'normal') {
    raise(
      baseline,
      baseline === 'problematic'
        ? 'What was seen is unusual for children of this age, even between equals and by agreement.'
        : 'What was seen is wrong for a school setting at this age, even between equals and by agreement.',
    );
  }

  const onlyNonContact = seen.size > 0 && [...seen].every((k) => NON_CONTACT.has(k));
  if (answers.consent === 'not-given') {
    if (onlyNonContact && answers.frequency === 'once') {
      raise('problematic', 'It was unwanted: a child was on the receiving end of it without agreeing.');
    } else {
      raise('abusive', 'Consent was not given or was not possible: Hackett describes this as abusive.');
    }
  } else if (answers.consent === 'unclear') {
    raise(
      'problematic',
      'Consent is unclear: Hackett places behaviour where consent may be unclear as problematic.',
    );
  }

  if (answers.power === 'misused') {
    raise('abusive', 'A difference in age, size, ability or status was used to make another child comply.');
  } else if (answers.power === 'some') {
    raise('problematic', 'The children are not equals in age, ability or status: reciprocity is in doubt.');
  }

  if (answers.frequency === 'repeated') {
    raise('problematic', 'It is repeated, compulsive or continued after adults stepped in.');
  }

  raised.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const level = raised[0]?.level ?? 'normal';
  const reasons = raised.length
    ? raised.map((r) => r.reason)
    : ['Expected for this age, mutual, between equals and a one-off: Hackett describes this as normal.'];

  const notes: string[] = [];
  if (seen.has('images')) {
    notes.push(
      'Nudes and semi-nudes: do not view, copy, forward or delete them, and do not ask a child to. The UKCIS advice sets out when the DSL refers to the police or children’s social care straight away.',
    );
  }
  if (RANK[level] >= RANK.abusive) {
    notes.push('If a child is in immediate danger, call 999.');
  }
  return { level, reasons, notes };
}

export function isHackettLevel(value: string): value is HackettLevel {
  return (hackettLevels as readonly string[]).includes(value);
}
