import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table.ts';

/** What a Map built by appending would answer. */
const expected = (ids: readonly string[]) => {
  const first = new Map<string, number>();
  const duplicates: number[] = [];
  ids.forEach((id, row) => {
    if (first.has(id)) duplicates.push(row);
    else first.set(id, row);
  });
  return { first, duplicates };
};

const tableOf = (ids: readonly string[], probes?: number) =>
  new IdTable({ count: ids.length, idAt: (row) => ids[row] as string }, probes);

const agrees = (table: IdTable, ids: readonly string[]) => {
  const { first, duplicates } = expected(ids);
  expect([...table.firstRows]).toEqual([...first.values()]);
  expect(table.duplicateRows).toEqual(duplicates);
  expect([...table.keys()]).toEqual([...first.keys()]);
  expect(table.size).toBe(first.size);
  for (const id of [...ids, 'not-there', '']) expect(table.get(id)).toBe(first.get(id));
};

describe('IdTable', () => {
  it('finds the first row of each id and lists the repeats', () => {
    const ids = ['a', 'b', 'a', 'c', 'b', 'a'];
    const table = tableOf(ids);
    expect([table.get('a'), table.get('b'), table.get('c'), table.get('d')]).toEqual([0, 1, 3, undefined]);
    expect(table.duplicateRows).toEqual([2, 4, 5]);
    agrees(table, ids);
  });

  it('answers like a Map for any list of ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (ids) => {
        agrees(tableOf(ids), ids);
      }),
    );
  });

  it('falls back to a Map, with the same answers, when probing runs long', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `n${i % 1500}`);
    agrees(tableOf(ids, 0), ids);
    agrees(tableOf([], 0), []);
  });
});
