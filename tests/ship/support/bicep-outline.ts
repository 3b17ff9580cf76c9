/**
 * A small reader for the subset of Bicep that infra/ uses, because no Bicep compiler runs offline (it is
 * published for .NET and as native binaries, not on npm). It returns the parameters with their
 * decorators, the resources with their bodies as plain values, and the outputs, so tests can assert on
 * the properties that matter. Expressions it does not evaluate (`webApp.id`, `empty(x) ? a : b`) come
 * back as `{ expr: '...' }` with their source text.
 */

export interface Expr {
  expr: string;
}
export type BicepValue =
  string | number | boolean | null | Expr | BicepValue[] | { [key: string]: BicepValue };

export interface Decorator {
  name: string;
  args: string;
}
export interface BicepParam {
  name: string;
  type: string;
  decorators: Decorator[];
  defaultValue?: BicepValue;
}
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  decorators: Decorator[];
  body: { [key: string]: BicepValue };
}
export interface BicepOutput {
  name: string;
  type: string;
  value: BicepValue;
}
export interface BicepOutline {
  params: Map<string, BicepParam>;
  vars: Map<string, BicepValue>;
  resources: Map<string, BicepResource>;
  outputs: Map<string, BicepOutput>;
}

type Token =
  | { kind: 'punct'; text: '{' | '}' | '[' | ']' | '(' | ')' | ':' | ',' | '=' }
  | { kind: 'newline'; text: '\n' }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'word'; text: string };

export class BicepSyntaxError extends Error {
  override name = 'BicepSyntaxError';
}

/** Reads a '…' string starting at `start` (the opening quote); returns its end and raw text. */
function readString(src: string, start: number): { end: number; raw: string; value: string } {
  if (src.startsWith("'''", start)) {
    const close = src.indexOf("'''", start + 3);
    if (close < 0) throw new BicepSyntaxError('unterminated multi-line string');
    return { end: close + 3, raw: src.slice(start, close + 3), value: src.slice(start + 3, close) };
  }
  let i = start + 1;
  let value = '';
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      value += src[i + 1] ?? '';
      i += 2;
    } else if (c === '$' && src[i + 1] === '{') {
      // Interpolation: copy through to the matching brace, minding nested strings.
      let depth = 0;
      const from = i;
      i += 1;
      for (; i < src.length; i++) {
        const d = src[i]!;
        if (d === "'") i = readString(src, i).end - 1;
        else if (d === '{') depth++;
        else if (d === '}' && --depth === 0) break;
      }
      value += src.slice(from, i + 1);
      i += 1;
    } else if (c === "'") {
      return { end: i + 1, raw: src.slice(start, i + 1), value };
    } else if (c === '\n') {
      throw new BicepSyntaxError('newline in a string');
    } else {
      value += c;
      i++;
    }
  }
  throw new BicepSyntaxError('unterminated string');
}

/** A lone "=" (not part of ==, !=, <=, >= or =~). */
function isAssignment(src: string, i: number): boolean {
  return src[i] === '=' && !'=~'.includes(src[i + 1] ?? '') && !'=!<>'.includes(src[i - 1] ?? '');
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new BicepSyntaxError('unterminated comment');
      i = close + 2;
    } else if (c === '\n') {
      tokens.push({ kind: 'newline', text: '\n' });
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const s = readString(src, i);
      tokens.push({ kind: 'string', text: s.raw, value: s.value });
      i = s.end;
    } else if ('{}[]():,'.includes(c)) {
      tokens.push({ kind: 'punct', text: c as '{' });
      i++;
    } else if (isAssignment(src, i)) {
      tokens.push({ kind: 'punct', text: '=' });
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s{}[\]():,']/.test(src[j]!) && !isAssignment(src, j)) {
        if (src[j] === '/' && (src[j + 1] === '/' || src[j + 1] === '*')) break;
        j++;
      }
      if (j === i) j++;
      tokens.push({ kind: 'word', text: src.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new BicepSyntaxError('unexpected end of file');
    return t;
  }
  expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new BicepSyntaxError(`expected "${text}", found "${t.text}"`);
  }
  skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.pos++;
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  private isTerminator(t: Token | undefined): boolean {
    return !t || t.kind === 'newline' || t.text === ',' || t.text === '}' || t.text === ']' || t.text === ')';
  }

  /** Source of an expression: tokens up to a separator at nesting depth 0, spaced as usually written. */
  private expression(): Expr {
    let text = '';
    let prev: Token | undefined;
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (depth === 0 && this.isTerminator(t)) break;
      this.pos++;
      if (t.text === '{' || t.text === '[' || t.text === '(') depth++;
      if (t.text === '}' || t.text === ']' || t.text === ')') depth--;
      if (t.kind === 'newline') continue;
      const tight =
        !prev ||
        [')', ']', ','].includes(t.text) ||
        ['(', '['].includes(prev.text) ||
        (t.text === '(' && prev.kind === 'word') ||
        (t.kind === 'word' && t.text.startsWith('.'));
      text += (tight ? '' : ' ') + t.text;
      prev = t;
    }
    return { expr: text };
  }

  value(): BicepValue {
    const t = this.peek();
    if (!t) throw new BicepSyntaxError('expected a value');
    if (t.text === '{') return this.object();
    if (t.text === '[' && this.peek(1)?.text !== 'for') return this.array();
    const after = this.peek(1);
    if (t.kind === 'string' && this.isTerminator(after)) {
      this.pos++;
      return t.value;
    }
    if (t.kind === 'word' && this.isTerminator(after)) {
      if (t.text === 'true') return (this.pos++, true);
      if (t.text === 'false') return (this.pos++, false);
      if (t.text === 'null') return (this.pos++, null);
      if (/^-?\d+(\.\d+)?$/.test(t.text)) return (this.pos++, Number(t.text));
    }
    return this.expression();
  }

  object(): { [key: string]: BicepValue } {
    this.expect('{');
    const out: { [key: string]: BicepValue } = {};
    for (;;) {
      this.skipNewlines();
      if (this.peek()?.text === ',') {
        this.pos++;
        continue;
      }
      if (this.peek()?.text === '}') {
        this.pos++;
        return out;
      }
      const key = this.next();
      if (key.kind !== 'word' && key.kind !== 'string')
        throw new BicepSyntaxError(`bad property name "${key.text}"`);
      this.expect(':');
      out[key.kind === 'string' ? key.value : key.text] = this.value();
    }
  }

  array(): BicepValue[] {
    this.expect('[');
    const out: BicepValue[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek()?.text === ',') {
        this.pos++;
        continue;
      }
      if (this.peek()?.text === ']') {
        this.pos++;
        return out;
      }
      out.push(this.value());
    }
  }

  decorator(): Decorator {
    const name = this.word().slice(1);
    let args = '';
    if (this.peek()?.text === '(') {
      const e = this.expression();
      args = e.expr.replace(/^\(|\)$/g, '');
    }
    return { name, args };
  }

  word(): string {
    const t = this.next();
    if (t.kind !== 'word') throw new BicepSyntaxError(`expected a name, found "${t.text}"`);
    return t.text;
  }
}

export function parseBicep(src: string): BicepOutline {
  const p = new Parser(tokenize(src));
  const outline: BicepOutline = {
    params: new Map(),
    vars: new Map(),
    resources: new Map(),
    outputs: new Map(),
  };
  let decorators: Decorator[] = [];
  for (p.skipNewlines(); !p.atEnd(); p.skipNewlines()) {
    if (p.peek()?.text.startsWith('@')) {
      decorators.push(p.decorator());
      continue;
    }
    const keyword = p.word();
    if (keyword === 'param') {
      const name = p.word();
      const type = p.word();
      const param: BicepParam = { name, type, decorators };
      if (p.peek()?.text === '=') {
        p.next();
        param.defaultValue = p.value();
      }
      outline.params.set(name, param);
    } else if (keyword === 'var') {
      const name = p.word();
      p.expect('=');
      outline.vars.set(name, p.value());
    } else if (keyword === 'resource') {
      const symbol = p.word();
      const typeToken = p.next();
      if (typeToken.kind !== 'string') throw new BicepSyntaxError(`resource ${symbol} needs a type string`);
      const [type = '', apiVersion = ''] = typeToken.value.split('@');
      p.expect('=');
      const body = p.value();
      if (typeof body !== 'object' || body === null || Array.isArray(body) || 'expr' in body) {
        throw new BicepSyntaxError(`resource ${symbol} must be a plain object (no conditions or loops here)`);
      }
      outline.resources.set(symbol, { symbol, type, apiVersion, decorators, body });
    } else if (keyword === 'output') {
      const name = p.word();
      const type = p.word();
      p.expect('=');
      outline.outputs.set(name, { name, type, value: p.value() });
    } else {
      throw new BicepSyntaxError(`unsupported statement "${keyword}"`);
    }
    decorators = [];
  }
  return outline;
}

/** Follows a dotted path into a parsed value: get(body, 'properties.siteConfig.minTlsVersion'). */
export function get(value: BicepValue | undefined, path: string): BicepValue | undefined {
  let current: BicepValue | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || 'expr' in current) return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}
