import type { UnitId } from '../schema/common.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { IndicatorRows, PlanIndex } from '../tree/plan-index.ts';
import { computeCapaianValue } from './capaian.ts';
import { Combiner } from './combiner.ts';
import type { ScoringRun } from './score-results.ts';
import type { ResolvedValue, ValueResolver } from './value-resolver.ts';

/**
 * The indicators of a plan scored for a year, as columns (struct of arrays): one row per
 * indicator of the ordered tree, parents' before children's, so a run allocates a handful of
 * arrays instead of one object per indicator. Result objects are made from rows when read.
 */
export interface IndicatorColumns {
  /** The plan's indicators (see `PlanIndex.indicatorRows`); `rowAt` maps column rows to them. */
  readonly rows: IndicatorRows;
  readonly rowAt: Int32Array;
  /** Position (in `index.ordered`) of each row's node. */
  readonly nodePos: Int32Array;
  /** The rows of the node at position `p` are `ownStart[p]` to `ownStart[p + 1]`. */
  readonly ownStart: Int32Array;
  /** Capaian of each row, where `hasCapaian` is 1. */
  readonly capaian: Float64Array;
  readonly hasCapaian: Uint8Array;
  readonly weight: Float64Array;
  /**
   * The unit answerable for each row (the indicator's responsible unit, else its node's owner),
   * as an index into `units`, or -1 for none.
   */
  readonly unitAt: Int32Array;
  readonly units: readonly UnitId[];
  /** Weight of the node at each position, in its parent's roll-up. */
  readonly nodeWeight: Float64Array;
  /** Realisations computed by formula or composite index, by row (the rest are entered or none). */
  readonly derived: ReadonlyMap<number, ResolvedValue>;
}

/** The indicator of a row. */
export const indicatorAt = (cols: IndicatorColumns, row: number): Indicator =>
  cols.rows.indicators[cols.rowAt[row] as number] as Indicator;

/** A row's capaian, or undefined where there is none. */
export const capaianAt = (cols: IndicatorColumns, row: number): number | undefined =>
  cols.hasCapaian[row] === 1 ? cols.capaian[row] : undefined;

/** A row's realisation value: entered for the year, else computed (formula, composite), else none. */
export const realisationValueAt = (cols: IndicatorColumns, row: number, year: number): number | undefined =>
  indicatorAt(cols, row).realisations.get(year) ?? cols.derived.get(row)?.value;

/** Where each position's rows start: rows follow positions, a node's indicators in order. */
const countRows = (index: PlanIndex): Int32Array => {
  const { ordered, filePositions } = index;
  const { start } = index.indicatorRows;
  const ownStart = new Int32Array(ordered.length + 1);
  for (let slot = 0; slot < filePositions.length; slot++) {
    const pos = filePositions[slot] as number;
    if (pos < ordered.length) ownStart[pos + 1] = (start[slot + 1] as number) - (start[slot] as number);
  }
  for (let pos = 0; pos < ordered.length; pos++)
    ownStart[pos + 1] = (ownStart[pos + 1] as number) + (ownStart[pos] as number);
  return ownStart;
};

/** The columns while they are filled. */
interface Columns extends IndicatorColumns {
  readonly units: UnitId[];
  readonly derived: Map<number, ResolvedValue>;
  /** Index of each unit in `units`. */
  readonly unitIndex: Map<UnitId, number>;
}

const emptyColumns = (index: PlanIndex): Columns => {
  const ownStart = countRows(index);
  const rows = ownStart[index.ordered.length] as number;
  return {
    rows: index.indicatorRows,
    rowAt: new Int32Array(rows),
    nodePos: new Int32Array(rows),
    ownStart,
    capaian: new Float64Array(rows),
    hasCapaian: new Uint8Array(rows),
    weight: new Float64Array(rows),
    unitAt: new Int32Array(rows).fill(-1),
    units: [],
    unitIndex: new Map(),
    nodeWeight: new Float64Array(index.ordered.length),
    derived: new Map(),
  };
};

const setCapaian = (run: ScoringRun, cols: Columns, row: number, value: number | undefined) => {
  const ind = indicatorAt(cols, row);
  const c = computeCapaianValue(ind.polarity, ind.targets.get(run.year), value, run.bounds);
  if (c === undefined) return;
  cols.capaian[row] = c;
  cols.hasCapaian[row] = 1;
};

const unitIndexOf = (cols: Columns, unit: UnitId): number => {
  let at = cols.unitIndex.get(unit);
  if (at === undefined) {
    at = cols.units.push(unit) - 1;
    cols.unitIndex.set(unit, at);
  }
  return at;
};

/**
 * Fills the column rows of the node at `pos` from its indicator rows `from` to `to` (see
 * `PlanIndex.indicatorRows`); returns whether one needs a realisation computed by formula or
 * composite index (those are resolved afterwards, in row order).
 */
const fillRows = (
  run: ScoringRun,
  cols: Columns,
  pos: number,
  rows: IndicatorRows,
  from: number,
  to: number,
) => {
  const owner = (rows.nodes[from] as PerformanceNode).owner?.unit;
  let derived = false;
  for (let r = from, row = cols.ownStart[pos] as number; r < to; r++, row++) {
    const ind = rows.indicators[r] as Indicator;
    cols.rowAt[row] = r;
    const unit = ind.responsibleUnit ?? owner;
    if (unit !== undefined) cols.unitAt[row] = unitIndexOf(cols, unit);
    cols.nodePos[row] = pos;
    cols.weight[row] = ind.weight;
    const value = ind.realisations.get(run.year);
    if (value === undefined && (ind.composite !== undefined || ind.formula !== undefined)) derived = true;
    else setCapaian(run, cols, row, value);
  }
  return derived;
};

const resolveDerived = (run: ScoringRun, cols: Columns, resolver: ValueResolver, pos: number) => {
  for (let row = cols.ownStart[pos] as number; row < (cols.ownStart[pos + 1] as number); row++) {
    const ind = indicatorAt(cols, row);
    if (ind.realisations.get(run.year) !== undefined) continue;
    if (ind.composite === undefined && ind.formula === undefined) continue;
    const resolved = resolver.realisationOf(ind);
    cols.derived.set(row, resolved);
    setCapaian(run, cols, row, resolved.value);
  }
};

/**
 * Scores every indicator of the ordered tree for the run's year: the realisation (entered, else
 * resolved by formula or composite), the target, and the bounded capaian. Indicators are read in
 * file order (see `PlanIndex.filePositions`); computed realisations are resolved in row order
 * afterwards, as the resolver's cycle protection depends on what it meets first.
 */
export const scoreIndicatorColumns = (
  run: ScoringRun,
  index: PlanIndex,
  resolver: ValueResolver,
): IndicatorColumns => {
  const { ordered, filePositions } = index;
  const rows = index.indicatorRows;
  const cols = emptyColumns(index);
  const pending: number[] = [];
  for (let slot = 0; slot < filePositions.length; slot++) {
    const pos = filePositions[slot] as number;
    if (pos >= ordered.length) continue;
    cols.nodeWeight[pos] = (ordered[pos] as PerformanceNode).weight;
    const from = rows.start[slot] as number;
    const to = rows.start[slot + 1] as number;
    if (from < to && fillRows(run, cols, pos, rows, from, to)) pending.push(pos);
  }
  pending.sort((a, b) => a - b);
  for (const pos of pending) resolveDerived(run, cols, resolver, pos);
  return cols;
};

/** Node scores of one run by position: own and rolled-up values, with which of them exist. */
export interface NodeValues {
  readonly index: PlanIndex;
  readonly cols: IndicatorColumns;
  readonly own: Float64Array;
  readonly value: Float64Array;
  /** Per position: `HAS_OWN` and `HAS_VALUE` bits (a value may be NaN, which is not "none"). */
  readonly defined: Uint8Array;
}

/** Bit of `NodeValues.defined`: the node has an own value (its indicators' mean). */
export const HAS_OWN = 1;
/** Bit of `NodeValues.defined`: the node has a rolled-up value. */
export const HAS_VALUE = 2;

/** The node's value as its parent reads it: none when absent or NaN. */
export const childValueAt = (v: NodeValues, pos: number): number | undefined => {
  const x = v.value[pos] as number;
  return ((v.defined[pos] as number) & HAS_VALUE) === 0 || Number.isNaN(x) ? undefined : x;
};

const anyCapaian = (cols: IndicatorColumns, from: number, to: number): boolean => {
  for (let row = from; row < to; row++) if (cols.hasCapaian[row] === 1) return true;
  return false;
};

/**
 * Adds the children of the node at `pos` to the combiner, each with its node's weight: the same
 * reading as `childValueAt`, kept to plain numbers (a `number | undefined` would be boxed).
 */
const addChildren = (c: Combiner, v: NodeValues, pos: number) => {
  const first = v.index.firstChild[pos] as number;
  const end = first + (v.index.childCount[pos] as number);
  for (let k = first; k < end; k++) {
    const x = v.value[k] as number;
    const w = v.cols.nodeWeight[k] as number;
    if (((v.defined[k] as number) & HAS_VALUE) === 0 || Number.isNaN(x)) c.addMissing(w);
    else c.addValue(x, w);
  }
};

/**
 * Rolls node scores up from the leaves: each node's own indicators (weighted mean), then its
 * value under the run's rule: own and children together (`weighted-mean`, `minimum`), or own
 * first and children only when no own indicator has a value (`own-first`).
 */
export const rollUpNodes = (run: ScoringRun, index: PlanIndex, cols: IndicatorColumns): NodeValues => {
  const n = index.ordered.length;
  const v = { index, cols, own: new Float64Array(n), value: new Float64Array(n), defined: new Uint8Array(n) };
  const { rollup: rule, missing } = run.settings;
  const c = new Combiner(missing);
  for (let pos = n - 1; pos >= 0; pos--) {
    const from = cols.ownStart[pos] as number;
    const to = cols.ownStart[pos + 1] as number;
    c.reset().addRows(cols, from, to);
    const hasOwn = to > from && c.has('weighted-mean');
    if (hasOwn) v.own[pos] = c.value('weighted-mean');
    let hasValue = hasOwn;
    if (rule === 'own-first' && anyCapaian(cols, from, to)) v.value[pos] = v.own[pos] as number;
    else {
      // The combiner holds the own indicators already; `own-first` rolls up the children alone.
      if (rule === 'own-first') c.reset();
      addChildren(c, v, pos);
      hasValue = c.has(rule);
      if (hasValue) v.value[pos] = c.value(rule);
    }
    v.defined[pos] = (hasOwn ? HAS_OWN : 0) | (hasValue ? HAS_VALUE : 0);
  }
  return v;
};
