import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useRefreshPlan } from '../plan/plan-queries.ts';
import { addEdit, type Pending, type PendingChange } from './grid-edits.ts';
import type { CellValue, ColumnKey, GridColumn, GridRow } from './grid-model.ts';

/** One cell edit as the user made it; pending patches are folded from these over the latest data. */
export interface Edit {
  readonly seq: number;
  readonly rowId: string;
  readonly col: ColumnKey;
  readonly value: CellValue;
}

export type SaveStatus = 'idle' | 'waiting' | 'saving' | 'saved' | 'error' | 'conflict';

const rowId = (r: GridRow) => (r.kind === 'indicator' ? `i:${r.indicator.id}` : `n:${r.node.id}`);

/** Folds edits over the current rows: each patch carries the version of the row as last loaded. */
export const foldEdits = (
  edits: readonly Edit[],
  rows: readonly GridRow[],
  cols: readonly GridColumn[],
): Map<string, PendingChange> => {
  const byId = new Map(rows.map((r) => [rowId(r), r]));
  const byKey = new Map(cols.map((c) => [c.key, c]));
  let pending: Map<string, PendingChange> = new Map();
  for (const e of edits) {
    const row = byId.get(e.rowId);
    const col = byKey.get(e.col);
    if (row && col) pending = addEdit(pending, row, col, e.value);
  }
  return pending;
};

/**
 * Saves the grid's edits shortly after the user stops typing, in one all-or-nothing request. When
 * someone else changed a row meanwhile, saving stops and the user decides: apply their edits again
 * on the latest data, or drop them. Nothing is overwritten silently.
 */
export const useGridSave = (planId: string, rows: readonly GridRow[], cols: readonly GridColumn[]) => {
  const refresh = useRefreshPlan(planId);
  const [edits, setEdits] = useState<Edit[]>([]);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<unknown>();
  const seq = useRef(0);
  const pending: Pending = useMemo(() => foldEdits(edits, rows, cols), [edits, rows, cols]);
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current || edits.length === 0) return;
    flushing.current = true;
    const sentUpTo = edits[edits.length - 1]?.seq ?? 0;
    const changes = [...foldEdits(edits, rows, cols).values()];
    const body = {
      indicators: changes
        .filter((c) => c.kind === 'indicator')
        .map(({ id, version, patch }) => ({ id, version, patch })),
      nodes: changes
        .filter((c) => c.kind === 'node')
        .map(({ id, version, patch }) => ({ id, version, patch })),
    };
    setStatus('saving');
    try {
      await api.patch(`/api/plans/${planId}/rows`, body);
      setEdits((es) => es.filter((e) => e.seq > sentUpTo));
      await refresh();
      setStatus('saved');
      setError(undefined);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        await refresh();
        setStatus('conflict');
      } else setStatus('error');
    } finally {
      flushing.current = false;
    }
  }, [edits, rows, cols, planId, refresh]);

  useEffect(() => {
    if (edits.length === 0 || status === 'conflict' || status === 'error' || status === 'saving') return;
    setStatus('waiting');
    const timer = setTimeout(() => void flush(), 700);
    return () => clearTimeout(timer);
  }, [edits, flush, status]);

  const record = useCallback((cells: readonly { row: GridRow; col: GridColumn; value: CellValue }[]) => {
    setEdits((es) => [
      ...es,
      ...cells.map((c) => ({ seq: ++seq.current, rowId: rowId(c.row), col: c.col.key, value: c.value })),
    ]);
    setStatus((s) => (s === 'saved' || s === 'idle' ? 'waiting' : s));
  }, []);

  return {
    pending,
    edits,
    status,
    error,
    record,
    /** After a conflict or an error: send the same edits again, over the latest data. */
    retry: () => {
      setStatus('waiting');
    },
    /** Drops every unsaved edit. */
    discard: () => {
      setEdits([]);
      setStatus('idle');
      setError(undefined);
    },
  };
};
