import { FormulaFailure, type FormulaResult, formulaError } from './formula-error.ts';
import { asNumber, FUNCTIONS, SPECIAL_FORMS, type Value } from './functions.ts';
import { type Ast, type ChainLink, parseToAst } from './parser.ts';

/** Where a formula reads its references: a `Map` from reference to value works as is. */
export interface FormulaScope {
  get(ref: string): number | undefined;
  has(ref: string): boolean;
}

/** A formula parsed once, to be evaluated many times against different scopes. */
export interface CompiledFormula {
  readonly source: string;
  /** Every reference the formula reads, in order of first appearance. */
  readonly refs: readonly string[];
  evaluate(scope: FormulaScope): FormulaResult<number>;
}

type Eval = (scope: FormulaScope) => Value;

const fail = (kind: 'type' | 'div-by-zero' | 'overflow', id: string, en: string): never => {
  throw new FormulaFailure(formulaError(kind, { id, en }));
};

const finite = (n: number, op: string): number => {
  if (Number.isNaN(n)) fail('type', `hasil "${op}" tidak terdefinisi`, `"${op}" gave an undefined result`);
  if (!Number.isFinite(n)) fail('overflow', `hasil "${op}" melampaui batas angka`, `"${op}" overflowed`);
  return n;
};

const asBool = (v: Value, op: string): boolean => {
  if (typeof v !== 'boolean')
    return fail('type', `"${op}" memerlukan nilai benar/salah`, `"${op}" needs a true/false value`);
  return v;
};

const arithmetic = (op: string, a: number, b: number): number => {
  switch (op) {
    case '+':
      return finite(a + b, op);
    case '-':
      return finite(a - b, op);
    case '*':
      return finite(a * b, op);
    case '/':
      if (b === 0) fail('div-by-zero', 'pembagian dengan nol', 'division by zero');
      return finite(a / b, op);
    case '%':
      if (b === 0) fail('div-by-zero', 'sisa bagi dengan nol', 'remainder by zero');
      return finite(a % b, op);
    default:
      if (a === 0 && b < 0)
        fail('div-by-zero', 'nol dipangkatkan bilangan negatif', 'zero to a negative power');
      return finite(a ** b, op);
  }
};

const compare = (op: string, a: Value, b: Value): boolean => {
  if (op === '==' || op === '!=') {
    if (typeof a !== typeof b || Array.isArray(a) || Array.isArray(b)) {
      fail(
        'type',
        `"${op}" membandingkan jenis nilai yang berbeda`,
        `"${op}" compares values of different types`,
      );
    }
    return op === '==' ? a === b : a !== b;
  }
  const x = asNumber(a, `"${op}"`);
  const y = asNumber(b, `"${op}"`);
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
};

const compileChain = (first: Ast, rest: readonly ChainLink[], refs: Set<string>): Eval => {
  const head = compileAst(first, refs);
  const links = rest.map((l) => ({ op: l.op, operand: compileAst(l.operand, refs) }));
  const logical = links[0]?.op === 'and' || links[0]?.op === 'or';
  if (logical) {
    return (scope) => {
      let acc = asBool(head(scope), links[0]?.op ?? 'and');
      for (const l of links) {
        if (l.op === 'and' ? !acc : acc) return acc;
        acc = asBool(l.operand(scope), l.op);
      }
      return acc;
    };
  }
  return (scope) => {
    let acc = asNumber(head(scope), `"${links[0]?.op}"`);
    for (const l of links) acc = arithmetic(l.op, acc, asNumber(l.operand(scope), `"${l.op}"`));
    return acc;
  };
};

const compileCall = (ast: Extract<Ast, { t: 'call' }>, refs: Set<string>): Eval => {
  const args = ast.args.map((a) => compileAst(a, refs));
  if (SPECIAL_FORMS.has(ast.fn)) {
    if (args.length !== 3) throw arityError(ast, 3, 3);
    const [c, a, b] = args as [Eval, Eval, Eval];
    return (scope) => (asBool(c(scope), 'if') ? a(scope) : b(scope));
  }
  const def = FUNCTIONS.get(ast.fn);
  if (def === undefined) {
    const known = [...FUNCTIONS.keys(), ...SPECIAL_FORMS].sort().join(', ');
    throw new FormulaFailure(
      formulaError(
        'parse',
        {
          id: `fungsi "${ast.fn}" tidak dikenal (karakter ${ast.pos + 1}); yang tersedia: ${known}`,
          en: `unknown function "${ast.fn}" (character ${ast.pos + 1}); available: ${known}`,
        },
        { position: ast.pos },
      ),
    );
  }
  if (args.length < def.minArgs || args.length > def.maxArgs) throw arityError(ast, def.minArgs, def.maxArgs);
  return (scope) => def.apply(args.map((a) => a(scope)));
};

const arityError = (ast: Extract<Ast, { t: 'call' }>, min: number, max: number): FormulaFailure => {
  const want = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `${min}+` : `${min}–${max}`;
  return new FormulaFailure(
    formulaError(
      'parse',
      {
        id: `${ast.fn}() memerlukan ${want} argumen, diberi ${ast.args.length} (karakter ${ast.pos + 1})`,
        en: `${ast.fn}() takes ${want} arguments, got ${ast.args.length} (character ${ast.pos + 1})`,
      },
      { position: ast.pos },
    ),
  );
};

const compileRef =
  (name: string): Eval =>
  (scope) => {
    if (!scope.has(name)) {
      throw new FormulaFailure(
        formulaError(
          'unknown-ref',
          { id: `rujukan "${name}" tidak dikenal`, en: `unknown reference "${name}"` },
          { ref: name },
        ),
      );
    }
    const v = scope.get(name);
    if (v === undefined) {
      throw new FormulaFailure(
        formulaError(
          'missing',
          { id: `"${name}" belum memiliki nilai`, en: `"${name}" has no value` },
          { ref: name },
        ),
      );
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return fail(
        'type',
        `nilai "${name}" bukan angka terhingga`,
        `value of "${name}" is not a finite number`,
      );
    }
    return v;
  };

const compileAst = (ast: Ast, refs: Set<string>): Eval => {
  switch (ast.t) {
    case 'num':
    case 'bool': {
      const v = ast.v;
      return () => v;
    }
    case 'ref':
      refs.add(ast.name);
      return compileRef(ast.name);
    case 'list': {
      const items = ast.items.map((i) => compileAst(i, refs));
      return (scope) => items.map((i) => i(scope));
    }
    case 'unary': {
      const arg = compileAst(ast.arg, refs);
      if (ast.op === 'not') return (scope) => !asBool(arg(scope), 'not');
      if (ast.op === '-') return (scope) => -asNumber(arg(scope), '"-"');
      return (scope) => asNumber(arg(scope), '"+"');
    }
    case 'binary': {
      const left = compileAst(ast.left, refs);
      const right = compileAst(ast.right, refs);
      const op = ast.op;
      if (op === '^')
        return (scope) => arithmetic('^', asNumber(left(scope), '"^"'), asNumber(right(scope), '"^"'));
      return (scope) => compare(op, left(scope), right(scope));
    }
    case 'chain':
      return compileChain(ast.first, ast.rest, refs);
    case 'call':
      return compileCall(ast, refs);
  }
};

/**
 * Parses and compiles a formula. Never uses `eval` or `Function`; bad input gives an error value.
 *
 * @example
 * const r = compileFormula('100 * mantap_km / total_km');
 * if (r.ok) r.value.evaluate(new Map([['mantap_km', 771.84], ['total_km', 938.85]])); // ≈ 82.21
 */
export const compileFormula = (source: string): FormulaResult<CompiledFormula> => {
  try {
    const refs = new Set<string>();
    const root = compileAst(parseToAst(source), refs);
    const formula: CompiledFormula = {
      source,
      refs: [...refs],
      evaluate: (scope) => {
        try {
          const v = root(scope);
          if (typeof v !== 'number') {
            return {
              ok: false,
              error: formulaError('type', {
                id: 'rumus harus menghasilkan angka',
                en: 'a formula must produce a number',
              }),
            };
          }
          return { ok: true, value: v };
        } catch (e) {
          return { ok: false, error: toFormulaError(e) };
        }
      },
    };
    return { ok: true, value: formula };
  } catch (e) {
    return { ok: false, error: toFormulaError(e) };
  }
};

const toFormulaError = (e: unknown) => {
  if (e instanceof FormulaFailure) return e.error;
  if (e instanceof RangeError) {
    return formulaError('parse', { id: 'rumus terlalu rumit', en: 'formula too complex' });
  }
  throw e;
};

/** Parses, compiles and evaluates in one step (prefer compileFormula when evaluating many times). */
export const evaluateFormula = (source: string, scope: FormulaScope): FormulaResult<number> => {
  const c = compileFormula(source);
  return c.ok ? c.value.evaluate(scope) : c;
};
