import { describe, expect, it } from 'vitest';
import { findReferenceCycles } from './references.ts';

describe('findReferenceCycles', () => {
  it.each([
    ['no edges', [['a', []]], []],
    [
      'a chain',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', []],
      ],
      [],
    ],
    [
      'two nodes',
      [
        ['a', ['b']],
        ['b', ['a']],
      ],
      [['a', 'b']],
    ],
    ['self loop', [['a', ['a']]], [['a']]],
    [
      'cycle plus a tail',
      [
        ['t', ['a']],
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
      ],
      [['a', 'b', 'c']],
    ],
    ['edges to unknown nodes are ignored', [['a', ['zzz']]], []],
    [
      'two separate cycles',
      [
        ['a', ['b']],
        ['b', ['a']],
        ['c', ['d']],
        ['d', ['c']],
      ],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
  ] as const)('%s', (_name, edges, expected) => {
    const deps = new Map<string, string[]>(edges.map(([k, v]) => [k, [...v]]));
    expect(findReferenceCycles(deps).map((c) => [...c].sort())).toEqual(expected.map((c) => [...c].sort()));
  });

  it('handles a 100,000-long chain without overflowing the stack', () => {
    const deps = new Map<string, string[]>();
    for (let i = 0; i < 100_000; i++) deps.set(`n${i}`, [`n${i + 1}`]);
    deps.set('n100000', ['n0']);
    const cycles = findReferenceCycles(deps);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_001);
  });
});
