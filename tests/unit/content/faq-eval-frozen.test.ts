import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFaq } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';
import { HELDOUT_FILE, evalDir, readEvalSet } from './faq-eval-sets.js';

/**
 * The held-out set was written without sight of the content and labelled before the search was tuned
 * (commit "label held-out set before tuning; frozen"). Editing it after seeing results would turn it
 * into one more tuning set, so its bytes are pinned: any change fails here.
 */
const FROZEN_SHA256 = '409da0f94a46a00f02fa418262961dbcb89f2504701173b90ce0c67e99800160';

describe('the frozen held-out FAQ set', () => {
  const cases = readEvalSet(HELDOUT_FILE);

  it('is byte-for-byte the labelled file committed before tuning', () => {
    const bytes = readFileSync(join(evalDir, HELDOUT_FILE));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FROZEN_SHA256);
  });

  it('has at least 60 questions, each labelled with 1–3 real FAQ ids or marked as having no good answer', () => {
    const lib = realContent();
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      if (c.noGoodAnswer) {
        expect({ q: c.q, expect: c.expect }).toEqual({ q: c.q, expect: [] });
        continue;
      }
      expect(c.expect.length).toBeGreaterThanOrEqual(1);
      expect(c.expect.length).toBeLessThanOrEqual(3);
      for (const id of c.expect) expect({ id, exists: Boolean(findFaq(lib, id)) }).toEqual({ id, exists: true });
    }
  });
});
