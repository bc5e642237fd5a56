import type { NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator, TargetValue } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type {
  MissingDataPolicy,
  PredicateBand,
  PredicateScale,
  RollupRule,
  ScoringSettings,
} from '../schema/settings.schema.ts';
import type { PlanIndex } from '../tree/plan-index.ts';
import { type CapaianBounds, computeCapaian, computeCapaianValue } from './capaian.ts';
import type { Explanation, ExplanationRule } from './explanation.ts';
import { getPredicate } from './predicate.ts';
import { type RollupInput, rollup } from './rollup.ts';
import { enteredValue, type ResolvedValue } from './value-resolver.ts';

/** One indicator scored for a year; `explanation` is built when read. */
export interface IndicatorScore {
  readonly indicator: Indicator;
  readonly node: PerformanceNode;
  readonly year: number;
  readonly target?: TargetValue | undefined;
  readonly realisation: ResolvedValue;
  readonly capaian?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
  /** For cumulative indicators stated as increments: totals and capaian from the period start. */
  readonly toDate?:
    | { readonly target?: number; readonly realisation?: number; readonly capaian?: number }
    | undefined;
}

/** A node scored for a year: its own indicators (`own`) and the roll-up with its children (`value`). */
export interface NodeScore {
  readonly node: PerformanceNode;
  readonly own?: number | undefined;
  readonly value?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
}

/** A unit (bidang, seksi, UPTD) scored over the indicators it and its sub-units are responsible for. */
export interface UnitScore {
  readonly unit: UnitId;
  readonly name: string;
  readonly value?: number | undefined;
  readonly predicate?: PredicateBand | undefined;
  readonly explanation: Explanation;
}

/** What every result of one scoring run shares. */
export interface ScoringRun {
  readonly year: number;
  readonly bounds: CapaianBounds;
  readonly scale: PredicateScale;
  readonly settings: ScoringSettings;
}

/** An indicator's score; the realisation object and the explanation are made when read. */
export class IndicatorResult implements IndicatorScore {
  readonly capaian: number | undefined;
  readonly predicate: PredicateBand | undefined;
  constructor(
    private readonly run: ScoringRun,
    readonly indicator: Indicator,
    readonly node: PerformanceNode,
    readonly target: TargetValue | undefined,
    private readonly value: number | undefined,
    private readonly resolved: ResolvedValue | undefined,
    readonly toDate: IndicatorScore['toDate'],
  ) {
    this.capaian = computeCapaianValue(indicator.polarity, target, value, run.bounds);
    this.predicate = this.capaian === undefined ? undefined : getPredicate(this.capaian, run.scale);
  }
  get year(): number {
    return this.run.year;
  }
  get realisation(): ResolvedValue {
    return this.resolved ?? enteredValue(this.value as number);
  }
  get explanation(): Explanation {
    return computeCapaian(this.indicator.polarity, this.target, this.value, this.run.bounds).explanation;
  }
}

/** A roll-up input from an indicator score. */
export const asInput = (s: IndicatorScore): RollupInput => ({
  ref: s.indicator.id,
  label: s.indicator.name,
  value: s.capaian,
  weight: s.indicator.weight,
  own: true,
});

/** Weighted mean (or minimum) under a missing-data policy: the same numbers as `rollup`, without building inputs. */
export class Combiner {
  private sum = 0;
  private weights = 0;
  private min: number | undefined = undefined;
  private missing = false;
  constructor(private readonly policy: MissingDataPolicy) {}
  reset(): this {
    this.sum = 0;
    this.weights = 0;
    this.min = undefined;
    this.missing = false;
    return this;
  }
  add(v: number | undefined, w: number): void {
    if (v === undefined) {
      this.missing = true;
      if (this.policy !== 'zero') return;
    }
    const x = v ?? 0;
    this.sum += x * w;
    this.weights += w;
    if (this.min === undefined || x < this.min) this.min = x;
  }
  addScores(scores: readonly IndicatorScore[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const s = scores[i] as IndicatorScore;
      this.add(s.capaian, s.indicator.weight);
    }
  }
  result(rule: RollupRule): number | undefined {
    if (this.policy === 'fail' && this.missing) return undefined;
    if (rule === 'minimum') return this.min;
    return this.weights > 0 ? this.sum / this.weights : undefined;
  }
}

/** Per-node values of one run, by position in the index; NaN where a node has no value. */
export interface NodeValues {
  readonly index: PlanIndex;
  readonly values: Float64Array;
  /** The plan's indicator scores, in position order; a node's own are `[ownStart, ownEnd)`. */
  readonly scores: readonly IndicatorScore[];
  readonly ownStart: Int32Array;
  readonly ownEnd: Int32Array;
}

const hasValue = (scores: readonly IndicatorScore[], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if ((scores[i] as IndicatorScore).capaian !== undefined) return true;
  return false;
};

const valueAt = (v: NodeValues, pos: number): number | undefined => {
  const x = v.values[pos] as number;
  return Number.isNaN(x) ? undefined : x;
};

/** A node's score; its explanation lists its own indicators and its children when read. */
export class NodeResult implements NodeScore {
  readonly own: number | undefined;
  readonly value: number | undefined;
  readonly predicate: PredicateBand | undefined;
  constructor(
    private readonly run: ScoringRun,
    private readonly v: NodeValues,
    private readonly pos: number,
    c: Combiner,
  ) {
    const { rollup: rule } = run.settings;
    const from = v.ownStart[pos] as number;
    const to = v.ownEnd[pos] as number;
    c.reset().addScores(v.scores, from, to);
    this.own = to > from ? c.result('weighted-mean') : undefined;
    const first = v.index.firstChild[pos] as number;
    const end = first + (v.index.childCount[pos] as number);
    if (rule === 'own-first' && hasValue(v.scores, from, to)) this.value = this.own;
    else {
      c.reset();
      if (rule !== 'own-first') c.addScores(v.scores, from, to);
      for (let k = first; k < end; k++) c.add(valueAt(v, k), (v.index.ordered[k] as PerformanceNode).weight);
      this.value = c.result(rule);
    }
    this.predicate = this.value === undefined ? undefined : getPredicate(this.value, run.scale);
  }
  get node(): PerformanceNode {
    return this.v.index.ordered[this.pos] as PerformanceNode;
  }
  get explanation(): Explanation {
    const { index, scores } = this.v;
    const first = index.firstChild[this.pos] as number;
    const inputs: RollupInput[] = scores
      .slice(this.v.ownStart[this.pos], this.v.ownEnd[this.pos])
      .map(asInput);
    for (let k = first; k < first + (index.childCount[this.pos] as number); k++) {
      const kid = index.ordered[k] as PerformanceNode;
      inputs.push({
        ref: kid.id,
        label: kid.statement,
        value: valueAt(this.v, k),
        weight: kid.weight,
        own: false,
      });
    }
    return rollup(inputs, this.run.settings.rollup, this.run.settings.missing).explanation;
  }
}

/** Node scores by id, backed by the index's positions (no second map to build). */
export class NodeScoreMap implements ReadonlyMap<NodeId, NodeScore> {
  constructor(
    private readonly index: PlanIndex,
    private readonly results: readonly NodeScore[],
  ) {}
  get size(): number {
    return this.results.length;
  }
  get(id: NodeId): NodeScore | undefined {
    const pos = this.index.positions.get(id);
    return pos === undefined ? undefined : this.results[pos];
  }
  has(id: NodeId): boolean {
    return this.index.positions.has(id);
  }
  *entries(): MapIterator<[NodeId, NodeScore]> {
    for (const r of this.results) yield [r.node.id, r];
  }
  *keys(): MapIterator<NodeId> {
    for (const r of this.results) yield r.node.id;
  }
  *values(): MapIterator<NodeScore> {
    yield* this.results;
  }
  forEach(fn: (value: NodeScore, key: NodeId, map: ReadonlyMap<NodeId, NodeScore>) => void): void {
    for (const r of this.results) fn(r, r.node.id, this);
  }
  [Symbol.iterator](): MapIterator<[NodeId, NodeScore]> {
    return this.entries();
  }
}

/** A roll-up over a fixed list of inputs (a unit, the whole plan); explained when read. */
export class ListResult {
  readonly predicate: PredicateBand | undefined;
  constructor(
    readonly value: number | undefined,
    private readonly inputs: () => RollupInput[],
    private readonly policy: MissingDataPolicy,
    private readonly rule: ExplanationRule,
    scale: PredicateScale,
  ) {
    this.predicate = value === undefined ? undefined : getPredicate(value, scale);
  }
  get explanation(): Explanation {
    return rollup(this.inputs(), 'weighted-mean', this.policy, this.rule).explanation;
  }
}
