import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from './date.ts';
import { formatNumber, formatPercent, formatRupiah, parseLocaleNumber } from './number.ts';

describe('Indonesian and English formats', () => {
  it.each([
    [1234.56, 'id', { decimals: 2 }, '1.234,56'],
    [1234.56, 'en', { decimals: 2 }, '1,234.56'],
    [82.21, 'id', {}, '82,21'],
    [1000000, 'id', {}, '1.000.000'],
    [0.12345, 'id', { maxDecimals: 4 }, '0,1235'],
    [Number.NaN, 'id', {}, '–'],
    [-0.004, 'id', {}, '0'],
  ] as const)('formatNumber(%d, %s)', (value, lang, opts, expected) => {
    expect(formatNumber(value, lang, opts)).toBe(expected);
  });

  it('formats Rupiah, percentages and dates', () => {
    expect(formatRupiah(2084000000000)).toBe('Rp2.084.000.000.000');
    expect(formatRupiah(-1500, 'en')).toBe('−Rp1,500');
    expect(formatPercent(82.21)).toBe('82,21%');
    expect(formatDate('2023-05-17')).toBe('17 Mei 2023');
    expect(formatDate('2023-05-12', 'en')).toBe('12 May 2023');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('2023-13-01')).toBe('2023-13-01');
  });

  it.each([
    ['1.234,56', 'id', 1234.56],
    ['82,21', 'id', 82.21],
    ['82,21 %', 'id', 82.21],
    ['-5', 'id', -5],
    ['1.000.000', 'id', 1000000],
    ['1,234.56', 'en', 1234.56],
    ['82.21', 'en', 82.21],
  ] as const)('parses %s (%s)', (text, lang, value) => {
    expect(parseLocaleNumber(text, lang)).toEqual({ ok: true, value });
  });

  it.each([
    ['82.21', 'id'],
    ['1,2,3', 'id'],
    ['abc', 'id'],
    ['', 'id'],
    ['1.2.3', 'en'],
    ['Rp 5', 'en'],
  ] as const)('refuses %s (%s) with a reason', (text, lang) => {
    const r = parseLocaleNumber(text, lang);
    expect(r.ok).toBe(false);
  });

  it('reads back what it formats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('id' as const, 'en' as const),
        (whole, cents, lang) => {
          const value = whole + (Math.sign(whole || 1) * cents) / 100;
          const r = parseLocaleNumber(formatNumber(value, lang, { decimals: 2 }), lang);
          return r.ok && Math.abs(r.value - value) < 1e-6;
        },
      ),
    );
  });
});
