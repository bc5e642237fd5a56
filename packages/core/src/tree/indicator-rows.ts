import type { IndicatorId } from '../schema/common.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import { DerivedMap } from './derived-map.ts';
import { IdTable } from './id-table.ts';

/** An indicator together with the node that carries it. */
export interface IndicatorEntry {
  readonly indicator: Indicator;
  readonly node: PerformanceNode;
}

/**
 * The indicators of a plan as rows: every indicator of each node (the first node of a duplicated
 * node id), in file order. Walks read these arrays instead of each node's own list; row numbers
 * instead of entry objects spare 20,000 objects that would otherwise live through a whole
 * validation. The table of ids is built when first asked (hashing every id is the dearest part;
 * scoring a plan without formulas or composite indices never needs it).
 */
export interface IndicatorRows {
  readonly indicators: readonly Indicator[];
  readonly nodes: readonly PerformanceNode[];
  /** The rows of the node in slot `s` (see `PlanIndex.filePositions`) are `start[s]` to `start[s + 1]`. */
  readonly start: Int32Array;
  /** The row of the first indicator with an id, if any. */
  rowOf(id: string): number | undefined;
  /** The rows of the first indicator of each id, in file order. */
  readonly firstRows: Int32Array;
  /** Indicators whose id an earlier one already has. */
  readonly duplicates: readonly IndicatorEntry[];
}

class Rows implements IndicatorRows {
  private table: IdTable | undefined;
  private dups: readonly IndicatorEntry[] | undefined;
  constructor(
    readonly indicators: readonly Indicator[],
    readonly nodes: readonly PerformanceNode[],
    readonly start: Int32Array,
  ) {}
  private ids(): IdTable {
    this.table ??= new IdTable({
      count: this.indicators.length,
      idAt: (row) => (this.indicators[row] as Indicator).id,
    });
    return this.table;
  }
  rowOf(id: string): number | undefined {
    return this.ids().get(id);
  }
  get firstRows(): Int32Array {
    return this.ids().firstRows;
  }
  get duplicates(): readonly IndicatorEntry[] {
    this.dups ??= this.ids().duplicateRows.map((row) => ({
      indicator: this.indicators[row] as Indicator,
      node: this.nodes[row] as PerformanceNode,
    }));
    return this.dups;
  }
}

/** Lists the indicators of `nodes` (the nodes by slot) as rows. */
export const indicatorRows = (nodes: readonly PerformanceNode[]): IndicatorRows => {
  const start = new Int32Array(nodes.length + 1);
  for (let s = 0; s < nodes.length; s++)
    start[s + 1] = (start[s] as number) + (nodes[s] as PerformanceNode).indicators.length;
  const count = start[nodes.length] as number;
  const indicators: Indicator[] = new Array(count);
  const carriers: PerformanceNode[] = new Array(count);
  for (let s = 0; s < nodes.length; s++) {
    const node = nodes[s] as PerformanceNode;
    let row = start[s] as number;
    for (const indicator of node.indicators) {
      indicators[row] = indicator;
      carriers[row++] = node;
    }
  }
  return new Rows(indicators, carriers, start);
};

const entryAt = (rows: IndicatorRows, row: number): IndicatorEntry => ({
  indicator: rows.indicators[row] as Indicator,
  node: rows.nodes[row] as PerformanceNode,
});

function* idsOf(rows: IndicatorRows): Generator<IndicatorId> {
  for (const row of rows.firstRows) yield (rows.indicators[row] as Indicator).id;
}

function* entriesOf(rows: IndicatorRows): Generator<IndicatorEntry> {
  for (const row of rows.firstRows) yield entryAt(rows, row);
}

/** Indicators by id as a map view over the rows (entries made when read). */
export const indicatorMap = (rows: IndicatorRows): ReadonlyMap<IndicatorId, IndicatorEntry> =>
  new DerivedMap(
    rows.firstRows.length,
    (id) => {
      const row = rows.rowOf(id);
      return row === undefined ? undefined : entryAt(rows, row);
    },
    () => idsOf(rows),
    () => entriesOf(rows),
  );
