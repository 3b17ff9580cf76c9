import fc from 'fast-check';
import {
  createNameMatcher,
  MENTION_PATTERN,
  mentionedChildIds,
  renderMentions,
  tokeniseMentions,
  type NamedChild,
} from '../../../../core/privacy/index.js';

const ZOE = '11111111-1111-4111-8111-111111111111';
const BAL = '22222222-2222-4222-8222-222222222222';
const SAM = '33333333-3333-4333-8333-333333333333';
const children: NamedChild[] = [
  { id: ZOE, name: 'Zoë Ångström' },
  { id: BAL, name: 'Balthazar O’Neill-Price' },
  { id: SAM, name: 'Sam Smith' },
];
const matcher = createNameMatcher(children);
const redact = (text: string): string => matcher.replace(text, () => 'another child');

describe('createNameMatcher: the forms a name is typed in', () => {
  it.each([
    ['composed', 'Zo\u00eb said'],
    ['decomposed (NFD)', 'Zoe\u0308 said'],
    ['without the diaeresis', 'Zoe said'],
    ['upper case', 'ZOË said'],
    ['full-width letters', '\uff3a\uff4f\uff45 said'],
    ['possessive, straight apostrophe', "Zoe's bag"],
    ['possessive, curly apostrophe', 'Zoe’s bag'],
  ])('finds Zoë %s', (_form, text) => {
    const [m, ...rest] = matcher.find(text);
    expect(rest).toEqual([]);
    expect(m?.id).toBe(ZOE);
    expect(m?.start).toBe(0);
    expect(redact(text)).not.toMatch(/z/i);
    expect(redact(text)).toMatch(/^another child/);
  });

  it.each([
    ['soft hyphen', 'Bal\u00adthazar'],
    ['zero-width space', 'Balt\u200bhazar'],
    ['zero-width joiner', 'Balt\u200dhazar'],
    ['word joiner', 'Bal\u2060thazar'],
    ['byte-order mark', 'Baltha\ufeffzar'],
  ])('finds Balthazar with a %s inside', (_form, name) => {
    expect(redact(`Then ${name} left.`)).toBe('Then another child left.');
  });

  it('offsets point into the original text, including a trailing combining mark', () => {
    const text = 'Met Zoe\u0308 A\u030angstro\u0308m today';
    const [m] = matcher.find(text);
    expect(text.slice(m!.start, m!.end)).toBe('Zoe\u0308 A\u030angstro\u0308m');
    expect(redact(text)).toBe('Met another child today');
  });

  it('prefers the full name, so a name reads as one child, not two', () => {
    expect(redact('Zoë Ångström and Sam')).toBe('another child and another child');
    expect(matcher.find('Balthazar O’Neill-Price was there').map((m) => m.id)).toEqual([BAL]);
    expect(redact('Balthazar ONeill-Price was there')).toBe('another child was there');
    expect(redact('ONeill')).toBe('another child');
  });

  it('respects word edges', () => {
    expect(redact('Samantha and Samuel; Zoetrope; Smithson')).toBe('Samantha and Samuel; Zoetrope; Smithson');
    expect(redact('(Sam)')).toBe('(another child)');
    expect(redact('Sam.')).toBe('another child.');
  });

  it('keeps the parts the document’s own child shares, but still the other child’s full name', () => {
    const own = createNameMatcher(children, { keep: ['Jo Smith'] });
    expect(own.replace('Jo Smith and Sam Smith', () => 'X')).toBe('Jo Smith and X');
    expect(own.replace('Smith', () => 'X')).toBe('Smith');
  });

  it('ignores one-letter parts but not a full name containing them', () => {
    const m = createNameMatcher([{ id: SAM, name: 'J Bloggs' }]);
    expect(m.replace('J said J Bloggs', () => 'X')).toBe('J said X');
  });

  it('never reads the id inside an existing mention as a name', () => {
    const id = 'cade0000-0000-4000-8000-00000000cade';
    const m = createNameMatcher([{ id: SAM, name: 'Cade' }]);
    const text = `@[child:${id}] and Cade`;
    expect(tokeniseMentions(text, m)).toBe(`@[child:${id}] and @[child:${SAM}]`);
  });

  it('builds once and answers empty for no children', () => {
    expect(createNameMatcher([]).find('Zoë')).toEqual([]);
    expect(createNameMatcher([{ id: ZOE, name: '\u200b' }]).find('anything')).toEqual([]);
  });
});

describe('mentions', () => {
  it('tokenises names and renders them back per audience', () => {
    const stored = tokeniseMentions('Zoe\u0308’s friend saw Sam', matcher);
    expect(stored).toBe(`@[child:${ZOE}]’s friend saw @[child:${SAM}]`);
    expect(mentionedChildIds(stored)).toEqual([ZOE, SAM]);
    expect(renderMentions(stored, () => 'another child')).toBe('another child’s friend saw another child');
    const names = new Map(children.map((c) => [c.id, c.name]));
    expect(renderMentions(stored, (id) => names.get(id) ?? 'another child')).toBe(
      'Zoë Ångström’s friend saw Sam Smith',
    );
  });

  it('MENTION_PATTERN matches the token format exactly', () => {
    expect(`x @[child:${ZOE}] y`.match(MENTION_PATTERN)).toEqual([`@[child:${ZOE}]`]);
    expect('@[child:not-an-id]'.match(MENTION_PATTERN)).toBeNull();
  });
});

describe('properties', () => {
  const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéöåñ'.split(''));
  const namePart = fc.array(letters, { minLength: 2, maxLength: 10 }).map((a) => a.join(''));
  const variant = (name: string, seed: readonly number[]): string =>
    [...name]
      .map((ch, i) => {
        const s = seed[i % seed.length] ?? 0;
        const c = s % 2 === 0 ? ch.toUpperCase() : ch;
        const forms = [
          c,
          c.normalize('NFD'),
          c.normalize('NFD').replace(/\p{M}/gu, ''),
          c.length === 1 && c >= 'A' && c <= 'z' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c,
          `${c}\u00ad`,
          `${c}\u200b`,
        ];
        return forms[s % forms.length]!;
      })
      .join('');

  it('finds any variant of a name, at its place in the text', () => {
    fc.assert(
      fc.property(
        namePart,
        namePart,
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', 'Before ', 'x, '),
        fc.constantFrom('', ' after', "'s", '.'),
        (first, last, seed, before, after) => {
          const m = createNameMatcher([{ id: ZOE, name: `${first} ${last}` }]);
          const typed = variant(`${first} ${last}`, seed);
          const found = m.find(`${before}${typed}${after}`);
          expect(found).toHaveLength(1);
          expect(found[0]!.start).toBe(before.length);
          expect(m.replace(`${before}${typed}${after}`, () => '#')).toBe(`${before}#${after}`);
        },
      ),
    );
  });

  it('leaves text without the names unchanged', () => {
    const m = createNameMatcher(children);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(
          !/zo|sam|smith|balt|neill|price|angst|ngstr/i.test(text.normalize('NFKD').replace(/\p{M}/gu, '')),
        );
        expect(m.replace(text, () => '#')).toBe(text);
      }),
    );
  });

  it('scales linearly: ten times the text takes about ten times as long, whatever the names', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
      name: `Maximilian-Alexander${i} Featherstonehaugh-Worthington${i}`,
    }));
    const m = createNameMatcher(many);
    const chunk =
      'Maximilian-Alexander7 met Featherstonehaugh-Worthington9 by the Year 9 office. Zoë was fine. ';
    const time = (n: number): number => {
      const text = chunk.repeat(n);
      const t0 = performance.now();
      for (let k = 0; k < 3; k++) m.find(text);
      return performance.now() - t0;
    };
    time(20);
    const small = Math.max(time(100), 1);
    const large = time(1000);
    expect(large / small).toBeLessThan(30);
  });
});
