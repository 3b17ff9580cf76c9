import {
  ALTERNATIVES_FILE,
  ASKED_FILE,
  ContentError,
  faqAlternatives,
  faqAskedQuestions,
  MAX_ASKED,
  MAX_ALTERNATIVES,
  MIN_ALTERNATIVES,
  parseContentLibrary,
  searchFaq,
  type ContentFile,
} from '../../../core/index.js';
import { realContent, withEdit, without } from '../../helpers/content.js';

/**
 * content/search/alternatives.yaml is content like any other: loaded and checked at start-up, so a
 * phrasing for an FAQ that does not exist, or an FAQ with none, stops the server with the file and
 * the FAQ id named.
 */
function errorOf(files: ContentFile[]): ContentError {
  try {
    parseContentLibrary(files);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('the library loaded');
}

const edit = (change: (text: string) => string) => withEdit(ALTERNATIVES_FILE, change);

describe('FAQ alternative phrasings', () => {
  const lib = realContent();

  it(`gives every FAQ entry ${MIN_ALTERNATIVES}–${MAX_ALTERNATIVES} phrasings`, () => {
    const alternatives = faqAlternatives(lib);
    for (const entry of lib.faq) {
      const n = alternatives.get(entry.id)?.length ?? 0;
      expect({ id: entry.id, ok: n >= MIN_ALTERNATIVES && n <= MAX_ALTERNATIVES }).toEqual({ id: entry.id, ok: true });
    }
    expect(alternatives.size).toBe(lib.faq.length);
  });

  it('are searched: a phrasing that shares no word with its entry finds it', () => {
    // "dick pic" appears in the airdrop entry's phrasings and nowhere in any FAQ text.
    const faqText = lib.faq.map((e) => `${e.question} ${e.tags.join(' ')} ${e.answer}`.toLowerCase()).join(' ');
    expect(faqText).not.toContain('dick');
    expect(searchFaq(lib, 'dick pic', { top: 3 }).map((h) => h.entry.id)).toContain('faq.airdrop-unwanted-images');
  });

  it('rejects a phrasing for an FAQ id that does not exist', () => {
    const error = errorOf(edit((t) => `${t}\nfaq.no-such-entry:\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f\n`));
    expect([error.file, error.field, error.problem]).toEqual([ALTERNATIVES_FILE, 'faq.no-such-entry', 'No FAQ entry has this id.']);
  });

  it('rejects an FAQ entry left without phrasings', () => {
    const error = errorOf(edit((t) => t.replace(/^faq\.upskirting:\n(?: {2}- .*\n)+/m, '')));
    expect([error.file, error.field]).toEqual([ALTERNATIVES_FILE, 'faq.upskirting']);
    expect(error.problem).toMatch(/needs 6 to 12 alternative phrasings/);
  });

  it('rejects too few or too many phrasings, blanks, repeats and a duplicated id', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `  - phrasing number ${i}`).join('\n');
    const upskirting = /^faq\.upskirting:\n(?: {2}- .*\n)+/m;
    expect(errorOf(edit((t) => t.replace(upskirting, `faq.upskirting:\n${block(MIN_ALTERNATIVES - 1)}\n`))).field).toBe('faq.upskirting');
    expect(errorOf(edit((t) => t.replace(upskirting, `faq.upskirting:\n${block(MAX_ALTERNATIVES + 1)}\n`))).field).toBe('faq.upskirting');
    expect(errorOf(edit((t) => t.replace(upskirting, `faq.upskirting:\n${block(MIN_ALTERNATIVES)}\n  - ""\n`))).field).toBe(
      `faq.upskirting[${MIN_ALTERNATIVES}]`,
    );
    expect(
      errorOf(edit((t) => t.replace(upskirting, `faq.upskirting:\n${block(MIN_ALTERNATIVES)}\n  - Phrasing Number 0\n`))).problem,
    ).toBe('The same phrasing appears twice.');
    expect(errorOf(edit((t) => `${t}\nfaq.upskirting:\n${block(MIN_ALTERNATIVES)}\n`)).problem).toBe('An FAQ id appears twice.');
  });

  it('is optional for a library without the file (as partial test libraries are), never half-present', () => {
    expect(() => parseContentLibrary(without((p) => p === ALTERNATIVES_FILE))).not.toThrow();
    expect(errorOf(edit(() => '- just\n- a list\n')).field).toBe('');
  });
});

describe('questions staff asked (content/search/asked.yaml)', () => {
  const lib = realContent();
  const editAsked = (change: (text: string) => string) => withEdit(ASKED_FILE, change);
  const block = (n: number) => Array.from({ length: n }, (_, i) => `  - asked question number ${i}`).join('\n');
  const list = /^faq\.upskirting:\n(?: {2}- .*\n)+/m;

  it('loads every list within 1 to MAX_ASKED, for FAQ ids only, indexed with the entry', () => {
    const asked = faqAskedQuestions(lib);
    expect(asked.size).toBeGreaterThan(60);
    for (const [id, questions] of asked) {
      expect({ id, known: lib.faq.some((e) => e.id === id) }).toEqual({ id, known: true });
      expect({ id, ok: questions.length >= 1 && questions.length <= MAX_ASKED }).toEqual({ id, ok: true });
    }
  });

  it('are searched: an asked question finds its own entry first', () => {
    // Each is searched whole; a few share their words with another entry's text, so most, not all.
    const all = [...faqAskedQuestions(lib)].flatMap(([id, qs]) => qs.map((q) => ({ id, q })));
    const first = all.filter(({ id, q }) => searchFaq(lib, q, { top: 1 })[0]?.entry.id === id).length;
    expect(first / all.length).toBeGreaterThan(0.9);
  });

  it('rejects an unknown id, an empty or overlong list, and a repeat of a written phrasing', () => {
    expect(errorOf(editAsked((t) => `${t}\nfaq.no-such-entry:\n  - a question\n`)).field).toBe('faq.no-such-entry');
    expect(errorOf(editAsked((t) => t.replace(list, 'faq.upskirting: []\n'))).field).toBe('faq.upskirting');
    expect(errorOf(editAsked((t) => t.replace(list, `faq.upskirting:\n${block(MAX_ASKED + 1)}\n`))).field).toBe(
      'faq.upskirting',
    );
    const written = faqAlternatives(lib).get('faq.upskirting')![0]!;
    const repeat = errorOf(editAsked((t) => t.replace(list, `faq.upskirting:\n  - ${JSON.stringify(written)}\n`)));
    expect([repeat.file, repeat.field, repeat.problem]).toEqual([
      ASKED_FILE,
      'faq.upskirting[0]',
      'The same phrasing is already in alternatives.yaml.',
    ]);
  });

  it('is optional: a library without the file loads with no asked questions', () => {
    expect(() => parseContentLibrary(without((p) => p === ASKED_FILE))).not.toThrow();
  });
});
