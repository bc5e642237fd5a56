import type { Level, LevelRole } from '../schema/level.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import { IdTable } from './id-table.ts';

/** The nodes of a plan by slot: the first node of each id, in file order, with parents resolved. */
export interface Slots {
  /** The slot of the node with an id, if any. */
  slotOf(id: string): number | undefined;
  readonly unique: readonly PerformanceNode[];
  readonly duplicates: readonly PerformanceNode[];
  /** Slot of each node's parent, or -1 for none (or an unknown one). */
  readonly parentSlot: Int32Array;
}

/** Children lists by slot in one array: the children of slot `s` are `kids[start[s]..start[s+1])`, in file order. */
export interface ChildLists {
  readonly start: Int32Array;
  readonly kids: Int32Array;
}

/** Where each node sits in the breadth-first order (see `PlanIndex`). */
export interface Positions {
  readonly all: readonly PerformanceNode[];
  readonly ordered: readonly PerformanceNode[];
  readonly rootCount: number;
  /** The position of each slot (file order). */
  readonly posOf: Int32Array;
  readonly parentPos: Int32Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  readonly roleAt: readonly (LevelRole | undefined)[];
  readonly rankAt: Int32Array;
}

/** Gives every node id a slot (one table of ids, see `IdTable`) and resolves parents. */
export const slotNodes = (nodes: readonly PerformanceNode[]): Slots => {
  const table = new IdTable({ count: nodes.length, idAt: (row) => (nodes[row] as PerformanceNode).id });
  const unique = Array.from(table.firstRows, (row) => nodes[row] as PerformanceNode);
  const duplicates = table.duplicateRows.map((row) => nodes[row] as PerformanceNode);
  // Slots count the first nodes only: with duplicates, file rows and slots part ways.
  const slotOfRow = duplicates.length === 0 ? undefined : new Int32Array(nodes.length);
  if (slotOfRow)
    for (let slot = 0; slot < unique.length; slot++) slotOfRow[table.firstRows[slot] as number] = slot;
  const slotOf = (id: string) => {
    const row = table.get(id);
    return row === undefined || slotOfRow === undefined ? row : slotOfRow[row];
  };
  const parentSlot = new Int32Array(unique.length);
  for (let s = 0; s < unique.length; s++) {
    const parent = (unique[s] as PerformanceNode).parent;
    parentSlot[s] = parent === null ? -1 : (slotOf(parent) ?? -1);
  }
  return { slotOf, unique, duplicates, parentSlot };
};

/** Groups slots by parent with a counting sort, keeping file order within each parent. */
export const childLists = (parentSlot: Int32Array): ChildLists => {
  const n = parentSlot.length;
  const start = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) {
    const p = parentSlot[s] as number;
    if (p >= 0) start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let s = 0; s < n; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const kids = new Int32Array(start[n] as number);
  const next = start.slice(0, n);
  for (let s = 0; s < n; s++) {
    const p = parentSlot[s] as number;
    if (p < 0) continue;
    const at = next[p] as number;
    kids[at] = s;
    next[p] = at + 1;
  }
  return { start, kids };
};

/** The slot at each position: roots, then breadth first, then what no root reaches (file order). */
const walk = (slots: Slots, lists: ChildLists) => {
  const n = slots.unique.length;
  const slotAt = new Int32Array(n);
  const posOf = new Int32Array(n).fill(-1);
  const parentPos = new Int32Array(n).fill(-1);
  const firstChild = new Int32Array(n);
  const childCount = new Int32Array(n);
  let size = 0;
  const place = (s: number) => {
    posOf[s] = size;
    slotAt[size++] = s;
  };
  for (let s = 0; s < n; s++) if ((slots.parentSlot[s] as number) < 0) place(s);
  const rootCount = size;
  for (let pos = 0; pos < size; pos++) {
    const s = slotAt[pos] as number;
    const from = lists.start[s] as number;
    const to = lists.start[s + 1] as number;
    firstChild[pos] = size;
    childCount[pos] = to - from;
    for (let k = from; k < to; k++) {
      parentPos[size] = pos;
      place(lists.kids[k] as number);
    }
  }
  const reached = size;
  for (let s = 0; s < n; s++) if ((posOf[s] as number) < 0) place(s);
  for (let pos = reached; pos < n; pos++)
    parentPos[pos] = posOf[slots.parentSlot[slotAt[pos] as number] as number] as number;
  return { slotAt, posOf, parentPos, firstChild, childCount, rootCount, reached };
};

/**
 * Places every node (see `PlanIndex.all`) and notes each position's level role and rank. The
 * nodes are read in file order (slots), which is usually their order in memory.
 */
export const positionNodes = (
  slots: Slots,
  lists: ChildLists,
  levels: ReadonlyMap<string, { readonly level: Level; readonly rank: number }>,
): Positions => {
  const w = walk(slots, lists);
  const n = slots.unique.length;
  const all: PerformanceNode[] = new Array(n);
  const roleAt: (LevelRole | undefined)[] = new Array(n);
  const rankAt = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const node = slots.unique[s] as PerformanceNode;
    const pos = w.posOf[s] as number;
    const level = levels.get(node.level);
    all[pos] = node;
    roleAt[pos] = level?.level.role;
    rankAt[pos] = level === undefined ? -1 : level.rank;
  }
  return {
    all,
    ordered: w.reached === n ? all : all.slice(0, w.reached),
    rootCount: w.rootCount,
    posOf: w.posOf,
    parentPos: w.parentPos,
    firstChild: w.firstChild,
    childCount: w.childCount,
    roleAt,
    rankAt,
  };
};
