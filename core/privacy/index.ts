export {
  createNameMatcher,
  type NameMatch,
  type NameMatcher,
  type NameMatcherOptions,
  type NamedChild,
} from './name-matcher.js';
export {
  MENTION_PATTERN,
  mentionToken,
  mentionedChildIds,
  renderMentions,
  tokeniseMentions,
} from './mentions.js';
export { ANOTHER_CHILD, NAME_REMOVED } from './wording.js';
export { createRedactor, type Redactor, type RedactorOptions } from './redaction.js';
export { mapProse } from './prose.js';
