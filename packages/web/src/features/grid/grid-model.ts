import type { Level, PlanTree, Polarity, TargetValue, TreeIndicator, TreeNode } from '../../api/types.ts';
import { parseLocaleNumber } from '../../lib/format.ts';

/** A row of the grid: a node (its pagu in the year columns) or one of its indicators. */
export type GridRow =
  | {
      readonly kind: 'node';
      readonly node: TreeNode;
      readonly level: Level | undefined;
      readonly depth: number;
    }
  | {
      readonly kind: 'indicator';
      readonly node: TreeNode;
      readonly indicator: TreeIndicator;
      readonly depth: number;
    };

export type ColumnKey =
  | 'name'
  | 'unit'
  | 'polarity'
  | 'cumulative'
  | 'baselineYear'
  | 'baselineValue'
  | `year:${number}`;

export interface GridColumn {
  readonly key: ColumnKey;
  readonly width: number;
  readonly numeric: boolean;
  readonly year?: number;
}

const BUDGETED = new Set(['program', 'kegiatan', 'subKegiatan']);

/** The rows in tree order: each node followed by its indicators. */
export const buildRows = (tree: PlanTree): GridRow[] => {
  const levels = new Map(tree.levels.map((l) => [l.key, l]));
  const children = new Map<string | null, TreeNode[]>();
  for (const n of tree.nodes) children.set(n.parentKey, [...(children.get(n.parentKey) ?? []), n]);
  const rows: GridRow[] = [];
  const visit = (n: TreeNode, depth: number) => {
    rows.push({ kind: 'node', node: n, level: levels.get(n.level), depth });
    for (const i of n.indicators) rows.push({ kind: 'indicator', node: n, indicator: i, depth });
    for (const c of children.get(n.key) ?? []) visit(c, depth + 1);
  };
  for (const r of children.get(null) ?? []) visit(r, 0);
  return rows;
};

/** The columns: the indicator's own fields, then one per year of the period (never a fixed count). */
export const buildColumns = (years: readonly number[]): GridColumn[] => [
  { key: 'name', width: 380, numeric: false },
  { key: 'unit', width: 90, numeric: false },
  { key: 'polarity', width: 110, numeric: false },
  { key: 'cumulative', width: 90, numeric: false },
  { key: 'baselineYear', width: 80, numeric: true },
  { key: 'baselineValue', width: 100, numeric: true },
  ...years.map((y) => ({ key: `year:${y}` as const, width: 130, numeric: true, year: y })),
];

/** Whether a cell can be edited (node rows only hold pagu, and only on budgeted levels). */
export const isEditable = (row: GridRow, col: GridColumn): boolean =>
  row.kind === 'indicator' ? true : col.year !== undefined && BUDGETED.has(row.level?.role ?? '');

export type CellValue = string | number | boolean | TargetValue | null;

/** A cell's stored value. */
export const cellValue = (row: GridRow, col: GridColumn): CellValue => {
  if (row.kind === 'node') return col.year !== undefined ? (row.node.pagu[String(col.year)] ?? null) : null;
  const i = row.indicator;
  switch (col.key) {
    case 'name':
      return i.name;
    case 'unit':
      return i.unit ?? '';
    case 'polarity':
      return i.polarity;
    case 'cumulative':
      return i.cumulative;
    case 'baselineYear':
      return i.baseline?.year ?? null;
    case 'baselineValue':
      return i.baseline?.value ?? null;
    default:
      return i.targets[String(col.year)] ?? null;
  }
};

const POLARITY_WORDS: Record<string, Polarity> = {
  positive: 'positive',
  positif: 'positive',
  '+': 'positive',
  negative: 'negative',
  negatif: 'negative',
  '-': 'negative',
  range: 'range',
  rentang: 'range',
  stable: 'stable',
  stabil: 'stable',
};

export type Parsed =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly reason: string };

const number = (text: string, lang: 'id' | 'en'): Parsed => {
  const r = parseLocaleNumber(text.replace(/^Rp\s?/i, ''), lang);
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
};

/**
 * Reads what a person typed or pasted into a cell, strictly: numbers in the user's language
 * (`82,5` in Indonesian), ranges as `5–7`, polarity by its Indonesian or English word, an empty
 * cell as "no value" where that is allowed. Anything else is refused with the reason.
 */
export const parseCell = (row: GridRow, col: GridColumn, text: string, lang: 'id' | 'en'): Parsed => {
  const s = text.trim();
  if (col.key === 'name') return s ? { ok: true, value: s } : { ok: false, reason: 'empty' };
  if (col.key === 'unit') return { ok: true, value: s };
  if (col.key === 'polarity') {
    const p = POLARITY_WORDS[s.toLowerCase()];
    return p ? { ok: true, value: p } : { ok: false, reason: 'positive, negative, range or stable' };
  }
  if (col.key === 'cumulative') {
    const v = s.toLowerCase();
    if (['ya', 'yes', 'true', '1', 'y', 'kumulatif', 'cumulative'].includes(v))
      return { ok: true, value: true };
    if (['tidak', 'no', 'false', '0', 'n', ''].includes(v)) return { ok: true, value: false };
    return { ok: false, reason: 'ya/tidak (yes/no)' };
  }
  if (s === '' || s === '-' || s === '–') return { ok: true, value: null };
  if (col.key === 'baselineYear') {
    const y = Number(s);
    return Number.isInteger(y) && y >= 1945 && y <= 2200
      ? { ok: true, value: y }
      : { ok: false, reason: 'a year such as 2022' };
  }
  const range =
    /^(.+?)\s*[–—]\s*(.+)$/.exec(s) ?? (row.kind === 'indicator' && /^(\d[^-]*)\s+-\s+(.+)$/.exec(s));
  if (range && row.kind === 'indicator' && col.year !== undefined) {
    const a = number(range[1] ?? '', lang);
    const b = number(range[2] ?? '', lang);
    if (!a.ok) return a;
    if (!b.ok) return b;
    return (a.value as number) <= (b.value as number)
      ? { ok: true, value: { min: a.value as number, max: b.value as number } }
      : { ok: false, reason: 'the lower bound comes first' };
  }
  return number(s, lang);
};
