import type { MissingDataPolicy, RollupRule } from '../schema/settings.schema.ts';
import type { IndicatorColumns } from './score-columns.ts';
import type { IndicatorScore } from './score-results.ts';

/**
 * Weighted mean (or minimum) under a missing-data policy: the same numbers as `rollup`, without
 * building inputs. Values are added in the order `rollup` would read them, so sums round alike.
 * Its state is plain numbers and `addValue`/`has`/`value` take and give plain numbers, so a
 * roll-up over thousands of nodes allocates nothing (a `number | undefined` is a boxed number).
 */
export class Combiner {
  private sum = 0;
  private weights = 0;
  private min = Number.POSITIVE_INFINITY;
  /** How many values were added (the minimum exists once one was). */
  private added = 0;
  private missing = false;
  constructor(private readonly policy: MissingDataPolicy) {}
  reset(): this {
    this.sum = 0;
    this.weights = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.added = 0;
    this.missing = false;
    return this;
  }
  add(v: number | undefined, w: number): void {
    if (v === undefined) this.addMissing(w);
    else this.addValue(v, w);
  }
  addValue(x: number, w: number): void {
    this.sum += x * w;
    this.weights += w;
    if (this.added++ === 0 || x < this.min) this.min = x;
  }
  /** A missing input: skipped, or counted as 0 under the `zero` policy. */
  addMissing(w: number): void {
    this.missing = true;
    if (this.policy === 'zero') this.addValue(0, w);
  }
  addScores(scores: readonly IndicatorScore[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const s = scores[i] as IndicatorScore;
      this.add(s.capaian, s.indicator.weight);
    }
  }
  /** Adds the capaian of rows `from` to `to` (exclusive) of scored indicator columns. */
  addRows(cols: IndicatorColumns, from: number, to: number): void {
    for (let row = from; row < to; row++) {
      if (cols.hasCapaian[row] === 1) this.addValue(cols.capaian[row] as number, cols.weight[row] as number);
      else this.addMissing(cols.weight[row] as number);
    }
  }
  /** Whether the rule gives a value (see `result`). */
  has(rule: RollupRule): boolean {
    if (this.policy === 'fail' && this.missing) return false;
    return rule === 'minimum' ? this.added > 0 : this.weights > 0;
  }
  /** The rule's value; meaningful only when `has(rule)`. */
  value(rule: RollupRule): number {
    return rule === 'minimum' ? this.min : this.sum / this.weights;
  }
  result(rule: RollupRule): number | undefined {
    return this.has(rule) ? this.value(rule) : undefined;
  }
}
