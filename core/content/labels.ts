import type { RiskAffects, RiskContext, RiskLevel, strategyImpacts } from '../assessment/schema.js';
import type { RiskTemplate } from './schema.js';

/**
 * The words the tab, the assessment documents and the referral draft use for a context, a risk level and
 * a strategy's effect, all read from content/risk-assessment (context titles, scales.yaml levels,
 * review.yaml strategyImpacts), so a context has one title everywhere staff see it. The loader checked
 * that every context, level and impact has its entry.
 */
export interface ContentLabels {
  /** A context's title; a context the school named itself ("other") is shown by its own name. */
  context(context: RiskContext, otherLabel?: string): string;
  level(level: RiskLevel): string;
  strategyImpact(impact: StrategyImpact): string;
}

type StrategyImpact = (typeof strategyImpacts)[number];

type LabelSource = Pick<RiskTemplate, 'contexts' | 'scales' | 'review'>;

export function contentLabels(template: LabelSource): ContentLabels {
  const contexts = new Map<string, string>(template.contexts.map((c) => [c.context, c.title]));
  const levels = new Map<string, string>(template.scales.levels.map((l) => [l.level, l.label]));
  const impacts = new Map<string, string>(template.review.strategyImpacts.map((i) => [i.id, i.label]));
  return {
    context: (context, otherLabel) =>
      context === 'other' ? otherLabel?.trim() || 'Other' : (contexts.get(context) ?? context),
    level: (level) => levels.get(level) ?? level,
    strategyImpact: (impact) => impacts.get(impact) ?? impact,
  };
}

/**
 * "Who could be harmed" in a context, as the tab, the documents, the stage and the referral say it.
 * Not part of the template's content files: these are the plan's own fixed choices.
 */
export const affectsLabels: Record<RiskAffects, string> = {
  learner: 'The learner',
  harmed: 'The child harmed',
  others: 'Other children',
  staff: 'Staff',
};

/** The choices in their fixed order, joined for one line of a document or a screen; "" for none. */
export function affectsText(affects: readonly RiskAffects[], label = (a: RiskAffects) => affectsLabels[a]): string {
  const order = Object.keys(affectsLabels) as RiskAffects[];
  const names = [...new Set(order.filter((a) => affects.includes(a)).map(label))];
  return names.join(', ');
}

/**
 * Where to take a concern that the FAQ has no good answer for, as the bot's "no good answer" reply and
 * GET /api/faq say it. The FAQ covers harmful sexual behaviour only, and its search declines questions
 * about other safeguarding concerns (abuse or neglect at home, a child missing, radicalisation, a
 * concern about an adult), so this is what a DSL or a member of staff gets for one of them: the routes
 * KCSIE Part one gives every member of staff.
 */
export const noAnswerRoutes = {
  source: 'Keeping children safe in education 2025, Part one (and Part four for concerns about staff)',
  routes: [
    'If a child is in immediate danger, call **999**.',
    'For any other concern about a child, such as abuse or neglect at home, a child missing, or radicalisation: tell the DSL (or a deputy) today, and follow the school’s child protection policy.',
    'For a concern about an adult who works with children: tell the headteacher (the chair of governors if it is about the headteacher), who takes it to the LADO (the local authority designated officer).',
  ],
} as const;
