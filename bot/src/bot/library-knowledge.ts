import {
  checkStatus,
  classificationActions,
  decisionOptionOf,
  fillVariables,
  findFaq,
  searchFaq,
  searchGuidance,
  type ContentLibrary,
  type FaqEntry,
  type HackettLevel,
} from '../../../core/index.js';
import type { FaqAnswer, FaqAnswers, GuidanceLink } from './faq-answers.js';
import type { HackettGuide, HackettLevelGuide } from './hackett-guide.js';

/** How many hits a question fetches: the best answer and the related questions shown under it. */
const HITS = 3;

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

/**
 * The FAQ as the bot asks it: the content library's search (the same one GET /api/faq runs), which
 * returns nothing when no entry answers well, so a weak match is never shown as the answer.
 */
export function libraryFaqAnswers(library: ContentLibrary): FaqAnswers {
  return {
    best(question) {
      const [best, ...related] = searchFaq(library, question, { top: HITS });
      if (!best) return null;
      return { best: answerOf(best.entry), related: related.map((hit) => answerOf(hit.entry)) };
    },
    guidance(question) {
      const found = searchGuidance(library, question, 0);
      const links: GuidanceLink[] = [];
      if (found.policy) links.push({ kind: 'policy', title: found.policy.clause.title });
      if (found.referral) links.push({ kind: 'referral', title: found.referral.clause.title });
      if (found.context) links.push({ kind: 'context', title: found.context.context.title });
      return links;
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
