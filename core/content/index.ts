export * from './content-error.js';
export * from './sections.js';
export * from './school-profile.js';
export * from './schema.js';
export * from './markdown.js';
export { affectsLabels, affectsText, contentLabels, noAnswerRoutes, type ContentLabels } from './labels.js';
export { checkStatus, NOT_YET_CHECKED, type CheckStatus, type CheckableItem } from './check-status.js';
export {
  parseContentLibrary,
  faqAnswerProblem,
  FAQ_MIN_WORDS,
  FAQ_MAX_WORDS,
  type ContentFile,
} from './parse-content.js';
export {
  searchFaq,
  searchClauses,
  searchGuidance,
  rankFaq,
  rankFaqByBm25,
  faqAnswers,
  type FaqHit,
  type ClauseHit,
  type ContextHit,
  type GuidanceResults,
  type SearchFaqOptions,
  type SearchClausesOptions,
  type RankedFaq,
} from './search.js';
export {
  buildSearchIndexes,
  faqAlternatives,
  faqAskedQuestions,
  withFaqAlternatives,
  type FaqIndexView,
} from './search-index.js';
export { RELATED_SHARE, isGoodAnswer, GOOD_ANSWER, type AnswerEvidence } from './answer-quality.js';
export { RERANK_DEPTH, RERANK_FEATURES, RERANK_WEIGHTS } from './faq-rerank.js';
export {
  ALTERNATIVES_FILE,
  ASKED_FILE,
  MIN_ALTERNATIVES,
  MAX_ALTERNATIVES,
  MAX_ASKED,
  type FaqAlternatives,
} from './alternatives.js';
export { processTerm, tokenize } from './text-terms.js';
export { expandQuery, synonymGroups, yearGroupPhase, type SynonymGroup } from './synonyms.js';
export { findLabellingTerms, type LabellingMatch } from './labelling-terms.js';
export { clausesOf, findClause, findFaq, relatedClauses } from './library-queries.js';
export {
  citesEdition,
  guidanceDocuments,
  isOfficialSource,
  officialSourceHosts,
  parseGuidanceEdition,
  type GuidanceDocument,
  type GuidanceEdition,
} from './guidance-documents.js';
