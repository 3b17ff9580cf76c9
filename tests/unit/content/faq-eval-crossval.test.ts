import { realContent } from '../../helpers/content.js';
import { crossValidation } from './faq-eval-crossval.js';

/**
 * How well the search finds an entry for a question worded unlike its phrasings, measured on the content
 * alone (no evaluation set): each alternative phrasing searched with itself, or all of its entry's
 * phrasings, left out of the index. Ranking changes are judged on this before any held-out set.
 * Measured before set D was opened: with 67 entries (616 phrasings), one left out hit@1 77.6 %, hit@3
 * 93.2 %, all of the entry's left out 58.8 % / 81.8 %; with the three entries added since (70 entries, 641
 * phrasings, more to confuse) 75.5 % / 92.2 % and 57.4 % / 80.3 %, unchanged by the ranking changes kept
 * (phrases of small words counted, US spellings folded). Tried and not kept, because they did not
 * raise these or the spent sets' figures: BM25 field weights other than 3/1/2/1, a tf-idf centroid
 * scorer fused with BM25 by reciprocal rank, and diversifying the top three by centroid similarity.
 * Fifth round: the entries whose phrasings, all left out, were missed were given tags in the everyday
 * words of their own answers (look/view for viewing an image, away/on leave for an absent DSL), and
 * synonym groups for pressure, altered images, viewing, listening and handling a matter in house: 80.0 % / 94.9 %
 * one left out, 61.3 % / 87.4 % all of the entry left out. Both were written while looking at the
 * missed phrasings, so the entry figure now flatters the search somewhat.
 * Sixth round: the re-ranker (core/content/faq-rerank.ts) ranks the one-left-out phrasings (the 'entry'
 * mode stays BM25 alone, see faq-eval-crossval.ts): 79.3 % / 94.7 % on the 641 phrasings. Then 29
 * phrasings were added for kinds of wording the entries' own texts lack (clubs and teams, a family
 * asking that nobody learns who reported, young children's sexual words and play, a child who harmed
 * being shunned, the child harmed wanting nothing done, a staff member too close to a pupil). Being
 * unlike their entries is the point of them, so left out they are seldom found (one left out 17 % /
 * 52 %, all of the entry left out 7 % / 24 %); the 641 older phrasings measure 79.3 % / 95.2 % and
 * 61.6 % / 87.1 %, all 670 together 76.6 % / 93.3 % and 59.3 % / 84.3 % (76.9 % / 93.4 % and
 * 59.3 % / 84.5 % after five synonym groups for everyday wording).
 * Seventh round: 50 more such phrasings (consent to refer, thresholds, sending the accused home, a
 * transfer to college, viewing an image, late reports, rating girls, disclosures in writing, governors'
 * figures, couples kissing, keeping the reporter's identity). Left out they are found 28 % / 66 % (one)
 * and 12 % / 30 % (all of the entry); the 670 older phrasings still measure 77.3 % / 93.4 % and
 * 59.3 % / 84.6 %; all 720 together 73.9 % / 91.5 % and 56.0 % / 80.8 %. The floors sit under the
 * figures for all 720.
 * Eighth round: three new entries with 24 phrasings, and 783 questions staff asked indexed with the
 * phrasings in a field of their own (content/search/asked.yaml; the cross-validation leaves out only
 * written phrasings, and the 'entry' mode strips the entry's asked questions too). All 744 written
 * phrasings: one left out 75.9 % / 93.5 %; all of the entry left out 47.0 % / 72.2 %. The 'entry'
 * figure falls because the stripped entry, with no phrasings and no asked questions, now competes with
 * entries that each carry up to 30 asked questions, not because any phrasing is found worse (with
 * only itself left out, each is found as well as before); its floors move under it, to 70 % and 45 %.
 * Ninth round: 1,553 asked questions (up to 60 an entry): one left out 78.0 % / 93.7 %; all of the
 * entry left out 44.1 % / 69.0 %, for the same reason; floors 68 % and 43 %. Eleventh round: 2,291
 * (up to 90 an entry): one left out 78.9 % / 94.1 %; all of the entry left out 42.6 % / 67.6 %; floors
 * 67 % and 42 %. Twelfth round: 3,371 (up to 120 an entry), and the re-ranker refitted with two
 * features for the best three phrasings: one left out 78.6 % / 94.9 %; all of the entry left out
 * 41.3 % / 66.3 %, for the same reason; floors 66 % and 41 %. Thirteenth round (3,242 asked, the
 * re-ranker refitted on A–L): 78.5 % / 94.8 % and 42.3 % / 66.5 %. Fourteenth (3,177, refitted on A–M):
 * 78.9 % / 94.8 % and 42.2 % / 66.7 %.
 */
describe('cross-validation over the alternative phrasings', () => {
  const lib = realContent();

  it('finds a phrasing left out of the index in the top three (one left out, and all of its entry left out)', () => {
    const one = crossValidation(lib, 'phrasing');
    const entry = crossValidation(lib, 'entry');
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(
      `Cross-validation over ${one.n} phrasings: one left out hit@1 ${pct(one.hit1)}, hit@3 ${pct(one.hit3)}; ` +
        `all of its entry left out hit@1 ${pct(entry.hit1)}, hit@3 ${pct(entry.hit3)}`,
    );
    expect(one.n).toBeGreaterThanOrEqual(700);
    expect(one.hit3).toBeGreaterThanOrEqual(0.91);
    expect(one.hit1).toBeGreaterThanOrEqual(0.73);
    expect(entry.hit3).toBeGreaterThanOrEqual(0.66);
    expect(entry.hit1).toBeGreaterThanOrEqual(0.41);
  });
});
