export * from './input.js';
export {
  classify,
  DSL_DECIDES_NOTE,
  IMAGES_NOTE,
  DANGER_NOTE,
  NORMAL_REASON,
  type Classification,
} from './classify.js';
export {
  classificationRules,
  levelActions,
  type ClassificationRule,
  type RuleGroup,
  type RuleSource,
} from './rules.js';
export {
  MARKED_GAP_YEARS,
  AGE_OF_NO_CONSENT,
  AGE_OF_CONSENT,
  ADULT_AGE,
  factsOf,
  type Facts,
} from './facts.js';
export { classificationRulesMarkdown } from './rules-markdown.js';
export * from './labels.js';
