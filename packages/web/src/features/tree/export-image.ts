import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/**
 * Saves the whole tree (not just what is on screen) as PNG or SVG: the viewport is rendered at a
 * transform that fits every card, as React Flow's own export example does.
 */
export const exportTree = async (nodes: Node[], format: 'png' | 'svg', fileName: string): Promise<void> => {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) return;
  const bounds = getNodesBounds(nodes);
  const padding = 40;
  const width = Math.min(Math.ceil(bounds.width + 2 * padding), 16_000);
  const height = Math.min(Math.ceil(bounds.height + 2 * padding), 16_000);
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.05, 2, `${padding}px`);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${x}px, ${y}px) scale(${zoom})`,
    },
  };
  const url =
    format === 'png' ? await toPng(viewport, { ...options, pixelRatio: 1 }) : await toSvg(viewport, options);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileName}.${format}`;
  a.click();
};
