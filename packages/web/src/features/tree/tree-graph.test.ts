import { describe, expect, it } from 'vitest';
import type { PlanTree, TreeNode } from '../../api/types.ts';
import { childLevel, initialCollapsed, newIndicatorKey, newNodeKey, visibleGraph } from './tree-graph.ts';

const node = (
  key: string,
  parentKey: string | null,
  level: string,
  extra: Partial<TreeNode> = {},
): TreeNode => ({
  id: `row-${key}`,
  key,
  parentId: parentKey && `row-${parentKey}`,
  parentKey,
  version: 1,
  level,
  statement: `Pernyataan ${key}`,
  alignsTo: [],
  priority: false,
  pagu: {},
  indicators: [],
  ...extra,
});

const tree: PlanTree = {
  planId: 'p',
  regionId: 'r',
  agencyId: 'a',
  key: 'plan',
  title: 'Renstra',
  format: 'selaras.renstra',
  levels: ['tujuan', 'sasaran', 'program'].map((k) => ({
    key: k,
    role: k as 'tujuan',
    label: { id: k, en: k },
  })),
  period: { kind: 'Renstra', startYear: 2024, endYear: 2026 },
  agency: { code: 'a', name: 'Dinas', units: [{ id: 'pr', name: 'Bidang Penataan Ruang', kind: 'bidang' }] },
  composites: [
    {
      id: 'ikli',
      name: 'Indeks Kualitas Layanan Infrastruktur (IKLI) PUPR',
      versions: [{ version: '1', components: [{ indicator: 'skor_pr', weight: 0.1 }] }],
    },
  ],
  nodes: [
    node('TJ1', null, 'tujuan'),
    node('TJ1.SS1', 'TJ1', 'sasaran'),
    node('P1', 'TJ1.SS1', 'program', {
      owner: { unit: 'pr' },
      indicators: [
        {
          id: 'i',
          key: 'skor_pr',
          version: 1,
          name: 'Skoring Penyelenggaraan Penataan Ruang',
          polarity: 'positive',
          cumulative: false,
          targets: {},
        },
      ],
    }),
    node('P2', 'TJ1.SS1', 'program'),
  ],
};

describe('the tree graph', () => {
  it('draws every node with an edge to its parent, and marks composite membership', () => {
    const g = visibleGraph(tree, { collapsed: new Set() });
    expect(g.cards.map((c) => c.node.key)).toEqual(['TJ1', 'TJ1.SS1', 'P1', 'P2']);
    expect(g.edges.map((e) => e.id)).toEqual(['TJ1->TJ1.SS1', 'TJ1.SS1->P1', 'TJ1.SS1->P2']);
    expect(g.cards.find((c) => c.node.key === 'P1')?.composites).toEqual(['IKLI']);
    expect(g.cards.find((c) => c.node.key === 'P1')?.unitName).toBe('Bidang Penataan Ruang');
  });

  it('hides a collapsed subtree and filters by unit with ancestors as context', () => {
    expect(visibleGraph(tree, { collapsed: new Set(['TJ1.SS1']) }).cards.map((c) => c.node.key)).toEqual([
      'TJ1',
      'TJ1.SS1',
    ]);
    const g = visibleGraph(tree, { collapsed: new Set(), unit: 'pr' });
    expect(g.cards.map((c) => [c.node.key, c.context])).toEqual([
      ['TJ1', true],
      ['TJ1.SS1', true],
      ['P1', false],
    ]);
  });

  it('finds by statement, code or indicator name, case-insensitively', () => {
    expect(visibleGraph(tree, { collapsed: new Set(), search: 'penataan RUANG' }).matches).toEqual(['P1']);
  });

  it('gives a new child the next level and a fresh key in the demo’s style', () => {
    expect(childLevel(tree.levels, null)?.key).toBe('tujuan');
    expect(childLevel(tree.levels, 'sasaran')?.key).toBe('program');
    expect(childLevel(tree.levels, 'program')).toBeUndefined();
    const taken = new Set(tree.nodes.map((n) => n.key));
    expect(newNodeKey(taken, 'tujuan', null)).toBe('TJ2');
    expect(newNodeKey(taken, 'sasaran', 'TJ1')).toBe('TJ1.SS2');
    expect(newNodeKey(taken, 'program', 'TJ1.SS1', '1.03.10')).toBe('P-1.03.10');
    expect(newNodeKey(new Set(['P-1.03.10']), 'program', 'x', '1.03.10')).toBe('P-1.03.10-2');
    expect(newIndicatorKey(new Set(['persentase_jalan']), 'Persentase Jalan')).toBe('persentase_jalan_2');
  });

  it('starts a large tree with the last level folded', () => {
    expect(initialCollapsed(tree).size).toBe(0);
    expect([...initialCollapsed(tree, 2)]).toEqual(['TJ1.SS1']);
  });
});
