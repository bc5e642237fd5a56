import type { Level, LevelRole, PlanTree, TreeNode } from '../../api/types.ts';

/** A card's size in the diagram: fixed width, height from what it shows (no measuring needed). */
export const CARD_WIDTH = 280;
export const MAX_INDICATORS_SHOWN = 3;

export const cardHeight = (n: TreeNode): number => {
  const shown = Math.min(n.indicators.length, MAX_INDICATORS_SHOWN);
  return 78 + shown * 20 + (n.indicators.length > MAX_INDICATORS_SHOWN ? 16 : 0) + 26;
};

/** What a card needs besides its node. */
export interface CardInfo {
  readonly node: TreeNode;
  readonly level: Level | undefined;
  readonly childCount: number;
  readonly collapsed: boolean;
  /** Names of composite indices (e.g. IKLI) one of its indicators is a component of. */
  readonly composites: readonly string[];
  readonly unitName: string | undefined;
  /** It matches the search (when there is one). */
  readonly match: boolean;
  /** Shown only as context for a filter (an ancestor of what matches). */
  readonly context: boolean;
}

export interface VisibleGraph {
  readonly cards: readonly CardInfo[];
  readonly edges: readonly { readonly id: string; readonly source: string; readonly target: string }[];
  readonly matches: readonly string[];
}

export interface GraphOptions {
  readonly collapsed: ReadonlySet<string>;
  /** Only nodes owned by this unit (with their ancestors as context). */
  readonly unit?: string | undefined;
  readonly search?: string | undefined;
}

/** Indicator key → names of the composites it is a component of. */
export const compositeMembership = (tree: PlanTree): Map<string, string[]> => {
  const m = new Map<string, string[]>();
  for (const c of tree.composites) {
    const short = /\(([^)]+)\)/.exec(c.name)?.[1] ?? c.name;
    for (const v of c.versions)
      for (const comp of v.components) {
        const names = m.get(comp.indicator) ?? [];
        if (!names.includes(short)) names.push(short);
        m.set(comp.indicator, names);
      }
  }
  return m;
};

const matchesText = (n: TreeNode, q: string): boolean =>
  [n.statement, n.code ?? '', n.name ?? '', n.key, ...n.indicators.map((i) => i.name)].some((s) =>
    s.toLowerCase().includes(q),
  );

/**
 * The nodes and edges to draw: collapsed subtrees hidden, an optional unit filter (matching
 * nodes and, as context, their ancestors) and search matches marked. Pure, so it is tested alone.
 */
export const visibleGraph = (tree: PlanTree, o: GraphOptions): VisibleGraph => {
  const byKey = new Map(tree.nodes.map((n) => [n.key, n]));
  const children = new Map<string | null, TreeNode[]>();
  for (const n of tree.nodes) {
    const list = children.get(n.parentKey) ?? [];
    list.push(n);
    children.set(n.parentKey, list);
  }
  const levels = new Map(tree.levels.map((l) => [l.key, l]));
  const units = new Map((tree.agency?.units ?? []).map((u) => [u.id, u.name]));
  const membership = compositeMembership(tree);
  const q = o.search?.trim().toLowerCase() ?? '';
  let keep: Set<string> | undefined;
  const context = new Set<string>();
  if (o.unit) {
    keep = new Set();
    for (const n of tree.nodes) {
      if (n.owner?.unit !== o.unit && !n.indicators.some((i) => i.responsibleUnit === o.unit)) continue;
      keep.add(n.key);
      for (let p = n.parentKey; p !== null; p = byKey.get(p)?.parentKey ?? null) {
        if (!keep.has(p)) context.add(p);
      }
    }
    for (const c of context) keep.add(c);
  }
  const cards: CardInfo[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  const matches: string[] = [];
  const visit = (n: TreeNode) => {
    if (keep && !keep.has(n.key)) return;
    const kids = children.get(n.key) ?? [];
    const collapsed = o.collapsed.has(n.key);
    const match = q !== '' && matchesText(n, q);
    if (match) matches.push(n.key);
    cards.push({
      node: n,
      level: levels.get(n.level),
      childCount: kids.length,
      collapsed,
      composites: [...new Set(n.indicators.flatMap((i) => membership.get(i.key) ?? []))],
      unitName: n.owner?.unit ? (units.get(n.owner.unit) ?? n.owner.unit) : undefined,
      match,
      context: context.has(n.key) && !(n.owner?.unit === o.unit),
    });
    if (n.parentKey !== null && (!keep || keep.has(n.parentKey)))
      edges.push({ id: `${n.parentKey}->${n.key}`, source: n.parentKey, target: n.key });
    if (!collapsed) for (const k of kids) visit(k);
  };
  for (const root of children.get(null) ?? []) visit(root);
  return { cards, edges, matches };
};

/** The level a new child of `parent` takes: the next level of the plan (the first for a root). */
export const childLevel = (levels: readonly Level[], parentLevel: string | null): Level | undefined => {
  if (parentLevel === null) return levels[0];
  const i = levels.findIndex((l) => l.key === parentLevel);
  return i >= 0 ? levels[i + 1] : undefined;
};

const PREFIX: Record<LevelRole, string> = {
  tujuan: 'TJ',
  sasaran: 'SS',
  program: 'P',
  kegiatan: 'K',
  subKegiatan: 'SK',
  other: 'N',
};

/**
 * A key for a new node in the demo's style: `TJ3`, `TJ1.SS2`, `P-1.03.10`, `K-1.03.10.1.01`;
 * never one the plan already has.
 */
export const newNodeKey = (
  taken: ReadonlySet<string>,
  role: LevelRole,
  parentKey: string | null,
  code?: string,
): string => {
  const base =
    code && (role === 'program' || role === 'kegiatan' || role === 'subKegiatan')
      ? `${PREFIX[role]}-${code}`
      : undefined;
  if (base && !taken.has(base)) return base;
  const stem = role === 'sasaran' && parentKey ? `${parentKey}.${PREFIX[role]}` : (base ?? PREFIX[role]);
  for (let i = 1; ; i += 1) {
    const key = base ? `${stem}-${i + 1}` : `${stem}${i}`;
    if (!taken.has(key)) return key;
  }
};

/** A key for a new indicator from its name: `persentase_jalan_mantap`, unique in the plan. */
export const newIndicatorKey = (taken: ReadonlySet<string>, name: string): string => {
  const slug =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'indikator';
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i += 1) if (!taken.has(`${slug}_${i}`)) return `${slug}_${i}`;
};

/**
 * What starts collapsed: on a large tree, the parents of the last level (the sub kegiatan stay
 * hidden until opened), so the first view shows the cascade down to kegiatan.
 */
export const initialCollapsed = (tree: PlanTree, threshold = 40): Set<string> => {
  if (tree.nodes.length <= threshold || tree.levels.length < 3) return new Set();
  const parentLevel = tree.levels[tree.levels.length - 2]?.key;
  return new Set(
    tree.nodes
      .filter((n) => n.level === parentLevel && tree.nodes.some((c) => c.parentKey === n.key))
      .map((n) => n.key),
  );
};
