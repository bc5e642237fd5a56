import { FormulaFailure, formulaError } from './formula-error.ts';
import { type Token, tokenize } from './lexer.ts';

/** The syntax tree of a formula. */
export type Ast =
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'ref'; readonly name: string; readonly pos: number }
  | { readonly t: 'unary'; readonly op: '-' | '+' | 'not'; readonly arg: Ast; readonly pos: number }
  | {
      readonly t: 'binary';
      readonly op: string;
      readonly left: Ast;
      readonly right: Ast;
      readonly pos: number;
    }
  /** A run of same-precedence operators (a + b - c), kept flat so long formulas need no deep recursion. */
  | { readonly t: 'chain'; readonly first: Ast; readonly rest: readonly ChainLink[] }
  | { readonly t: 'call'; readonly fn: string; readonly args: readonly Ast[]; readonly pos: number }
  | { readonly t: 'list'; readonly items: readonly Ast[]; readonly pos: number };

/** One operator and its right operand inside a chain. */
export interface ChainLink {
  readonly op: string;
  readonly operand: Ast;
  readonly pos: number;
}

/** Longest formula accepted, in characters. Longer input is a `parse` error, not a hang. */
export const MAX_FORMULA_LENGTH = 10_000;
/** Deepest nesting accepted (parentheses, calls, unary operators). */
export const MAX_FORMULA_DEPTH = 100;

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

const failAt = (tok: Token, id: string, en: string): never => {
  throw new FormulaFailure(
    formulaError(
      'parse',
      { id: `${id} (karakter ${tok.pos + 1})`, en: `${en} (character ${tok.pos + 1})` },
      { position: tok.pos },
    ),
  );
};

const describe = (tok: Token) => (tok.kind === 'eof' ? 'end of formula' : `"${tok.text}"`);
const describeId = (tok: Token) => (tok.kind === 'eof' ? 'akhir rumus' : `"${tok.text}"`);

/** A recursive-descent parser with a depth limit, so hostile nesting fails cleanly. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] ?? (this.tokens[this.tokens.length - 1] as Token);
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return (t.kind === 'op' && ops.includes(t.text)) || (t.kind === 'ident' && ops.includes(t.text));
  }
  private enter(tok: Token): void {
    this.depth++;
    if (this.depth > MAX_FORMULA_DEPTH) {
      failAt(
        tok,
        `rumus bersarang terlalu dalam (lebih dari ${MAX_FORMULA_DEPTH})`,
        `formula nested too deeply (more than ${MAX_FORMULA_DEPTH})`,
      );
    }
  }
  private leave(): void {
    this.depth--;
  }

  parseFormula(): Ast {
    const ast = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') failAt(t, `tidak diharapkan: ${describeId(t)}`, `unexpected ${describe(t)}`);
    return ast;
  }

  private parseBinaryLevel(ops: string[], sub: () => Ast, norm: (op: string) => string = (o) => o): Ast {
    const first = sub();
    const rest: ChainLink[] = [];
    while (this.isOp(...ops)) {
      const tok = this.next();
      rest.push({ op: norm(tok.text), operand: sub(), pos: tok.pos });
    }
    return rest.length === 0 ? first : { t: 'chain', first, rest };
  }

  private parseOr = (): Ast => this.parseBinaryLevel(['or', '||'], this.parseAnd, () => 'or');
  private parseAnd = (): Ast => this.parseBinaryLevel(['and', '&&'], this.parseNot, () => 'and');

  private parseNot = (): Ast => {
    if (this.isOp('not', '!')) {
      const tok = this.next();
      this.enter(tok);
      const arg = this.parseNot();
      this.leave();
      return { t: 'unary', op: 'not', arg, pos: tok.pos };
    }
    return this.parseComparison();
  };

  private parseComparison = (): Ast => {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.text)) {
        failAt(after, 'perbandingan berantai tidak boleh; gunakan "and"', 'chained comparison; use "and"');
      }
      return { t: 'binary', op: t.text, left, right, pos: t.pos };
    }
    return left;
  };

  private parseAdditive = (): Ast => this.parseBinaryLevel(['+', '-'], this.parseMultiplicative);
  private parseMultiplicative = (): Ast => this.parseBinaryLevel(['*', '/', '%'], this.parseUnary);

  private parseUnary = (): Ast => {
    if (this.isOp('-', '+')) {
      const tok = this.next();
      this.enter(tok);
      const arg = this.parseUnary();
      this.leave();
      return { t: 'unary', op: tok.text === '-' ? '-' : '+', arg, pos: tok.pos };
    }
    return this.parsePower();
  };

  private parsePower = (): Ast => {
    const base = this.parsePrimary();
    if (this.isOp('^')) {
      const tok = this.next();
      this.enter(tok);
      const exponent = this.parseUnary();
      this.leave();
      return { t: 'binary', op: '^', left: base, right: exponent, pos: tok.pos };
    }
    return base;
  };

  private parseList(close: 'rparen' | 'rbracket', closeText: string): Ast[] {
    const items: Ast[] = [];
    if (this.peek().kind === close) {
      this.next();
      return items;
    }
    for (;;) {
      items.push(this.parseOr());
      const t = this.next();
      if (t.kind === close) return items;
      if (t.kind !== 'comma')
        failAt(
          t,
          `diharapkan "," atau "${closeText}", ditemukan ${describeId(t)}`,
          `expected "," or "${closeText}" but found ${describe(t)}`,
        );
    }
  }

  private parsePrimary = (): Ast => {
    const tok = this.next();
    switch (tok.kind) {
      case 'number':
        return { t: 'num', v: tok.value };
      case 'ref':
        return { t: 'ref', name: tok.text, pos: tok.pos };
      case 'lparen': {
        this.enter(tok);
        const inner = this.parseOr();
        this.leave();
        const close = this.next();
        if (close.kind !== 'rparen')
          failAt(
            close,
            `diharapkan ")", ditemukan ${describeId(close)}`,
            `expected ")" but found ${describe(close)}`,
          );
        return inner;
      }
      case 'lbracket': {
        this.enter(tok);
        const items = this.parseList('rbracket', ']');
        this.leave();
        return { t: 'list', items, pos: tok.pos };
      }
      case 'ident':
        return this.parseIdent(tok);
      default:
        return failAt(
          tok,
          `diharapkan angka, rujukan atau "(", ditemukan ${describeId(tok)}`,
          `expected a number, a reference or "(" but found ${describe(tok)}`,
        );
    }
  };

  private parseIdent(tok: Token): Ast {
    if (tok.text === 'true' || tok.text === 'false') return { t: 'bool', v: tok.text === 'true' };
    if (KEYWORDS.has(tok.text))
      failAt(tok, `kata kunci "${tok.text}" di tempat yang salah`, `keyword "${tok.text}" out of place`);
    if (this.peek().kind === 'lparen') {
      const open = this.next();
      this.enter(open);
      const args = this.parseList('rparen', ')');
      this.leave();
      return { t: 'call', fn: tok.text, args, pos: tok.pos };
    }
    return { t: 'ref', name: tok.text, pos: tok.pos };
  }
}

/** Parses formula source into a syntax tree; throws FormulaFailure on bad input. */
export const parseToAst = (src: string): Ast => {
  if (src.length > MAX_FORMULA_LENGTH) {
    throw new FormulaFailure(
      formulaError(
        'parse',
        {
          id: `rumus terlalu panjang (${src.length} karakter; paling banyak ${MAX_FORMULA_LENGTH})`,
          en: `formula too long (${src.length} characters; at most ${MAX_FORMULA_LENGTH})`,
        },
        { position: MAX_FORMULA_LENGTH },
      ),
    );
  }
  if (src.trim().length === 0) {
    throw new FormulaFailure(
      formulaError('parse', { id: 'rumus kosong', en: 'empty formula' }, { position: 0 }),
    );
  }
  return new Parser(tokenize(src)).parseFormula();
};
