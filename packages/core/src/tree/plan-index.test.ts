import { describe, expect, it } from 'vitest';
import { node, regional, renstra } from '../../test/builders.ts';
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
