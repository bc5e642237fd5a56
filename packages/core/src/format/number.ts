import type { Lang } from '../schema/common.schema.ts';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

const formatter = (lang: Lang, min: number, max: number): Intl.NumberFormat => {
  const key = `${lang}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
};

/**
 * Formats a number the way readers of each language expect: `1.234,56` in Indonesian,
 * `1,234.56` in English. `decimals` fixes the number of decimals; otherwise up to `maxDecimals`.
 *
 * @example
 * formatNumber(1234.5, 'id', { decimals: 2 }); // '1.234,50'
 */
export const formatNumber = (
  value: number,
  lang: Lang = 'id',
  opts: { decimals?: number; maxDecimals?: number } = {},
): string => {
  if (!Number.isFinite(value)) return '–';
  const min = opts.decimals ?? 0;
  const max = opts.decimals ?? opts.maxDecimals ?? 2;
  // -0.004 shown with 2 decimals is "0", not "-0".
  const shown = Math.abs(value) < 0.5 * 10 ** -max ? 0 : value;
  return formatter(lang, min, max).format(shown);
};

/**
 * Formats Rupiah without decimals: `Rp1.234.567` in both languages (grouping follows the language).
 *
 * @example
 * formatRupiah(2084000000000); // 'Rp2.084.000.000.000'
 */
export const formatRupiah = (value: number, lang: Lang = 'id'): string =>
  `${value < 0 ? '−' : ''}Rp${formatNumber(Math.abs(value), lang, { decimals: 0 })}`;

/** Formats a percentage: `82,21%`. */
export const formatPercent = (value: number, lang: Lang = 'id', decimals = 2): string =>
  `${formatNumber(value, lang, { decimals })}%`;

/** The outcome of reading a number typed by a person. */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: string };

const ID_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const ID_PLAIN = /^[+-]?\d+(,\d+)?$/;
const EN_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const EN_PLAIN = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads a number written in Indonesian (`1.234,56`, `82,21`) or English (`1,234.56`, `82.21`)
 * format, strictly: anything else (text, two decimal separators, `82.21` in Indonesian, which
 * is ambiguous) is refused with a reason rather than guessed.
 *
 * @example
 * parseLocaleNumber('1.234,56', 'id'); // { ok: true, value: 1234.56 }
 * parseLocaleNumber('82.21', 'id'); // { ok: false, reason: … }
 */
export const parseLocaleNumber = (text: string, lang: Lang = 'id'): ParsedNumber => {
  const s = text.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (s.length === 0) return { ok: false, reason: 'empty' };
  if (lang === 'id') {
    if (ID_GROUPED.test(s)) return { ok: true, value: Number(s.replace(/\./g, '').replace(',', '.')) };
    if (ID_PLAIN.test(s)) return { ok: true, value: Number(s.replace(',', '.')) };
    if (EN_PLAIN.test(s) && s.includes('.')) {
      return {
        ok: false,
        reason: `"${text}" is ambiguous in Indonesian format: write ${s.replace('.', ',')} for a decimal`,
      };
    }
    return { ok: false, reason: `"${text}" is not a number in Indonesian format (e.g. 1.234,56)` };
  }
  if (EN_GROUPED.test(s)) return { ok: true, value: Number(s.replace(/,/g, '')) };
  if (EN_PLAIN.test(s)) return { ok: true, value: Number(s) };
  return { ok: false, reason: `"${text}" is not a number in English format (e.g. 1,234.56)` };
};
