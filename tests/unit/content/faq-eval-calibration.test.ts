import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOD_ANSWER, faqAnswers, rankFaq } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';
import { heldOutPhrasings } from './faq-eval-crossval.js';

/**
 * Calibrates "when nothing matches well, say so" (GOOD_ANSWER in core/content/search.ts) on the content
 * alone, never on an evaluation set:
 * - positives: each alternative phrasing, searched against an index without it: with only that phrasing
 *   left out, and (stricter, closer to a question from someone who never read the content) with all of
 *   its entry's phrasings left out;
 * - negatives: tests/content/search-calibration-offtopic.json, questions staff ask that this FAQ does
 *   not cover (school business, and safeguarding topics other than harmful sexual behaviour).
 * The cut should keep nearly all positives (≥ 97 % with the entry's phrasings all left out: when in
 * doubt, answer) and still turn away most negatives; the shares are printed, and the test fails if a
 * change to content or search moves them below the floors.
 */
// Measured at the current cuts (5 for a question that does not name sexual behaviour, 0.5 for one that
// does): keeps 97.0 % of 641 with each entry's phrasings all left out, 98.6 % with one left out, and
// turns away 41 of 72 off-topic questions (57 %). After the fifth round (tags in everyday words, one
// or two words naming sexual behaviour answered when half matched, more synonym groups): 98.3 %, 99.4 %, 40 of 72 (56 %);
// lowering the cut to 4.5 would answer two more off-topic questions for few more kept, so it stays.
// Sixth round: the cut is taken on the strongest BM25 hit, whichever hit the re-ranker puts first
// (faqAnswers); with 29 phrasings and five synonym groups added for wording the entries' texts lack:
// 97.8 %, 99.1 %, 40 of 72.
// On the blind sets A–E, lowering the cut from 5 to 2 would find 6 more of 604 answerable questions and
// answer 19 more of the 41 that nothing answers, so it stays.
// Decline rule (issue #13 item 4): for a question that does not name sexual behaviour, words of school
// life in general (schoolLifeWords in topic-words.ts: "year", "term", "staff", "trip", "reports"...) no
// longer count as matched, and a question naming another safeguarding concern (neglect, radicalisation,
// self-harm...) is declined; with matches on school words gone, the cut moves from 5 to 4: 98.1 %,
// 99.1 %, 42 of 72 (at 5 it would keep only 96.9 % with an entry's phrasings left out).
// Eighth round: 783 questions staff asked (content/search/asked.yaml), indexed in a field of their own.
// Counted as matched like any other text, their everyday words ("keeps saying stuff in tutor time")
// made school questions look answered; a word matched only there no longer counts toward the share
// matched of a question that names no sexual behaviour. At 4: 97.7 %, 99.1 %, 40 of 72; at 5 the keep
// share falls under 97 % (96.9 %), so the cut stays at 4. Ninth round (1,553 asked questions): 97.7 %,
// 98.8 %, 40 of 72; eleventh (2,291, and more decline patterns): 97.4 %, 98.5 %, 42 of 72; twelfth
// (3,371, re-ranker refitted): 97.6 %, 98.7 %, 41 of 72; thirteenth (3,242, and the first entry may
// show there is an answer, `faqAnswers`): 97.8 %, 98.9 %, 42 of 72; fourteenth (3,177, refitted):
// 97.8 %, 98.9 %, 41 of 72.
// The keep floor is the principle (staff need an answer); the reject floor only stops a change from
// accepting nearly everything.
const KEEP_FLOOR = 0.97;
const REJECT_FLOOR = 0.55;

describe('the good-answer threshold', () => {
  const lib = realContent();
  const offTopic = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'content', 'search-calibration-offtopic.json'), 'utf8'),
  ) as string[];

  it(`keeps ≥ ${KEEP_FLOOR * 100} % of held-out phrasings and turns away ≥ ${REJECT_FLOOR * 100} % of off-topic questions`, () => {
    const kept = (mode: 'phrasing' | 'entry') => {
      const all = heldOutPhrasings(lib, mode);
      return all.filter((p) => faqAnswers(p.ranked).length > 0).length / all.length;
    };
    const keepEntry = kept('entry');
    const keepPhrasing = kept('phrasing');
    const rejected = offTopic.filter((q) => {
      return faqAnswers(rankFaq(lib, q)).length === 0;
    }).length;
    const reject = rejected / offTopic.length;
    console.log(
      `Good-answer threshold (score per word × coverage ≥ ${GOOD_ANSWER.minMatchedPerWord}, or ` +
        `${GOOD_ANSWER.minMatchedPerWordOnTopic} when the question names sexual behaviour): keeps ` +
        `${(100 * keepEntry).toFixed(1)} % of phrasings with their entry's phrasings all left out, ` +
        `${(100 * keepPhrasing).toFixed(1)} % with only themselves left out; ` +
        `turns away ${rejected}/${offTopic.length} off-topic questions`,
    );
    expect(offTopic.length).toBeGreaterThanOrEqual(70);
    expect(keepEntry).toBeGreaterThanOrEqual(KEEP_FLOOR);
    expect(keepPhrasing).toBeGreaterThanOrEqual(KEEP_FLOOR);
    expect(reject).toBeGreaterThanOrEqual(REJECT_FLOOR);
  });
});
