import { hackettLevels, type HackettLevel } from '../assessment/schema.js';
import { factsOf } from './facts.js';
import { classificationActions, type ClassificationAction, type ClassificationInput } from './input.js';
import { classificationRules, levelActions, type RuleGroup } from './rules.js';

/** Shown once wherever a placement is shown: the placement prompts judgement, it decides nothing. */
export const DSL_DECIDES_NOTE =
  'This is a starting point for professional judgement, not a decision. The DSL decides what happens next and records the decision and the reasons for it.';

export const IMAGES_NOTE =
  'Nudes and semi-nudes: do not view, copy, forward or delete them, and do not ask a child to. The UKCIS advice sets out when the DSL refers to the police or children’s social care straight away.';

export const DANGER_NOTE = 'If a child is in immediate danger, call 999.';

export interface Classification {
  level: HackettLevel;
  /** Why the level is at least this high and why each action is there, most significant first. */
  reasons: string[];
  /** What the guidance says must at least be considered, in KCSIE's order. */
  actions: ClassificationAction[];
  /** Guidance that applies whatever the level (images, immediate danger). */
  notes: string[];
  /** The ids of the rows of the rule table that applied, for a reviewer to trace the answer. */
  rules: string[];
  /** The DSL decides: always present, shown once. */
  note: string;
}

const rank = (level: HackettLevel) => hackettLevels.indexOf(level);
const GROUP_ORDER: Record<RuleGroup, number> = { floor: 0, 'consent-power-pattern': 1, behaviour: 2 };

export const NORMAL_REASON =
  'Between children of a similar age and development, by agreement, between equals and once: Hackett describes such behaviour as developmentally expected.';

/** A first placement on Hackett's continuum from the rule table in rules.ts. Pure; stores nothing. */
export function classify(input: ClassificationInput): Classification {
  const facts = factsOf(input);
  const applied = classificationRules.filter((rule) => rule.applies(facts));
  const level = applied.reduce<HackettLevel>(
    (highest, rule) => (rank(rule.level) > rank(highest) ? rule.level : highest),
    'normal',
  );
  const actions = new Set<ClassificationAction>(levelActions[level]);
  for (const rule of applied) for (const action of rule.actions) actions.add(action);

  const ids = new Set(applied.map((rule) => rule.id));
  // Highest level first; within a level the floors, then consent and power, then the behaviour itself.
  const ordered = applied
    .filter((rule) => !rule.coveredBy?.some((id) => ids.has(id)))
    .sort((a, b) => rank(b.level) - rank(a.level) || GROUP_ORDER[a.group] - GROUP_ORDER[b.group]);
  const reasons = [...new Set(ordered.map((rule) => rule.reason(facts)))];
  if (!reasons.length) reasons.push(NORMAL_REASON);

  const notes: string[] = [];
  if (facts.seen.has('images')) notes.push(IMAGES_NOTE);
  if (rank(level) >= rank('abusive') || facts.aggravating.has('immediate-risk')) notes.push(DANGER_NOTE);

  return {
    level,
    reasons,
    actions: classificationActions.filter((a) => actions.has(a)),
    notes,
    rules: applied.map((rule) => rule.id),
    note: DSL_DECIDES_NOTE,
  };
}
