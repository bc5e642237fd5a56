import type { TargetValue } from '../../api/types.ts';
import { type CellValue, type GridColumn, type GridRow, isEditable, parseCell } from './grid-model.ts';

/** Changes waiting to be saved, by row id: one patch per indicator or node, sent with its version. */
export interface PendingChange {
  readonly kind: 'indicator' | 'node';
  readonly id: string;
  readonly version: number;
  readonly patch: Readonly<Record<string, unknown>>;
}
export type Pending = ReadonlyMap<string, PendingChange>;

const withoutNull = <T>(o: Record<string, T | null>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Record<string, T>;

/** A cell's value with pending changes applied. */
export const pendingValue = (pending: Pending, row: GridRow, col: GridColumn): CellValue | undefined => {
  const id = row.kind === 'indicator' ? row.indicator.id : row.node.id;
  const p = pending.get(id)?.patch;
  if (!p) return undefined;
  if (col.year !== undefined) {
    const series = (row.kind === 'indicator' ? p.targets : p.pagu) as Record<string, unknown> | undefined;
    if (!series) return undefined;
    return (series[String(col.year)] as CellValue | undefined) ?? null;
  }
  if (col.key === 'baselineYear' || col.key === 'baselineValue') {
    const b = p.baseline as { year: number; value: number } | undefined;
    if (!b) return undefined;
    return col.key === 'baselineYear' ? b.year : b.value;
  }
  return p[col.key] as CellValue | undefined;
};

/**
 * Adds one cell's new value to the pending changes. Per-year series are sent whole (the API
 * replaces a series), so the rest of the row's years come from what is stored or already pending.
 */
export const addEdit = (
  pending: Pending,
  row: GridRow,
  col: GridColumn,
  value: CellValue,
): Map<string, PendingChange> => {
  const next = new Map(pending);
  if (row.kind === 'node') {
    const prev = next.get(row.node.id);
    const pagu = { ...row.node.pagu, ...((prev?.patch.pagu as Record<string, number>) ?? {}) } as Record<
      string,
      number | null
    >;
    pagu[String(col.year)] = value as number | null;
    next.set(row.node.id, {
      kind: 'node',
      id: row.node.id,
      version: row.node.version,
      patch: { ...prev?.patch, pagu: withoutNull(pagu) },
    });
    return next;
  }
  const i = row.indicator;
  const prev = next.get(i.id);
  const patch: Record<string, unknown> = { ...prev?.patch };
  if (col.year !== undefined) {
    const targets = {
      ...i.targets,
      ...((prev?.patch.targets as Record<string, TargetValue>) ?? {}),
    } as Record<string, TargetValue | null>;
    targets[String(col.year)] = value as TargetValue | null;
    patch.targets = withoutNull(targets);
  } else if (col.key === 'baselineYear' || col.key === 'baselineValue') {
    const base = (patch.baseline as { year: number; value: number } | undefined) ?? i.baseline;
    const year = col.key === 'baselineYear' ? (value as number | null) : (base?.year ?? null);
    const val = col.key === 'baselineValue' ? (value as number | null) : (base?.value ?? null);
    if (year !== null && val !== null) patch.baseline = { year, value: val };
    else if (col.key === 'baselineYear' && year !== null) patch.baseline = { year, value: base?.value ?? 0 };
  } else {
    patch[col.key] = value;
  }
  next.set(i.id, { kind: 'indicator', id: i.id, version: i.version, patch });
  return next;
};

/** A problem found in a paste, located by row and column, for the message shown to the user. */
export interface PasteProblem {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly reason: string;
}

/** Splits text copied from Excel or LibreOffice: rows by line, cells by tab; a trailing empty line dropped. */
export const splitClipboard = (text: string): string[][] => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
};

/** One cell of a paste, read and placed. */
export interface PastedCell {
  readonly row: GridRow;
  readonly col: GridColumn;
  readonly value: CellValue;
}

/**
 * Reads a pasted block from the active cell down and right. All or nothing: any cell that cannot
 * be read, or lands where nothing can be edited, is reported and no cell is returned.
 */
export const pasteBlock = (
  rows: readonly GridRow[],
  cols: readonly GridColumn[],
  start: { row: number; col: number },
  text: string,
  lang: 'id' | 'en',
): { ok: true; cells: PastedCell[] } | { ok: false; problems: PasteProblem[] } => {
  const problems: PasteProblem[] = [];
  const cells: PastedCell[] = [];
  splitClipboard(text).forEach((line, dr) => {
    line.forEach((cellText, dc) => {
      const r = start.row + dr;
      const c = start.col + dc;
      const row = rows[r];
      const col = cols[c];
      if (!row || !col) {
        problems.push({ row: r, column: c, text: cellText, reason: 'outside the table' });
        return;
      }
      if (!isEditable(row, col)) {
        if (cellText.trim() !== '')
          problems.push({ row: r, column: c, text: cellText, reason: 'this cell cannot be edited' });
        return;
      }
      const parsed = parseCell(row, col, cellText, lang);
      if (parsed.ok) cells.push({ row, col, value: parsed.value });
      else problems.push({ row: r, column: c, text: cellText, reason: parsed.reason });
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cells };
};
