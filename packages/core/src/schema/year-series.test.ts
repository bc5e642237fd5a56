import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YearSeries } from './year-series.ts';

describe('YearSeries', () => {
  const s = YearSeries.fromRecord({ '2026': 88, '2024': 82 });

  it('reads years as array positions and knows its bounds', () => {
    expect([s.get(2024), s.get(2025), s.get(2026), s.get(2023), s.get(2030)]).toEqual([
      82,
      undefined,
      88,
      undefined,
      undefined,
    ]);
    expect([s.firstYear, s.lastYear, s.size]).toEqual([2024, 2026, 2]);
    expect(s.has(2025)).toBe(false);
    expect(s.years()).toEqual([2024, 2026]);
    expect(s.entries()).toEqual([
      [2024, 82],
      [2026, 88],
    ]);
    expect(s.missingOf([2024, 2025, 2026])).toEqual([2025]);
    expect(s.missingOf([2024])).toBeUndefined();
  });

  it('writes back the plan-file form', () => {
    expect(JSON.stringify({ targets: s })).toBe('{"targets":{"2024":82,"2026":88}}');
    expect(s.toRecord()).toEqual({ '2024': 82, '2026': 88 });
  });

  it('is empty without values', () => {
    const e = YearSeries.fromRecord({});
    expect([e.size, e.lastYear, e.years().length, e.get(2024)]).toEqual([0, 0, 0, undefined]);
    expect(YearSeries.empty<number>()).toBe(e);
  });

  it('updates immutably', () => {
    const t = s.with(2025, 85).with(2024, undefined);
    expect(t.entries()).toEqual([
      [2025, 85],
      [2026, 88],
    ]);
    expect(s.get(2024)).toBe(82);
  });

  it('sums a range and visits every value', () => {
    const full = YearSeries.fromRecord({ '2024': 1, '2025': 2, '2026': 3 });
    expect(full.sumRange(2024, 2026, (v) => v)).toBe(6);
    expect(s.sumRange(2024, 2026, (v) => v)).toBeUndefined();
    const seen: number[] = [];
    s.forEach((v, y) => {
      seen.push(y, v);
    });
    expect(seen).toEqual([2024, 82, 2026, 88]);
  });

  it('keeps long series (beyond the values held in its own fields) alike', () => {
    const long = YearSeries.fromEntries(Array.from({ length: 9 }, (_, i) => [2020 + i, i * 10] as const));
    expect([long.firstYear, long.lastYear, long.size, long.get(2028), long.get(2029)]).toEqual([
      2020,
      2028,
      9,
      80,
      undefined,
    ]);
    expect(long.years()).toHaveLength(9);
    expect(long.sumRange(2020, 2028, (v) => v)).toBe(360);
    expect(long.with(2024, undefined).missingOf([2023, 2024, 2025])).toEqual([2024]);
    expect(YearSeries.fromRecord(long.toRecord()).entries()).toEqual(long.entries());
  });

  it('round-trips any record', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.integer({ min: 1990, max: 2100 }).map(String),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        (rec) => {
          const back = YearSeries.fromRecord(rec).toRecord();
          return (
            Object.keys(back).length === Object.keys(rec).length &&
            Object.entries(rec).every(([k, v]) => Object.is(back[k], v))
          );
        },
      ),
    );
  });
});
