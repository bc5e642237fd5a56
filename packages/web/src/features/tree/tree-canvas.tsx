import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  ReactFlow,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Direction, layoutTree } from './elk-layout.ts';
import { type CardData, NodeCard } from './node-card.tsx';
import { CARD_WIDTH, cardHeight, type VisibleGraph } from './tree-graph.ts';

const nodeTypes = { card: NodeCard };

export interface CanvasProps {
  readonly graph: VisibleGraph;
  readonly year: number;
  readonly direction: Direction;
  readonly selected: string | undefined;
  readonly focus: string | undefined;
  readonly canEdit: boolean;
  readonly onSelect: (key: string | undefined) => void;
  readonly onToggle: (key: string) => void;
  /** A card dropped onto another: ask to move it under that one. */
  readonly onDropOn: (key: string, newParent: string) => void;
  readonly onNodes: (nodes: Node[]) => void;
  /** After each layout is painted: the total time, the cards, and the part ELK took. */
  readonly onLayout?: (ms: number, count: number, elkMs: number) => void;
}

/** The diagram: cards laid out by ELK, pan and zoom, minimap, drag a card onto another to move it. */
export const TreeCanvas = (p: CanvasProps) => {
  const flow = useReactFlow();
  const { t } = useTranslation('tree');
  const [nodes, setNodes, onNodesChange] = useNodesState<Node<CardData>>([]);
  const [laidOut, setLaidOut] = useState<Node<CardData>[]>([]);
  const first = useRef(true);
  /** A finished layout waiting to be painted, and when it started: measured until painted. */
  const measuring = useRef<{ started: number; elkMs: number; cards: Node<CardData>[] } | undefined>(
    undefined,
  );
  const { graph, direction } = p;
  // Layout depends only on which cards show and their sizes, not on selection or the year.
  const shape = useMemo(
    () => graph.cards.map((c) => `${c.node.key}:${cardHeight(c.node)}`).join('|') + direction,
    [graph, direction],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-layout only when the shape changes
  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    void layoutTree(
      graph.cards.map((c) => ({ id: c.node.key, width: CARD_WIDTH, height: cardHeight(c.node) })),
      graph.edges,
      direction,
    ).then((pos) => {
      if (cancelled) return;
      const laidAt = performance.now();
      const next = graph.cards.map<Node<CardData>>((c) => ({
        id: c.node.key,
        type: 'card',
        ariaLabel: `${c.level?.label.id ?? c.node.level}: ${c.node.statement}`,
        position: pos.get(c.node.key) ?? { x: 0, y: 0 },
        style: { width: CARD_WIDTH, height: cardHeight(c.node) },
        data: { info: c, year: p.year, direction, selected: false, onToggle: p.onToggle },
        draggable: p.canEdit,
      }));
      measuring.current = { started, elkMs: laidAt - started, cards: next };
      setLaidOut(next);
      if (first.current) {
        first.current = false;
        // Open on the upper levels at a readable size; the rest is a scroll or a zoom away.
        const top = graph.cards
          .filter((c) => ['tujuan', 'sasaran'].includes(c.level?.role ?? ''))
          .slice(0, 8);
        const fit = top.length > 0 ? top.map((c) => ({ id: c.node.key })) : undefined;
        requestAnimationFrame(
          () => void flow.fitView({ padding: 0.4, maxZoom: 0.9, minZoom: 0.3, ...(fit && { nodes: fit }) }),
        );
      }
    });
    return () => {
      cancelled = true;
    };
  }, [shape]);
  // Data that does not move cards (selection, year, matches, collapsed state) updates in place.
  useEffect(() => {
    const infos = new Map(graph.cards.map((c) => [c.node.key, c]));
    const next = laidOut.map((n) => {
      const info = infos.get(n.id) ?? n.data.info;
      return {
        ...n,
        data: { ...n.data, info, year: p.year, selected: n.id === p.selected, onToggle: p.onToggle },
        selected: n.id === p.selected,
      };
    });
    setNodes(next);
    p.onNodes(next);
  }, [laidOut, graph, p.year, p.selected, p.onToggle, setNodes, p.onNodes]);
  // After the new layout is committed, two frames later it has been painted: report the time.
  useEffect(() => {
    const m = measuring.current;
    if (!m || m.cards !== laidOut || nodes.length !== laidOut.length) return;
    measuring.current = undefined;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => p.onLayout?.(performance.now() - m.started, nodes.length, m.elkMs)),
    );
  }, [nodes, laidOut, p.onLayout]);
  useEffect(() => {
    if (!p.focus) return;
    const n = laidOut.find((x) => x.id === p.focus);
    if (n) void flow.setCenter(n.position.x + CARD_WIDTH / 2, n.position.y + 60, { zoom: 1, duration: 300 });
  }, [p.focus, laidOut, flow]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        ...e,
        type: 'smoothstep',
        style: { stroke: 'var(--mantine-color-gray-5)' },
      })),
    [graph.edges],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={(_e, n) => p.onSelect(n.id)}
      onPaneClick={() => p.onSelect(undefined)}
      onNodeDragStop={(_e, dragged) => {
        const over = flow.getIntersectingNodes(dragged).find((n) => n.id !== dragged.id);
        setNodes(laidOut.map((n) => ({ ...n, selected: n.id === p.selected })));
        if (over) p.onDropOn(dragged.id, over.id);
      }}
      minZoom={0.05}
      maxZoom={2}
      onlyRenderVisibleElements
      nodesConnectable={false}
      deleteKeyCode={null}
      ariaLabelConfig={{
        'node.a11yDescription.default': t('a11y.node'),
        'node.a11yDescription.keyboardDisabled': t('a11y.node'),
        'controls.ariaLabel': t('a11y.controls'),
        'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
        'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
        'controls.fitView.ariaLabel': t('a11y.fitView'),
        'minimap.ariaLabel': t('a11y.minimap'),
      }}
      elementsSelectable
      fitView={false}
    >
      <Background gap={24} color="var(--mantine-color-gray-2)" />
      <Controls showInteractive={false} />
      <MiniMap
        pannable
        zoomable
        nodeColor={(n) => `var(--selaras-${(n.data as CardData).info.level?.role ?? 'other'})`}
      />
    </ReactFlow>
  );
};
