/**
 * Whether the best hits of a search answer the question well enough to be shown: "when nothing matches
 * well, say so". search.ts gathers the evidence for each query; this module holds the cut, so that the
 * rule a reviewer reads and its calibration (tests/unit/content/faq-eval-calibration.test.ts) sit in
 * one place.
 */

/** What `isGoodAnswer` looks at for the best hit of one query. */
export interface AnswerEvidence {
  score: number;
  /**
   * The score per word typed (stop words aside): BM25 adds up over the words, so a long question
   * scores more than a short one that is answered just as well.
   */
  perWord: number;
  /**
   * Share of the information in the words typed (stop words aside) that the entry matched, directly or
   * through a synonym the word brought in, each word weighted by how rare it is among FAQ entries
   * (`informationOf`).
   */
  coverage: number;
  /**
   * `coverage` counting only the words of the content's subject: the words of school life in general
   * (`schoolLifeWords` in topic-words.ts) still count in the whole but never as matched, so a
   * match that rests on "year", "term" or "staff" alone covers nothing.
   */
  domainCoverage: number;
  /** How many words were typed (stop words aside), each phrase of small words counting as one. */
  words: number;
  /** Whether the question names sexual behaviour or its harm. */
  onTopic: boolean;
  /** Whether the question names a safeguarding concern other than sexual behaviour (neglect, radicalisation...). */
  otherSafeguarding: boolean;
}

/**
 * "When nothing matches well, say so." Calibrated by tests/unit/content/faq-eval-calibration.test.ts on
 * content alone: alternative phrasings searched against an index without them (one phrasing left out
 * at a time, and, stricter, all of one entry's phrasings at once) must nearly all pass, and questions
 * plainly outside harmful sexual behaviour should mostly not.
 *
 * Principle: staff asking a safeguarding question need an answer, and the answer card lists the
 * helplines anyway, so when in doubt answer. The floor is 97 % kept with all of an entry's phrasings
 * left out: a question written by someone who never read the content matches about as well as that.
 *
 * A question (3 words or more, stop words aside) is judged on its score per word discounted by the share
 * of its information left unmatched (perWord × coverage): one number, so a strong match on the rare words
 * is not turned away for a low raw score, nor a high score on common words accepted. A question that
 * names sexual behaviour or its harm (`onTopicWords` in topic-words.ts, `onTopicGroups` in
 * synonyms.ts) is about this app's subject however it is worded, so it only needs a real match; the strict cut is for questions
 * that do not, which is where school business and other safeguarding topics fall. For those, the share
 * matched counts only the words of the content's subject (`domainCoverage`): every school's FAQ says
 * "year", "term", "staff" or "trip" somewhere, so a match that rests on words of school life in general
 * (`schoolLifeWords`) is no match, nor is a word matched only in the questions staff asked of an entry
 * (content/search/asked.yaml: everyday words, "keeps saying stuff"), and the cut is 4 on what is left. A question that names a
 * safeguarding concern other than sexual behaviour (`namesOtherSafeguarding`: neglect, radicalisation,
 * self-harm...) and not sexual behaviour gets no FAQ answer at all: an HSB answer to it misleads, and
 * the "no good answer" reply gives the route for it (`noAnswerRoutes` in labels.ts). One or two words
 * are a keyword search: there is no question to judge, so they only need to be matched in full
 * (directly, by prefix or typo, or through a synonym; at least one word of the subject), or, when they
 * name sexual behaviour, half matched: the other word then only says which part of the subject is meant.
 */
export const GOOD_ANSWER = {
  minMatchedPerWord: 4,
  minMatchedPerWordOnTopic: 0.5,
  keywordWords: 2,
  keywordCoverage: 0.999,
  keywordCoverageOnTopic: 0.5,
} as const;
/**
 * Policy, referral and context guidance only ever accompanies the answer (or the "no good answer" reply),
 * so it keeps the earlier, stricter cut: a weakly matched clause shown beside an answer is only noise.
 */
const GOOD_GUIDANCE = { minPerWord: 20, minCoverage: 0.2 } as const;

export function isGoodGuidance(evidence: AnswerEvidence): boolean {
  if (evidence.words <= GOOD_ANSWER.keywordWords) return evidence.coverage >= GOOD_ANSWER.keywordCoverage;
  return evidence.perWord >= GOOD_GUIDANCE.minPerWord && evidence.coverage >= GOOD_GUIDANCE.minCoverage;
}

/**
 * Once the best hit is good, the next ones are shown while they score at least this share of it. Low:
 * staff asking for three answers are better served by a third that may be the one they meant than by
 * one answer alone, and the re-ranker has already put them in order.
 */
export const RELATED_SHARE = 0.1;

export function isGoodAnswer(evidence: AnswerEvidence): boolean {
  if (evidence.onTopic) {
    if (evidence.words <= GOOD_ANSWER.keywordWords) return evidence.coverage >= GOOD_ANSWER.keywordCoverageOnTopic;
    return evidence.perWord * evidence.coverage >= GOOD_ANSWER.minMatchedPerWordOnTopic;
  }
  if (evidence.otherSafeguarding) return false;
  if (evidence.words <= GOOD_ANSWER.keywordWords) {
    return evidence.coverage >= GOOD_ANSWER.keywordCoverage && evidence.domainCoverage > 0;
  }
  return evidence.perWord * evidence.domainCoverage >= GOOD_ANSWER.minMatchedPerWord;
}

/**
 * How much of what was asked the entry the re-ranker puts first must answer for it to show there is an
 * answer (`hasGoodAnswer`): one word of "book a meeting room" is not enough.
 */
const FIRST_ANSWER_SHARE = 0.5;

/**
 * Whether a question has a good answer, judged on the entry BM25 scores highest (`strongest`) and the
 * one the re-ranker puts first (`first`). The strongest may be matched on everyday words ("boy", "girl")
 * while the first answers what the question is about, so the first passing the cut on at least half of
 * what was asked shows there is an answer too.
 */
export function hasGoodAnswer(strongest: AnswerEvidence, first: AnswerEvidence): boolean {
  return isGoodAnswer(strongest) || (isGoodAnswer(first) && first.coverage >= FIRST_ANSWER_SHARE);
}
