/**
 * The part of OData $filter that Graph accepts on SharePoint list items: comparisons of
 * `fields/Name` with literals (eq, ne, lt, le, gt, ge), startswith(), and/or/not and parentheses.
 */
export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; field: string; value: Literal }
  | { kind: 'startswith'; field: string; value: string };

type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
type Literal = string | number | boolean | null;

export class FilterSyntaxError extends Error {}

type Token =
  { t: 'word'; v: string } | { t: 'str'; v: string } | { t: 'num'; v: number } | { t: '(' | ')' | ',' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError('Unterminated string literal.');
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += input[i];
        i++;
      }
      tokens.push({ t: 'str', v: value });
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      if (!m) throw new FilterSyntaxError(`Unexpected '${c}'.`);
      tokens.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][\w/]*/.exec(input.slice(i));
      if (!m) throw new FilterSyntaxError(`Unexpected '${c}'.`);
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFilter(input: string): FilterNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => {
    const token = tokens[pos++];
    if (!token) throw new FilterSyntaxError('The filter ends too early.');
    return token;
  };
  const word = (v: string) => {
    const token = peek();
    return token?.t === 'word' && token.v.toLowerCase() === v;
  };
  const field = (token: Token): string => {
    if (token.t !== 'word' || !token.v.startsWith('fields/')) {
      throw new FilterSyntaxError('Filter on list item columns as fields/Name.');
    }
    return token.v.slice('fields/'.length);
  };
  const literal = (token: Token): Literal => {
    if (token.t === 'str' || token.t === 'num') return token.v;
    if (token.t === 'word' && ['null', 'true', 'false'].includes(token.v)) {
      return token.v === 'null' ? null : token.v === 'true';
    }
    throw new FilterSyntaxError('Expected a literal.');
  };

  function primary(): FilterNode {
    if (peek()?.t === '(') {
      take();
      const inner = or();
      if (take().t !== ')') throw new FilterSyntaxError('Missing ).');
      return inner;
    }
    if (word('not')) {
      take();
      return { kind: 'not', operand: primary() };
    }
    if (word('startswith')) {
      take();
      if (take().t !== '(') throw new FilterSyntaxError('startswith needs (.');
      const f = field(take());
      if (take().t !== ',') throw new FilterSyntaxError('startswith needs two arguments.');
      const v = literal(take());
      if (take().t !== ')') throw new FilterSyntaxError('Missing ).');
      if (typeof v !== 'string') throw new FilterSyntaxError('startswith needs a string.');
      return { kind: 'startswith', field: f, value: v };
    }
    const f = field(take());
    const opToken = take();
    if (opToken.t !== 'word' || !['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(opToken.v)) {
      throw new FilterSyntaxError('Expected a comparison operator.');
    }
    return { kind: 'compare', op: opToken.v as CompareOp, field: f, value: literal(take()) };
  }
  function and(): FilterNode {
    let left = primary();
    while (word('and')) {
      take();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  }
  function or(): FilterNode {
    let left = and();
    while (word('or')) {
      take();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }
  const tree = or();
  if (pos !== tokens.length) throw new FilterSyntaxError('Unexpected text after the filter.');
  return tree;
}

export function referencedFields(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...referencedFields(node.left), ...referencedFields(node.right)];
    case 'not':
      return referencedFields(node.operand);
    default:
      return [node.field];
  }
}

function compare(a: unknown, b: Literal): number | undefined {
  if (a === null || a === undefined || b === null) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function evaluate(node: FilterNode, fields: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, fields) && evaluate(node.right, fields);
    case 'or':
      return evaluate(node.left, fields) || evaluate(node.right, fields);
    case 'not':
      return !evaluate(node.operand, fields);
    case 'startswith': {
      const v = fields[node.field];
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'compare': {
      const v = fields[node.field];
      if (node.op === 'eq' && node.value === null) return v === null || v === undefined;
      if (node.op === 'ne' && node.value === null) return v !== null && v !== undefined;
      const c = compare(v, node.value);
      if (c === undefined) return node.op === 'ne';
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
      }
    }
  }
}
