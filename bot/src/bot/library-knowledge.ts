import {
  checkStatus,
  classificationActions,
  decisionOptionOf,
  fillVariables,
  findFaq,
  searchFaq,
  type ContentLibrary,
  type FaqEntry,
  type HackettLevel,
} from '../../../core/index.js';
import type { FaqAnswer, FaqAnswers } from './faq-answers.js';
import type { HackettGuide, HackettLevelGuide } from './hackett-guide.js';

/** How many hits a question fetches: the best answer and the related questions shown under it. */
const HITS = 3;

/**
 * Below this relevance the closest entry is not an answer to what was asked, and a confident-looking
 * card would mislead. Set from tests/content/faq-eval.json, whose genuine questions all score above 60,
 * while off-topic chat ("can you book me a meeting room") scores under 30.
 */
export const MIN_ANSWER_SCORE = 35;

function answerOf(entry: FaqEntry): FaqAnswer {
  return {
    id: entry.id,
    question: entry.question,
    // The bot knows no school profile: any school detail shows as its placeholder, e.g. "[school name]".
    answer: fillVariables(entry.answer),
    sources: entry.sources,
    guidanceEdition: entry.guidanceEdition,
    check: checkStatus(entry),
  };
}

/** The FAQ as the bot asks it: the content library's search (the same one GET /api/faq runs). */
export function libraryFaqAnswers(library: ContentLibrary): FaqAnswers {
  return {
    best(question) {
      const [best, ...related] = searchFaq(library, question, { top: HITS });
      if (!best || best.score < MIN_ANSWER_SCORE) return null;
      return { best: answerOf(best.entry), related: related.map((hit) => answerOf(hit.entry)) };
    },
    byId(id) {
      const entry = findFaq(library, id);
      return entry ? answerOf(entry) : null;
    },
  };
}

/**
 * Hackett's continuum from content/guides/hackett.yaml and the response options' titles from
 * content/risk-assessment/decision.yaml; the library checked every level and option is there.
 */
export function libraryHackettGuide(library: ContentLibrary): HackettGuide {
  const levels = new Map<HackettLevel, HackettLevelGuide>(
    library.hackett.levels.map((level) => [level.id, level]),
  );
  const options = new Map(library.riskTemplate.decision.options.map((o) => [o.id, o.title]));
  // Checked at start-up, so a missing option stops the server instead of breaking a card later.
  for (const action of classificationActions) {
    if (!options.has(decisionOptionOf(action))) {
      throw new Error(`content/risk-assessment/decision.yaml has no "${decisionOptionOf(action)}" option`);
    }
  }
  return {
    level(id) {
      const level = levels.get(id);
      if (!level) throw new Error(`content/guides/hackett.yaml has no "${id}" level`);
      return level;
    },
    actionTitle(action) {
      return options.get(decisionOptionOf(action))!;
    },
    sources: library.hackett.sources,
    guidanceEdition: library.hackett.guidanceEdition,
  };
}
