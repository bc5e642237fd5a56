import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileFormula,
  evaluateFormula,
  type FormulaScope,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
} from './index.ts';

const scope: FormulaScope = new Map<string, number | undefined>([
  ['a', 10],
  ['b', 4],
  ['zero', 0],
  ['empty', undefined],
  ['mantap_km', 771.84],
  ['total_km', 938.85],
  ['dotted.name', 2],
  ['IKU 1.2', 5],
  ['nan', Number.NaN],
  ['inf', Number.POSITIVE_INFINITY],
]);

const value = (src: string) => {
  const r = evaluateFormula(src, scope);
  if (!r.ok) throw new Error(`${src}: ${r.error.kind} ${r.error.message.en}`);
  return r.value;
};
const errorKind = (src: string) => {
  const r = evaluateFormula(src, scope);
  return r.ok ? `ok:${r.value}` : r.error.kind;
};

describe('formula values', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['7 % 3', 1],
    ['--a', 10],
    ['+a', 10],
    ['.5 + 1.5e1', 15.5],
    ['a + b * 2', 18],
    ['round(100 * mantap_km / total_km, 2)', 82.21],
    ['min(a, b, [1, 2])', 1],
    ['max([a, [b, 30]])', 30],
    ['sum(a, b, 1)', 15],
    ['sum()', 0],
    ['avg([a, b])', 7],
    ['count([a, b, 3])', 3],
    ['abs(-3) + floor(2.7) + ceil(2.1) + sqrt(16)', 12],
    ['clamp(a, 0, 5)', 5],
    ['round(2.345, 2)', 2.35],
    ['round(2.5)', 3],
    ['round(1.005, 2)', 1.01],
    ['round(1e300, 2)', 1e300],
    ['if(a > b, 1, 2)', 1],
    ['if(zero == 0, 0, a / zero)', 0],
    ['if(a >= 10 and b <= 4, 1, 0)', 1],
    ['if(a < 5 or not (b != 4), 1, 0)', 1],
    ['if(!(a == 10) || false, 1, 0)', 0],
    ['if(true && a < b, 1, 0)', 0],
    ['if(true == true, 1, 0)', 1],
    ['dotted.name * 2', 4],
    ['{IKU 1.2} * 2', 10],
    ['{a} + a', 20],
  ])('%s = %d', (src, expected) => {
    expect(value(src)).toBeCloseTo(expected, 10);
  });

  it('reports the references it reads, once each, in order', () => {
    const c = compileFormula('a + b * a + {IKU 1.2}');
    expect(c.ok && c.value.refs).toEqual(['a', 'b', 'IKU 1.2']);
  });

  it('compiles once and evaluates against many scopes', () => {
    const c = compileFormula('0.3 * x + 0.7 * y');
    if (!c.ok) throw new Error('did not compile');
    const results = [1, 2, 3].map((i) =>
      c.value.evaluate(
        new Map([
          ['x', i * 10],
          ['y', i],
        ]),
      ),
    );
    expect(results.map((r) => r.ok && r.value)).toEqual([3.7, 7.4, 11.1].map((x) => expect.closeTo(x, 10)));
  });
});

describe('formula errors are values with a kind', () => {
  it.each([
    ['a / zero', 'div-by-zero'],
    ['a % zero', 'div-by-zero'],
    ['avg([])', 'div-by-zero'],
    ['min()', 'parse'],
    ['max([])', 'div-by-zero'],
    ['nope + 1', 'unknown-ref'],
    ['empty * 2', 'missing'],
    ['nan + 1', 'type'],
    ['inf + 1', 'type'],
    ['a > b', 'type'],
    ['true', 'type'],
    ['[1, 2]', 'type'],
    ['a + true', 'type'],
    ['if(a, 1, 2)', 'type'],
    ['not a', 'type'],
    ['a == true', 'type'],
    ['[1] == [1]', 'type'],
    ['min(a, true)', 'type'],
    ['round(a, 1.5)', 'type'],
    ['round(a, 11)', 'type'],
    ['sqrt(-1)', 'type'],
    ['(-8) ^ 0.5', 'type'],
    ['10 ^ 400', 'overflow'],
    ['0 ^ -1', 'div-by-zero'],
    ['1e308 * 10', 'overflow'],
    ['sum(1e308, 1e308)', 'overflow'],
    ['(a', 'parse'],
    ['a +', 'parse'],
    ['a b', 'parse'],
    ['1e999', 'parse'],
    ['a < b < 1', 'parse'],
    ['a $ b', 'parse'],
    ['{unclosed', 'parse'],
    ['{}', 'parse'],
    ['', 'parse'],
    ['   ', 'parse'],
    ['if(1, 2)', 'parse'],
    ['round()', 'parse'],
    ['clamp(1)', 'parse'],
    ['constructor(1)', 'parse'],
    ['__proto__(1)', 'parse'],
    ['toString()', 'parse'],
    ['and + 1', 'parse'],
    ['f(1,', 'parse'],
    ['[1, 2', 'parse'],
  ])('%s → %s', (src, kind) => {
    expect(errorKind(src)).toBe(kind);
  });

  it('gives the position of a parse error', () => {
    const r = compileFormula('a + (b * ');
    expect(!r.ok && r.error.position).toBe(9);
    expect(!r.ok && r.error.message.id).toContain('karakter 10');
  });

  it('treats __proto__ and constructor as plain, unknown references', () => {
    expect(errorKind('__proto__ + 1')).toBe('unknown-ref');
    expect(errorKind('constructor')).toBe('unknown-ref');
    expect(errorKind('{__proto__}.x')).toBe('parse');
    const withProto = new Map<string, number>([['__proto__', 3]]);
    expect(evaluateFormula('__proto__ * 2', withProto)).toEqual({ ok: true, value: 6 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses hostile sizes as parse errors, not crashes', () => {
    expect(errorKind(`${'('.repeat(10_000)}1${')'.repeat(10_000)}`)).toBe('parse');
    expect(errorKind(`${'('.repeat(MAX_FORMULA_DEPTH + 1)}1${')'.repeat(MAX_FORMULA_DEPTH + 1)}`)).toBe(
      'parse',
    );
    expect(errorKind(`${'-'.repeat(MAX_FORMULA_DEPTH + 1)}1`)).toBe('parse');
    expect(errorKind(`${'f('.repeat(MAX_FORMULA_DEPTH + 1)}1`)).toBe('parse');
    expect(errorKind('1+'.repeat(600_000))).toBe('parse');
    expect(errorKind(`${'a+'.repeat(MAX_FORMULA_LENGTH / 2 - 1)}a`)).toBe(
      `ok:${10 * (MAX_FORMULA_LENGTH / 2)}`,
    );
    expect(errorKind(`${'(1+'.repeat(MAX_FORMULA_DEPTH)}1${')'.repeat(MAX_FORMULA_DEPTH)}`)).toBe(
      `ok:${MAX_FORMULA_DEPTH + 1}`,
    );
  });
});

describe('formula properties', () => {
  const ident = fc
    .stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
    .filter((s) => !['and', 'or', 'not', 'true', 'false', 'if'].includes(s));

  it('never throws and always answers with a value or an error of a known kind', () => {
    const kinds = new Set(['parse', 'unknown-ref', 'missing', 'cycle', 'div-by-zero', 'type', 'overflow']);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (src) => {
        const r = evaluateFormula(src, scope);
        return r.ok ? typeof r.value === 'number' && Number.isFinite(r.value) : kinds.has(r.error.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives strings built from formula tokens', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      'zero',
      '(',
      ')',
      '[',
      ']',
      ',',
      '+',
      '-',
      '*',
      '/',
      '^',
      '%',
      '<',
      '==',
      'and',
      'not',
      'if(',
      'min(',
      'sum(',
      '1',
      '0',
      '1e308',
      '__proto__',
      'constructor',
      '{a}',
      'NaN',
      'Infinity',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const r = evaluateFormula(tokens.join(' '), scope);
        return r.ok
          ? Number.isFinite(r.value)
          : typeof r.error.message.id === 'string' && typeof r.error.message.en === 'string';
      }),
      { numRuns: 3000 },
    );
  });

  it('gives NaN or Infinity in the scope as type errors, finite numbers as themselves', () => {
    fc.assert(
      fc.property(ident, fc.double(), (name, x) => {
        const r = evaluateFormula(name, new Map([[name, x]]));
        return Number.isFinite(x) ? r.ok && Object.is(r.value, x) : !r.ok && r.error.kind === 'type';
      }),
    );
  });

  it('agrees with JavaScript arithmetic on sums and products of small integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const sum = evaluateFormula(xs.map((x) => `(${x})`).join(' + '), scope);
        const viaFn = evaluateFormula(`sum([${xs.join(', ')}])`, scope);
        const expected = xs.reduce((s, x) => s + x, 0);
        return sum.ok && viaFn.ok && sum.value === expected && viaFn.value === expected;
      }),
    );
  });
});
