import ELK from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

/** Where each card goes, by node key. */
export type Positions = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

export type Direction = 'DOWN' | 'RIGHT';

let elk: InstanceType<typeof ELK> | undefined;

/** ELK runs in a Web Worker, so laying out a thousand cards never freezes the page. */
const engine = () => {
  elk ??= new ELK({ workerFactory: () => new Worker(workerUrl) });
  return elk;
};

/**
 * Lays the tree out with ELK's `mrtree` (made for trees: fast on thousands of nodes), top-down or
 * left-to-right. Sizes are given, so nothing is measured in the page.
 */
export const layoutTree = async (
  nodes: readonly { readonly id: string; readonly width: number; readonly height: number }[],
  edges: readonly { readonly id: string; readonly source: string; readonly target: string }[],
  direction: Direction,
): Promise<Positions> => {
  const graph = await engine().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'mrtree',
      'elk.direction': direction,
      'elk.spacing.nodeNode': direction === 'DOWN' ? '28' : '18',
      'elk.mrtree.spacing.nodeNodeBetweenLayers': direction === 'DOWN' ? '56' : '72',
      'elk.spacing.componentComponent': '60',
      'elk.separateConnectedComponents': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out = new Map<string, { x: number; y: number }>();
  for (const c of graph.children ?? []) out.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
  return out;
};
