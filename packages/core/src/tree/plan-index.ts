import type { IndicatorId, NodeId, UnitId } from '../schema/common.schema.ts';
import type { Indicator } from '../schema/indicator.schema.ts';
import type { Level, LevelRole } from '../schema/level.schema.ts';
import type { PerformanceNode } from '../schema/node.schema.ts';
import type { OrgUnit } from '../schema/organisation.schema.ts';
import type { Plan } from '../schema/plan.schema.ts';

/** An indicator together with the node that carries it. */
export interface IndicatorEntry {
  readonly indicator: Indicator;
  readonly node: PerformanceNode;
}

/**
 * Lookups over one plan, built once in a single pass and shared by validation and scoring.
 * Malformed trees are tolerated: duplicates, unknown parents and cycles are recorded, not thrown.
 */
export interface PlanIndex {
  readonly plan: Plan;
  readonly levels: ReadonlyMap<string, { readonly level: Level; readonly rank: number }>;
  readonly nodes: ReadonlyMap<NodeId, PerformanceNode>;
  /** Children by parent id, in file order. */
  readonly children: ReadonlyMap<NodeId, readonly PerformanceNode[]>;
  /** Nodes without a parent. */
  readonly roots: readonly PerformanceNode[];
  /**
   * Nodes reachable from a root in breadth-first order: parents before children, and the
   * children of a node contiguous. Positions in this array index the arrays below.
   */
  readonly ordered: readonly PerformanceNode[];
  /** Position of each ordered node's parent, or -1 for a root. */
  readonly parentPos: Int32Array;
  /** Position of each ordered node's first child and its number of children. */
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  /** Role of each ordered node's level (undefined for an unknown level). */
  readonly roleAt: readonly (LevelRole | undefined)[];
  /** Position in `ordered` by node id. */
  readonly positions: ReadonlyMap<NodeId, number>;
  /** Nodes on or below a parent cycle (not reachable from any root). */
  readonly inCycle: ReadonlySet<NodeId>;
  readonly indicators: ReadonlyMap<IndicatorId, IndicatorEntry>;
  readonly units: ReadonlyMap<UnitId, OrgUnit>;
  readonly duplicateNodes: readonly PerformanceNode[];
  readonly duplicateIndicators: readonly IndicatorEntry[];
  roleOf(node: PerformanceNode): LevelRole | undefined;
  rankOf(node: PerformanceNode): number | undefined;
  parentOf(node: PerformanceNode): PerformanceNode | undefined;
}

const indexNodes = (nodes: readonly PerformanceNode[]) => {
  const byId = new Map<NodeId, PerformanceNode>();
  const duplicates: PerformanceNode[] = [];
  for (const n of nodes) {
    if (byId.has(n.id)) duplicates.push(n);
    else byId.set(n.id, n);
  }
  const children = new Map<NodeId, PerformanceNode[]>();
  const roots: PerformanceNode[] = [];
  for (const n of byId.values()) {
    if (n.parent === null || !byId.has(n.parent)) {
      roots.push(n);
      continue;
    }
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  return { byId, duplicates, children, roots };
};

const orderFromRoots = (
  roots: readonly PerformanceNode[],
  children: ReadonlyMap<NodeId, readonly PerformanceNode[]>,
  total: number,
) => {
  const ordered: PerformanceNode[] = [...roots];
  const parentPos = new Int32Array(total).fill(-1);
  const firstChild = new Int32Array(total);
  const childCount = new Int32Array(total);
  const positions = new Map<NodeId, number>();
  for (let i = 0; i < ordered.length; i++) {
    const node = ordered[i] as PerformanceNode;
    positions.set(node.id, i);
    const kids = children.get(node.id);
    firstChild[i] = ordered.length;
    if (!kids) continue;
    childCount[i] = kids.length;
    for (const k of kids) {
      parentPos[ordered.length] = i;
      ordered.push(k);
    }
  }
  return { ordered, parentPos, firstChild, childCount, positions };
};

/**
 * Builds the index of a plan.
 *
 * @example
 * const ix = indexPlan(plan);
 * ix.roleOf(ix.nodes.get(nodeId)!); // 'sasaran'
 */
export const indexPlan = (plan: Plan): PlanIndex => {
  const levels = new Map(plan.levels.map((level, rank) => [level.key, { level, rank }] as const));
  const { byId, duplicates, children, roots } = indexNodes(plan.nodes);
  const { ordered, parentPos, firstChild, childCount, positions } = orderFromRoots(
    roots,
    children,
    byId.size,
  );
  const roleAt = ordered.map((n) => levels.get(n.level)?.level.role);
  const inCycle = new Set<NodeId>();
  if (ordered.length < byId.size) {
    const reached = new Set(ordered.map((n) => n.id));
    for (const id of byId.keys()) if (!reached.has(id)) inCycle.add(id);
  }

  const indicators = new Map<IndicatorId, IndicatorEntry>();
  const duplicateIndicators: IndicatorEntry[] = [];
  for (const node of byId.values()) {
    for (const indicator of node.indicators) {
      const entry = { indicator, node };
      if (indicators.has(indicator.id)) duplicateIndicators.push(entry);
      else indicators.set(indicator.id, entry);
    }
  }
  const units = new Map<UnitId, OrgUnit>();
  if (plan.format === 'selaras.renstra') for (const u of plan.agency.units) units.set(u.id, u);
  else for (const a of plan.agencies) for (const u of a.units) units.set(u.id, u);

  return {
    plan,
    levels,
    nodes: byId,
    children,
    roots,
    ordered,
    parentPos,
    firstChild,
    childCount,
    roleAt,
    positions,
    inCycle,
    indicators,
    units,
    duplicateNodes: duplicates,
    duplicateIndicators,
    roleOf: (node) => levels.get(node.level)?.level.role,
    rankOf: (node) => levels.get(node.level)?.rank,
    parentOf: (node) => (node.parent === null ? undefined : byId.get(node.parent)),
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
  const stack = [...(index.children.get(id) ?? [])].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as PerformanceNode;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
    const kids = index.children.get(n.id);
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
