import { FormulaFailure, formulaError } from './formula-error.ts';

/** A formula value: numbers, booleans (from comparisons) and lists (for aggregates). */
export type Value = number | boolean | readonly Value[];

const typeFail = (id: string, en: string): never => {
  throw new FormulaFailure(formulaError('type', { id, en }));
};

/** Requires a finite number. */
export const asNumber = (v: Value, where: string): number => {
  if (typeof v !== 'number') return typeFail(`${where}: harus berupa angka`, `${where}: expected a number`);
  return v;
};

/** Flattens list arguments of aggregate functions into numbers. */
const flatten = (args: readonly Value[], fn: string): number[] => {
  const out: number[] = [];
  const walk = (v: Value): void => {
    if (Array.isArray(v)) for (const x of v as readonly Value[]) walk(x);
    else out.push(asNumber(v as Value, `${fn}()`));
  };
  for (const a of args) walk(a);
  return out;
};

const checked = (n: number, fn: string): number => {
  if (Number.isNaN(n))
    typeFail(`${fn}() menghasilkan nilai tak terdefinisi`, `${fn}() gave an undefined result`);
  if (!Number.isFinite(n)) {
    throw new FormulaFailure(
      formulaError('overflow', { id: `${fn}() melampaui batas angka`, en: `${fn}() overflowed` }),
    );
  }
  return n;
};

const divByZero = (fn: string): never => {
  throw new FormulaFailure(
    formulaError('div-by-zero', { id: `${fn}() atas daftar kosong`, en: `${fn}() of an empty list` }),
  );
};

interface FunctionDef {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (args: readonly Value[]) => Value;
}

const numeric1 = (name: string, f: (x: number) => number): FunctionDef => ({
  minArgs: 1,
  maxArgs: 1,
  apply: ([x]) => checked(f(asNumber(x as Value, `${name}()`)), name),
});

/**
 * The functions a formula may call. `if` is handled by the compiler because it is lazy.
 * Looked up in a Map, so names such as `constructor` or `__proto__` are simply unknown.
 */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map<string, FunctionDef>([
  [
    'min',
    {
      minArgs: 1,
      maxArgs: Number.POSITIVE_INFINITY,
      apply: (a) => {
        const xs = flatten(a, 'min');
        return xs.length === 0 ? divByZero('min') : Math.min(...xs);
      },
    },
  ],
  [
    'max',
    {
      minArgs: 1,
      maxArgs: Number.POSITIVE_INFINITY,
      apply: (a) => {
        const xs = flatten(a, 'max');
        return xs.length === 0 ? divByZero('max') : Math.max(...xs);
      },
    },
  ],
  [
    'sum',
    {
      minArgs: 0,
      maxArgs: Number.POSITIVE_INFINITY,
      apply: (a) =>
        checked(
          flatten(a, 'sum').reduce((s, x) => s + x, 0),
          'sum',
        ),
    },
  ],
  [
    'avg',
    {
      minArgs: 0,
      maxArgs: Number.POSITIVE_INFINITY,
      apply: (a) => {
        const xs = flatten(a, 'avg');
        return xs.length === 0 ? divByZero('avg') : checked(xs.reduce((s, x) => s + x, 0) / xs.length, 'avg');
      },
    },
  ],
  ['count', { minArgs: 0, maxArgs: Number.POSITIVE_INFINITY, apply: (a) => flatten(a, 'count').length }],
  [
    'round',
    {
      minArgs: 1,
      maxArgs: 2,
      apply: ([x, d]) => {
        const n = asNumber(x as Value, 'round()');
        const digits = d === undefined ? 0 : asNumber(d, 'round()');
        if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
          typeFail(
            'round(): jumlah desimal harus bilangan bulat 0–10',
            'round(): digits must be an integer 0–10',
          );
        }
        // Through the decimal exponent, not n × 10^d: 1.005 × 100 is 100.49999… in binary.
        const shifted = Math.round(Number(`${n}e${digits}`));
        const result = Number(`${shifted}e-${digits}`);
        return checked(
          Number.isFinite(result) ? result : Math.round(n * 10 ** digits) / 10 ** digits,
          'round',
        );
      },
    },
  ],
  [
    'clamp',
    {
      minArgs: 3,
      maxArgs: 3,
      apply: ([x, lo, hi]) => {
        const v = asNumber(x as Value, 'clamp()');
        return Math.min(Math.max(v, asNumber(lo as Value, 'clamp()')), asNumber(hi as Value, 'clamp()'));
      },
    },
  ],
  ['abs', numeric1('abs', Math.abs)],
  ['floor', numeric1('floor', Math.floor)],
  ['ceil', numeric1('ceil', Math.ceil)],
  ['sqrt', numeric1('sqrt', Math.sqrt)],
]);

/** Names reserved by the compiler. */
export const SPECIAL_FORMS: ReadonlySet<string> = new Set(['if']);
