import type { IndicatorId, NodeId, UnitId } from '../schema/common.schema.ts';
import type { Level, LevelRole } from '../schema/level.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { OrgUnit } from '../schema/organisation.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';
import { DerivedMap } from './derived-map.ts';
import { type IndicatorEntry, type IndicatorRows, indicatorMap, indicatorRows } from './indicator-rows.ts';
import { type ChildLists, childLists, positionNodes, type Slots, slotNodes } from './positions.ts';

export type { IndicatorEntry, IndicatorRows } from './indicator-rows.ts';

/**
 * Lookups over one plan, built once and shared by validation and scoring. Rules and scoring walk
 * positions (plain and typed arrays); the maps by id answer single questions and are views over
 * one hash table of node ids. Malformed trees are tolerated: duplicates, unknown parents and
 * cycles are recorded, not thrown.
 */
export interface PlanIndex {
  readonly plan: Plan;
  readonly levels: ReadonlyMap<string, { readonly level: Level; readonly rank: number }>;
  /** Nodes by id (the first node of a duplicated id), in file order. */
  readonly nodes: ReadonlyMap<NodeId, PerformanceNode>;
  /** Children by parent id, in file order (cycles included). */
  readonly children: ReadonlyMap<NodeId, readonly PerformanceNode[]>;
  /** Nodes without a parent (or with an unknown one), in file order. */
  readonly roots: readonly PerformanceNode[];
  /**
   * Nodes reachable from a root in breadth-first order: parents before children, and the
   * children of a node contiguous. Positions in this array index the arrays below.
   */
  readonly ordered: readonly PerformanceNode[];
  /**
   * Every node (the first of a duplicated id) by position: `ordered`, then the nodes on or
   * below a parent cycle in file order. Rules that look at every node walk this.
   */
  readonly all: readonly PerformanceNode[];
  /**
   * The positions of `nodes` in file order. Walking them reads the nodes in the order they were
   * parsed, usually their order in memory: far fewer cache misses than breadth-first order on a
   * large plan. Rules whose order does not matter walk this.
   */
  readonly filePositions: Int32Array;
  /** Position of each node's parent (cycles included), or -1 for a root. */
  readonly parentPos: Int32Array;
  /** Position of each ordered node's first child and its number of children. */
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  /** Role of each node's level by position (undefined for an unknown level). */
  readonly roleAt: readonly (LevelRole | undefined)[];
  /** Rank of each node's level by position (-1 for an unknown level). */
  readonly rankAt: Int32Array;
  /** Position in `ordered` by node id (nodes on a cycle have none). */
  readonly positions: ReadonlyMap<NodeId, number>;
  /** Nodes on or below a parent cycle (not reachable from any root). */
  readonly inCycle: ReadonlySet<NodeId>;
  /** Indicators by id (the first of a duplicated id); built when first read. */
  readonly indicators: ReadonlyMap<IndicatorId, IndicatorEntry>;
  /** The same as rows, for walks over every indicator; listed when first read, ids hashed when first asked. */
  readonly indicatorRows: IndicatorRows;
  readonly units: ReadonlyMap<UnitId, OrgUnit>;
  readonly duplicateNodes: readonly PerformanceNode[];
  readonly duplicateIndicators: readonly IndicatorEntry[];
  roleOf(node: PerformanceNode): LevelRole | undefined;
  rankOf(node: PerformanceNode): number | undefined;
  parentOf(node: PerformanceNode): PerformanceNode | undefined;
}

const indexUnits = (plan: Plan): Map<UnitId, OrgUnit> => {
  const units = new Map<UnitId, OrgUnit>();
  if (plan.format === 'selaras.renstra') for (const u of plan.agency.units) units.set(u.id, u);
  else for (const a of plan.agencies) for (const u of a.units) units.set(u.id, u);
  return units;
};

/** The ids of `nodes`, for map views that list keys. */
function* idsOf(nodes: readonly PerformanceNode[]): Generator<NodeId> {
  for (const n of nodes) yield n.id;
}

/** Parent slots in the order their first child appears in the file (the order of a map built by appending). */
function* parentsInFileOrder(s: Slots): Generator<NodeId> {
  const seen = new Uint8Array(s.unique.length);
  for (const p of s.parentSlot) {
    if (p < 0 || seen[p] === 1) continue;
    seen[p] = 1;
    yield (s.unique[p] as PerformanceNode).id;
  }
}

/** Children by parent id as a view over the children lists (each list made on first read, then kept). */
const childrenView = (s: Slots, lists: ChildLists): ReadonlyMap<NodeId, readonly PerformanceNode[]> => {
  const made: (readonly PerformanceNode[] | undefined)[] = new Array(s.unique.length);
  let parents = 0;
  for (let slot = 0; slot < s.unique.length; slot++)
    if (lists.start[slot] !== lists.start[slot + 1]) parents++;
  return new DerivedMap(
    parents,
    (id) => {
      const slot = s.slotOf(id);
      if (slot === undefined || lists.start[slot] === lists.start[slot + 1]) return undefined;
      made[slot] ??= Array.from(
        lists.kids.subarray(lists.start[slot], lists.start[slot + 1]),
        (k) => s.unique[k] as PerformanceNode,
      );
      return made[slot];
    },
    () => parentsInFileOrder(s),
  );
};

/**
 * Builds the index of a plan: one table of node ids (slots), parents resolved once, positions by
 * a breadth-first walk over children lists in typed arrays. The indicators are listed and their
 * ids hashed only when first asked for.
 *
 * @example
 * const ix = indexPlan(plan);
 * ix.roleOf(ix.nodes.get(nodeId)!); // 'sasaran'
 */
export const indexPlan = (plan: Plan): PlanIndex => {
  const levels = new Map(plan.levels.map((level, rank) => [level.key, { level, rank }] as const));
  const s = slotNodes(plan.nodes);
  const lists = childLists(s.parentSlot);
  const p = positionNodes(s, lists, levels);
  const { slotOf, unique } = s;
  const reached = p.ordered.length;
  let rows: IndicatorRows | undefined;
  let indicators: ReadonlyMap<IndicatorId, IndicatorEntry> | undefined;
  let children: ReadonlyMap<NodeId, readonly PerformanceNode[]> | undefined;
  const nodeAt = (id: NodeId) => {
    const slot = slotOf(id);
    return slot === undefined ? undefined : unique[slot];
  };
  return {
    plan,
    levels,
    nodes: new DerivedMap(
      unique.length,
      nodeAt,
      () => idsOf(unique),
      () => unique,
    ),
    get children() {
      children ??= childrenView(s, lists);
      return children;
    },
    roots: p.all.slice(0, p.rootCount),
    ordered: p.ordered,
    all: p.all,
    filePositions: p.posOf,
    parentPos: p.parentPos,
    firstChild: p.firstChild,
    childCount: p.childCount,
    roleAt: p.roleAt,
    rankAt: p.rankAt,
    positions: new DerivedMap(
      reached,
      (id) => {
        const slot = slotOf(id);
        const pos = slot === undefined ? -1 : (p.posOf[slot] as number);
        return pos >= 0 && pos < reached ? pos : undefined;
      },
      () => idsOf(p.ordered),
    ),
    inCycle: new Set(idsOf(p.all.slice(reached))),
    get indicatorRows() {
      rows ??= indicatorRows(unique);
      return rows;
    },
    get indicators() {
      indicators ??= indicatorMap(this.indicatorRows);
      return indicators;
    },
    get duplicateIndicators() {
      return this.indicatorRows.duplicates;
    },
    units: indexUnits(plan),
    duplicateNodes: s.duplicates,
    roleOf: (node) => levels.get(node.level)?.level.role,
    rankOf: (node) => levels.get(node.level)?.rank,
    parentOf: (node) => (node.parent === null ? undefined : nodeAt(node.parent)),
  };
};

/** The children of the node at `pos`, as a slice of `ordered`. */
export const childrenAt = (index: PlanIndex, pos: number): readonly PerformanceNode[] =>
  index.ordered.slice(
    index.firstChild[pos],
    (index.firstChild[pos] as number) + (index.childCount[pos] as number),
  );

/** Every node below `id` (not including it), depth first; safe on cycles. */
export const getDescendants = (index: PlanIndex, id: NodeId): PerformanceNode[] => {
  const out: PerformanceNode[] = [];
  const seen = new Set<NodeId>([id]);
  const children = index.children;
  const stack = [...(children.get(id) ?? [])].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as PerformanceNode;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
    const kids = children.get(n.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as PerformanceNode);
  }
  return out;
};

/** The ancestors of a node from its parent up to its root; stops on cycles. */
export const getAncestors = (index: PlanIndex, node: PerformanceNode): PerformanceNode[] => {
  const out: PerformanceNode[] = [];
  const seen = new Set<NodeId>([node.id]);
  let current = index.parentOf(node);
  while (current && !seen.has(current.id)) {
    out.push(current);
    seen.add(current.id);
    current = index.parentOf(current);
  }
  return out;
};
