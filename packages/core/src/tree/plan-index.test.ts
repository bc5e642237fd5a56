import { describe, expect, it } from 'vitest';
import { ind, node, regional, renstra } from '../../test/builders.ts';
import { getAncestors, getDescendants, indexPlan } from './plan-index.ts';

describe('indexPlan', () => {
  const plan = renstra();
  const ix = indexPlan(plan);

  it('orders parents before children and knows roles and ranks', () => {
    expect(ix.ordered.map((n) => n.id)).toEqual(['T', 'S', 'P', 'K', 'SK']);
    const k = ix.nodes.get('K' as never);
    expect(k && ix.roleOf(k)).toBe('kegiatan');
    expect(k && ix.rankOf(k)).toBe(3);
    expect(k && getAncestors(ix, k).map((n) => n.id)).toEqual(['P', 'S', 'T']);
    expect(getDescendants(ix, 'S' as never).map((n) => n.id)).toEqual(['P', 'K', 'SK']);
    expect(ix.units.size).toBe(2);
  });

  it('tolerates cycles, unknown parents and duplicates', () => {
    const messy = indexPlan(
      renstra({
        nodes: [
          node('A', 'sasaran', 'B'),
          node('B', 'sasaran', 'A'),
          node('C', 'sasaran', 'zzz'),
          node('C', 'sasaran', null),
        ],
      }),
    );
    expect([...messy.inCycle].sort()).toEqual(['A', 'B']);
    expect(messy.roots.map((n) => n.id)).toEqual(['C']);
    expect(messy.duplicateNodes).toHaveLength(1);
    const a = messy.nodes.get('A' as never);
    expect(a && getAncestors(messy, a).map((n) => n.id)).toEqual(['B']);
    expect(getDescendants(messy, 'A' as never).map((n) => n.id)).toEqual(['B']);
  });

  it('collects the units of every agency of a regional plan', () => {
    const rpd = regional({
      agencies: [{ code: 'x', name: 'X', units: [{ id: 'u1', name: 'U1', kind: 'bidang' }] }],
    });
    expect([...indexPlan(rpd).units.keys()]).toEqual(['u1']);
  });
});

describe('the maps of the index', () => {
  const messy = indexPlan(
    renstra({
      nodes: [
        node('T', 'tujuan', null),
        node('S', 'sasaran', 'T'),
        node('A', 'program', 'B'),
        node('B', 'program', 'A'),
        node('C', 'kegiatan', 'A'),
        node('S', 'sasaran', null),
        node('P', 'program', 'S', { indicators: [ind('x'), ind('i_T'), ind('y')] }),
      ],
    }),
  );

  it('answer by id like the maps they stand for, in file order', () => {
    expect([...messy.nodes.keys()]).toEqual(['T', 'S', 'A', 'B', 'C', 'P']);
    expect([...messy.nodes.values()].map((n) => n.id)).toEqual(['T', 'S', 'A', 'B', 'C', 'P']);
    expect(messy.nodes.size).toBe(6);
    expect(messy.nodes.get('S' as never)?.parent).toBe('T');
    expect(messy.nodes.has('zz' as never)).toBe(false);
    const seen: string[] = [];
    messy.nodes.forEach((n, id) => {
      seen.push(`${id}=${n.id}`);
    });
    expect(seen).toEqual(['T=T', 'S=S', 'A=A', 'B=B', 'C=C', 'P=P']);
    expect([...messy.nodes].map(([id]) => id)).toEqual(['T', 'S', 'A', 'B', 'C', 'P']);
    expect([...messy.nodes.entries()].map(([id, n]) => id === n.id)).toEqual(Array(6).fill(true));
  });

  it('keep positions for reachable nodes only and children for every parent', () => {
    expect([...messy.positions]).toEqual([
      ['T', 0],
      ['S', 1],
      ['P', 2],
    ]);
    expect(messy.positions.get('A' as never)).toBeUndefined();
    expect([...messy.children.keys()]).toEqual(['T', 'B', 'A', 'S']);
    expect(messy.children.get('A' as never)?.map((n) => n.id)).toEqual(['B', 'C']);
    expect(messy.children.get('A' as never)).toBe(messy.children.get('A' as never));
    expect(messy.children.get('C' as never)).toBeUndefined();
    expect(messy.children.size).toBe(4);
  });

  it('place the nodes on a cycle after the reachable ones, with their parents', () => {
    expect(messy.all.map((n) => n.id)).toEqual(['T', 'S', 'P', 'A', 'B', 'C']);
    expect([...messy.filePositions]).toEqual([0, 1, 3, 4, 5, 2]);
    expect([...messy.parentPos]).toEqual([-1, 0, 1, 4, 3, 3]);
    expect([...messy.rankAt]).toEqual([0, 1, 2, 2, 2, 3]);
  });

  it('list indicators by id, the first of a duplicated id winning', () => {
    expect([...messy.indicators.keys()]).toEqual(['i_T', 'i_S', 'i_A', 'i_B', 'i_C', 'x', 'y']);
    expect(messy.indicators.get('i_T' as never)?.node.id).toBe('T');
    expect([...messy.indicators.values()].map((e) => e.node.id)).toEqual(['T', 'S', 'A', 'B', 'C', 'P', 'P']);
    expect(messy.duplicateIndicators.map((e) => `${e.node.id}/${e.indicator.id}`)).toEqual(['P/i_T']);
    expect(messy.indicatorRows.indicators).toHaveLength(8);
  });
});
