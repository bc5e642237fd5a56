import type { Polarity, TargetValue } from '../../api/types.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatNumber, formatRupiah } from '../../lib/format.ts';
import type { CellValue, GridColumn, GridRow } from './grid-model.ts';

/** How a value is shown (and copied): numbers in the user's format, pagu in Rupiah. */
export const displayValue = (
  row: GridRow,
  col: GridColumn,
  v: CellValue,
  lang: Lang,
  words: { polarity: (p: Polarity) => string; yes: string; no: string },
): string => {
  if (v === null || v === undefined) return '';
  if (col.key === 'polarity') return words.polarity(v as Polarity);
  if (col.key === 'cumulative') return v ? words.yes : words.no;
  if (col.key === 'baselineYear') return String(v);
  if (typeof v === 'number')
    return row.kind === 'node' ? formatRupiah(v, lang) : formatNumber(v, lang, { maxDecimals: 4 });
  if (typeof v === 'object') {
    const r = v as Exclude<TargetValue, number>;
    return `${formatNumber(r.min, lang)}–${formatNumber(r.max, lang)}`;
  }
  return String(v);
};

/** What the editor starts with: the value as typed (no grouping for numbers). */
export const editText = (row: GridRow, col: GridColumn, v: CellValue, lang: Lang): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && col.key !== 'baselineYear') {
    const s = String(v);
    return lang === 'id' ? s.replace('.', ',') : s;
  }
  if (typeof v === 'object' && v !== null) {
    const r = v as { min: number; max: number };
    const f = (n: number) => (lang === 'id' ? String(n).replace('.', ',') : String(n));
    return `${f(r.min)}–${f(r.max)}`;
  }
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  return row.kind === 'node' && typeof v === 'number' ? String(v) : String(v);
};
