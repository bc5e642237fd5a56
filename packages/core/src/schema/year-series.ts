/**
 * Values by year (targets, realisations, pagu), stored densely from the first year to the last
 * so that reading a year is an index computation. Plan files write them as `{ "2024": 82.21 }`;
 * `toJSON` writes them back the same way.
 *
 * @example
 * const t = YearSeries.fromRecord({ '2024': 82, '2025': 85 });
 * t.get(2025); // 85
 * t.years(); // [2024, 2025]
 */
/** How many years a series keeps in its own fields; longer series keep an array. */
const SLOTS = 6;

export class YearSeries<T> {
  /** The first year with a value (0 when empty). */
  readonly firstYear: number;
  /** Years from the first to the last, inclusive (0 when empty). */
  private readonly span: number;
  // The values of the first SLOTS years live in the object itself, next to `firstYear` and
  // `span`, so that reading a year touches one object: a profile of scoring 20,000 indicators
  // spent half its time following series → array → elements pointers. Longer series spill to
  // an array.
  private readonly v0: T | undefined;
  private readonly v1: T | undefined;
  private readonly v2: T | undefined;
  private readonly v3: T | undefined;
  private readonly v4: T | undefined;
  private readonly v5: T | undefined;
  /** How many years have a value. */
  readonly size: number;
  private readonly spill: readonly (T | undefined)[] | undefined;

  private constructor(firstYear: number, span: number, size: number, values: readonly (T | undefined)[]) {
    const inline = span <= SLOTS;
    this.firstYear = firstYear;
    this.span = span;
    this.v0 = inline ? values[0] : undefined;
    this.v1 = inline ? values[1] : undefined;
    this.v2 = inline ? values[2] : undefined;
    this.v3 = inline ? values[3] : undefined;
    this.v4 = inline ? values[4] : undefined;
    this.v5 = inline ? values[5] : undefined;
    this.size = size;
    this.spill = inline ? undefined : values;
  }

  private static readonly EMPTY = new YearSeries<never>(0, 0, 0, []);

  /** An empty series. */
  static empty<T>(): YearSeries<T> {
    return YearSeries.EMPTY;
  }

  /** Builds a series from `{ "2024": value }`; keys must be four-digit years (the schema checks). */
  static fromRecord<T>(record: Readonly<Record<string, T>>): YearSeries<T> {
    return YearSeries.fromEntries(Object.entries(record).map(([y, v]) => [Number(y), v] as const));
  }

  /** Builds a series from `[year, value]` pairs; later pairs win. */
  static fromEntries<T>(entries: Iterable<readonly [number, T]>): YearSeries<T> {
    const list = [...entries];
    if (list.length === 0) return YearSeries.empty();
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const [y] of list) {
      first = Math.min(first, y);
      last = Math.max(last, y);
    }
    const values: (T | undefined)[] = new Array(last - first + 1).fill(undefined);
    for (const [y, v] of list) values[y - first] = v;
    const size = values.filter((v) => v !== undefined).length;
    return new YearSeries(first, values.length, size, values);
  }

  /** The value at offset `i` from the first year (0 ≤ i < span). */
  private at(i: number): T | undefined {
    if (this.span > SLOTS) return (this.spill as readonly (T | undefined)[])[i];
    if (i < 3) return i === 0 ? this.v0 : i === 1 ? this.v1 : this.v2;
    return i === 3 ? this.v3 : i === 4 ? this.v4 : this.v5;
  }

  /** The value of a year, if any. */
  get(year: number): T | undefined {
    const i = year - this.firstYear;
    return i >= 0 && i < this.span ? this.at(i) : undefined;
  }

  has(year: number): boolean {
    return this.get(year) !== undefined;
  }

  /** The last year with a value (0 when empty). */
  get lastYear(): number {
    return this.size === 0 ? 0 : this.firstYear + this.span - 1;
  }

  /** Years with a value, ascending. */
  years(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.span; i++) if (this.at(i) !== undefined) out.push(this.firstYear + i);
    return out;
  }

  /** Calls `fn` for every year with a value, ascending. */
  forEach(fn: (value: T, year: number) => void): void {
    for (let i = 0; i < this.span; i++) {
      const v = this.at(i);
      if (v !== undefined) fn(v, this.firstYear + i);
    }
  }

  /** The sum of the values from `from` to `to` inclusive; undefined when a year is missing. */
  sumRange(from: number, to: number, toNumber: (v: T) => number | undefined): number | undefined {
    let total = 0;
    for (let y = from; y <= to; y++) {
      const v = this.get(y);
      const n = v === undefined ? undefined : toNumber(v);
      if (n === undefined) return undefined;
      total += n;
    }
    return total;
  }

  /** The years of `years` without a value, or undefined when none is missing (no allocation). */
  missingOf(years: readonly number[]): number[] | undefined {
    let missing: number[] | undefined;
    for (let i = 0; i < years.length; i++) {
      const y = years[i] as number;
      if (this.get(y) !== undefined) continue;
      missing ??= [];
      missing.push(y);
    }
    return missing;
  }

  /** `[year, value]` pairs, ascending by year. */
  entries(): [number, T][] {
    const out: [number, T][] = [];
    for (let i = 0; i < this.span; i++) {
      const v = this.at(i);
      if (v !== undefined) out.push([this.firstYear + i, v]);
    }
    return out;
  }

  /** A copy with one year set (or removed when `value` is undefined). */
  with(year: number, value: T | undefined): YearSeries<T> {
    const map = new Map(this.entries());
    if (value === undefined) map.delete(year);
    else map.set(year, value);
    return YearSeries.fromEntries(map);
  }

  /** The plan-file form: `{ "2024": value }`. */
  toRecord(): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [y, v] of this.entries()) out[String(y)] = v;
    return out;
  }

  toJSON(): Record<string, T> {
    return this.toRecord();
  }
}
