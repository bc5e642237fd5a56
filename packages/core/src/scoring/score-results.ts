import type { NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator, TargetValue } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type {
  MissingDataPolicy,
  PredicateBand,
  PredicateScale,
  ScoringSettings,
} from '../schema/settings.schema.ts';
import { type CapaianBounds, computeCapaian } from './capaian.ts';
import type { Explanation, ExplanationRule } from './explanation.ts';
import { getPredicate } from './predicate.ts';
import { type RollupInput, rollup } from './rollup.ts';
import {
  capaianAt,
  childValueAt,
  HAS_OWN,
  HAS_VALUE,
  type IndicatorColumns,
  indicatorAt,
  type NodeValues,
  realisationValueAt,
} from './score-columns.ts';
import { enteredValue, missingValue, type ResolvedValue } from './value-resolver.ts';

export { Combiner } from './combiner.ts';
export type { NodeValues } from './score-columns.ts';

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

/**
 * An indicator's score, made from its row of the scored columns when the plan's indicator
 * scores are first listed; the realisation object and the explanation are made when read.
 */
export class IndicatorResult implements IndicatorScore {
  readonly indicator: Indicator;
  readonly target: TargetValue | undefined;
  readonly capaian: number | undefined;
  readonly predicate: PredicateBand | undefined;
  constructor(
    private readonly run: ScoringRun,
    private readonly cols: IndicatorColumns,
    private readonly row: number,
    readonly node: PerformanceNode,
    readonly toDate: IndicatorScore['toDate'],
  ) {
    this.indicator = indicatorAt(cols, row);
    this.target = this.indicator.targets.get(run.year);
    this.capaian = capaianAt(cols, row);
    this.predicate = this.capaian === undefined ? undefined : getPredicate(this.capaian, run.scale);
  }
  get year(): number {
    return this.run.year;
  }
  get realisation(): ResolvedValue {
    const entered = this.indicator.realisations.get(this.run.year);
    if (entered !== undefined) return enteredValue(entered);
    return this.cols.derived.get(this.row) ?? missingValue;
  }
  get explanation(): Explanation {
    const value = realisationValueAt(this.cols, this.row, this.run.year);
    return computeCapaian(this.indicator.polarity, this.target, value, this.run.bounds).explanation;
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

/** The same from a row of scored indicator columns. */
export const rowInput = (cols: IndicatorColumns, row: number): RollupInput => {
  const ind = indicatorAt(cols, row);
  return { ref: ind.id, label: ind.name, value: capaianAt(cols, row), weight: ind.weight, own: true };
};

/** A node's score, read from the run's node columns; its explanation lists its inputs when read. */
export class NodeResult implements NodeScore {
  constructor(
    private readonly run: ScoringRun,
    private readonly v: NodeValues,
    private readonly pos: number,
  ) {}
  get node(): PerformanceNode {
    return this.v.index.ordered[this.pos] as PerformanceNode;
  }
  get own(): number | undefined {
    return ((this.v.defined[this.pos] as number) & HAS_OWN) === 0 ? undefined : this.v.own[this.pos];
  }
  get value(): number | undefined {
    return ((this.v.defined[this.pos] as number) & HAS_VALUE) === 0 ? undefined : this.v.value[this.pos];
  }
  get predicate(): PredicateBand | undefined {
    const value = this.value;
    return value === undefined ? undefined : getPredicate(value, this.run.scale);
  }
  get explanation(): Explanation {
    const { index, cols } = this.v;
    const inputs: RollupInput[] = [];
    for (let row = cols.ownStart[this.pos] as number; row < (cols.ownStart[this.pos + 1] as number); row++)
      inputs.push(rowInput(cols, row));
    const first = index.firstChild[this.pos] as number;
    for (let k = first; k < first + (index.childCount[this.pos] as number); k++) {
      const kid = index.ordered[k] as PerformanceNode;
      inputs.push({
        ref: kid.id,
        label: kid.statement,
        value: childValueAt(this.v, k),
        weight: kid.weight,
        own: false,
      });
    }
    return rollup(inputs, this.run.settings.rollup, this.run.settings.missing).explanation;
  }
}

/** Node scores by id, backed by the index's positions; each result object is made on first read. */
export class NodeScoreMap implements ReadonlyMap<NodeId, NodeScore> {
  private made: (NodeResult | undefined)[] | undefined;
  constructor(
    private readonly run: ScoringRun,
    private readonly v: NodeValues,
  ) {}
  private at(pos: number): NodeScore {
    this.made ??= new Array(this.size);
    this.made[pos] ??= new NodeResult(this.run, this.v, pos);
    return this.made[pos];
  }
  get size(): number {
    return this.v.index.ordered.length;
  }
  get(id: NodeId): NodeScore | undefined {
    const pos = this.v.index.positions.get(id);
    return pos === undefined ? undefined : this.at(pos);
  }
  has(id: NodeId): boolean {
    return this.v.index.positions.has(id);
  }
  *entries(): MapIterator<[NodeId, NodeScore]> {
    for (let pos = 0; pos < this.size; pos++) yield [this.idAt(pos), this.at(pos)];
  }
  *keys(): MapIterator<NodeId> {
    for (let pos = 0; pos < this.size; pos++) yield this.idAt(pos);
  }
  *values(): MapIterator<NodeScore> {
    for (let pos = 0; pos < this.size; pos++) yield this.at(pos);
  }
  forEach(fn: (value: NodeScore, key: NodeId, map: ReadonlyMap<NodeId, NodeScore>) => void): void {
    for (let pos = 0; pos < this.size; pos++) fn(this.at(pos), this.idAt(pos), this);
  }
  [Symbol.iterator](): MapIterator<[NodeId, NodeScore]> {
    return this.entries();
  }
  private idAt(pos: number): NodeId {
    return (this.v.index.ordered[pos] as PerformanceNode).id;
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
