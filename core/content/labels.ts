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
