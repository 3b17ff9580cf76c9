import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFaq } from '../../../core/index.js';
import { realContent } from '../../helpers/content.js';
import {
  FRESH_HELDOUT_FILE,
  HELDOUT_C_FILE,
  HELDOUT_D_FILE,
  HELDOUT_E_FILE,
  HELDOUT_F_FILE,
  HELDOUT_G_FILE,
  HELDOUT_H_FILE,
  HELDOUT_I_FILE,
  HELDOUT_J_FILE,
  HELDOUT_K_FILE,
  HELDOUT_L_FILE,
  HELDOUT_M_FILE,
  HELDOUT_N_FILE,
  HELDOUT_FILE,
  evalDir,
  readEvalSet,
} from './faq-eval-sets.js';

/**
 * The held-out sets were written without sight of the content and labelled before they were scored
 * (the first before any tuning; the fresh one after the good-answer cut was recalibrated on content
 * alone). Editing one after seeing results would turn it into one more tuning set, so their bytes are
 * pinned: any change fails here.
 */
const FROZEN_SHA256: Record<string, string> = {
  [HELDOUT_FILE]: '409da0f94a46a00f02fa418262961dbcb89f2504701173b90ce0c67e99800160',
  [FRESH_HELDOUT_FILE]: '7724de7d3349b8cb145affb1f1a32b5ccbb884a03247426cf3bc4026a3604853',
  [HELDOUT_C_FILE]: 'be8e38432670835182c87cfb42423992bd7256063f405bb53e46592575a2703a',
  [HELDOUT_D_FILE]: '3d0c814274835ded5bddc49fc08a7267a7a09c7856e8643fcdddd91c70587dc6',
  [HELDOUT_E_FILE]: '8c594391b835c47daf9291c95f42a6e5bf1d4deda7cc0d584c00e0eaefd0369d',
  [HELDOUT_F_FILE]: '225277c1a8e75b06e00ea32b9681c95bc8154f58d0457c9d79785a8f06262fd1',
  [HELDOUT_G_FILE]: 'e62e00aa9876b86300fa7ff58128af77b95592ad887a2ee38df494e43b3d5a10',
  [HELDOUT_H_FILE]: 'b78056f8d55de617c371d5c75aaa7d320bea6142e47008525617a05ec1a629c1',
  [HELDOUT_I_FILE]: '84d68c79f4efe66d2f869b830e614d446e2d65dc8427bc56878a83f0b4393fce',
  [HELDOUT_J_FILE]: 'bd43b99805fa4e5994b045be42c40290c0fea93e2ee7b17b25f45f1ef9d87173',
  [HELDOUT_K_FILE]: '0b01db764a49572668da630bc66e7a2d042499ece597386771cf2641224cc1d3',
  [HELDOUT_L_FILE]: '52bfac575b24e92eb21bee94217010c6d2ee244c396fe9617e6dad05d661bc93',
  [HELDOUT_M_FILE]: '309cc622edbc46a0e4e7f2a27ede11a58c299ba10611b8882eb04d9c805df09e',
  [HELDOUT_N_FILE]: '0f28bfc570e977136bae2ffd8ac1538d4695243a242f8a21a9fc3f8918845650',
};

describe.each(Object.keys(FROZEN_SHA256))('the frozen held-out FAQ set %s', (file) => {
  const cases = readEvalSet(file);

  it('is byte-for-byte the labelled file committed before it was scored', () => {
    const bytes = readFileSync(join(evalDir, file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FROZEN_SHA256[file]);
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
