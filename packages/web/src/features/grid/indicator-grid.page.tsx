import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ClipboardEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Polarity } from '../../api/types.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { usePlan } from '../plan/plan-context.ts';
import { displayValue, editText } from './grid-cell.ts';
import { pasteBlock, pendingValue } from './grid-edits.ts';
import {
  buildColumns,
  buildRows,
  cellValue,
  type GridColumn,
  type GridRow,
  isEditable,
  parseCell,
} from './grid-model.ts';
import './locale.ts';
import { useGridSave } from './use-grid-save.ts';

const ROW_HEIGHT = 32;
const POLARITIES: readonly Polarity[] = ['positive', 'negative', 'range', 'stable'];

/**
 * The grid follows the WAI-ARIA grid pattern (one focusable grid, the active cell tracked by the
 * component, an editor that takes focus while editing) on virtualised rows, so biome's advice to
 * use table elements and not to autofocus is switched off for this file in biome.json.
 */
/** The spreadsheet of the plan: every indicator with unit, polarity, baseline and a target per year, and pagu per year on budgeted nodes. */
export const IndicatorGridPage = () => {
  const { planId, tree, years, canEdit } = usePlan();
  const { t } = useTranslation('grid');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const rows = useMemo(() => buildRows(tree), [tree]);
  const cols = useMemo(() => buildColumns(years), [years]);
  const save = useGridSave(planId, rows, cols);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [params] = useSearchParams();
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const words = { polarity: (p: Polarity) => t(`polarity.${p}`), yes: t('yes'), no: t('no') };
  const valueAt = (r: GridRow, c: GridColumn) => {
    const p = pendingValue(save.pending, r, c);
    return p === undefined ? cellValue(r, c) : p;
  };
  const totalWidth = cols.reduce((s, c) => s + c.width, 0);

  useEffect(() => {
    const key = params.get('indicator');
    if (!key) return;
    const i = rows.findIndex((r) => r.kind === 'indicator' && r.indicator.key === key);
    if (i >= 0) {
      setActive({ row: i, col: 0 });
      virtual.scrollToIndex(i, { align: 'center' });
    }
  }, [params, rows, virtual]);
  useEffect(() => virtual.scrollToIndex(active.row), [active.row, virtual]);

  const move = (dr: number, dc: number) =>
    setActive((a) => ({
      row: Math.max(0, Math.min(rows.length - 1, a.row + dr)),
      col: Math.max(0, Math.min(cols.length - 1, a.col + dc)),
    }));

  const commit = (text: string): boolean => {
    const row = rows[active.row];
    const col = cols[active.col];
    if (!row || !col) return true;
    const parsed = parseCell(row, col, text, lang);
    if (!parsed.ok) {
      setInvalid(t('invalid', { text, reason: parsed.reason }));
      return false;
    }
    setInvalid(null);
    save.record([{ row, col, value: parsed.value }]);
    return true;
  };

  const startEdit = (initial?: string) => {
    const row = rows[active.row];
    const col = cols[active.col];
    if (!row || !col || !canEdit) return;
    if (!isEditable(row, col)) {
      setInvalid(t('notEditable'));
      return;
    }
    if (col.key === 'cumulative') {
      save.record([{ row, col, value: !valueAt(row, col) }]);
      return;
    }
    setEditing(initial ?? editText(row, col, valueAt(row, col), lang));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const k = e.key;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[k]) {
      e.preventDefault();
      move(...(moves[k] as [number, number]));
    } else if (k === 'Tab') {
      e.preventDefault();
      move(0, e.shiftKey ? -1 : 1);
    } else if (k === 'Enter' || k === 'F2') {
      e.preventDefault();
      startEdit();
    } else if ((k === 'Delete' || k === 'Backspace') && canEdit) {
      const row = rows[active.row];
      const col = cols[active.col];
      if (
        row &&
        col &&
        isEditable(row, col) &&
        col.key !== 'name' &&
        col.key !== 'polarity' &&
        col.key !== 'cumulative'
      )
        save.record([{ row, col, value: null }]);
    } else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(k);
    } else if ((e.ctrlKey || e.metaKey) && k === 'c') {
      const row = rows[active.row];
      const col = cols[active.col];
      if (row && col)
        void navigator.clipboard?.writeText(displayValue(row, col, valueAt(row, col), lang, words));
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editing !== null || !canEdit) return;
    e.preventDefault();
    const r = pasteBlock(rows, cols, active, e.clipboardData.getData('text/plain'), lang);
    if (!r.ok) {
      notifications.show({
        title: t('pasteFailed'),
        color: 'red',
        autoClose: false,
        message: (
          <List size="xs">
            {r.problems.slice(0, 8).map((p) => (
              <List.Item key={`${p.row}:${p.column}`}>
                {t('pasteRow', { row: p.row + 1, column: p.column + 1, text: p.text, reason: p.reason })}
              </List.Item>
            ))}
          </List>
        ),
      });
      return;
    }
    save.record(r.cells);
    notifications.show({ message: t('pasted', { count: r.cells.length }), color: 'teal', autoClose: 2000 });
  };

  return (
    <Stack gap={0} h="100%">
      <Group justify="space-between" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Title order={4}>{t('title')}</Title>
        <Group gap="xs">
          {invalid && (
            <Text size="xs" c="red" role="alert">
              {invalid}
            </Text>
          )}
          <Text
            size="xs"
            c={save.status === 'error' || save.status === 'conflict' ? 'red' : 'dimmed'}
            aria-live="polite"
            data-testid="save-status"
          >
            {t(`status.${save.status}`)}
          </Text>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" px="xs" py={4}>
        {t('help')}
      </Text>
      {save.status === 'error' && (
        <Alert color="red" title={t('errorTitle')} mx="xs">
          <Group>
            <Text size="sm">{errorText(save.error)}</Text>
            <Button size="xs" variant="light" onClick={save.retry}>
              {t('retry')}
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={save.discard}>
              {t('discard')}
            </Button>
          </Group>
        </Alert>
      )}
      <div ref={scroller} style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
        <div
          ref={grid}
          role="grid"
          aria-label={t('title')}
          aria-rowcount={rows.length + 1}
          aria-colcount={cols.length}
          aria-readonly={!canEdit}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          data-testid="indicator-grid"
          style={{ width: totalWidth, position: 'relative', outline: 'none', fontSize: 13 }}
        >
          <div
            role="row"
            style={{
              display: 'flex',
              position: 'sticky',
              top: 0,
              zIndex: 2,
              background: 'var(--mantine-color-gray-1)',
              fontWeight: 600,
            }}
          >
            {cols.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                style={{
                  width: c.width,
                  position: c.key === 'name' ? 'sticky' : undefined,
                  left: c.key === 'name' ? 0 : undefined,
                  background: 'var(--mantine-color-gray-1)',
                  padding: '6px 8px',
                  borderRight: '1px solid var(--mantine-color-gray-3)',
                  textAlign: c.numeric ? 'right' : 'left',
                }}
              >
                {c.year !== undefined ? t('columns.year', { year: c.year }) : t(`columns.${c.key}`)}
              </div>
            ))}
          </div>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const row = rows[v.index] as GridRow;
              const isNode = row.kind === 'node';
              return (
                <div
                  key={v.key}
                  role="row"
                  aria-rowindex={v.index + 2}
                  data-testid={isNode ? 'grid-node-row' : 'grid-indicator-row'}
                  data-key={isNode ? row.node.key : row.indicator.key}
                  style={{
                    display: 'flex',
                    position: 'absolute',
                    top: v.start,
                    height: ROW_HEIGHT,
                    width: totalWidth,
                    background: isNode ? 'var(--mantine-color-gray-0)' : 'white',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                >
                  {cols.map((c, ci) => {
                    const isActive = active.row === v.index && active.col === ci;
                    const value = valueAt(row, c);
                    const dirty = pendingValue(save.pending, row, c) !== undefined;
                    const label =
                      c.key === 'name'
                        ? isNode
                          ? `${row.level?.label[lang] ?? ''} ${row.node.code ?? ''} ${row.node.statement}`
                          : row.indicator.name
                        : displayValue(row, c, value, lang, words);
                    return (
                      <div
                        key={c.key}
                        role="gridcell"
                        aria-selected={isActive}
                        aria-colindex={ci + 1}
                        aria-readonly={!isEditable(row, c)}
                        onMouseDown={() => setActive({ row: v.index, col: ci })}
                        onDoubleClick={() => startEdit()}
                        className="tabular"
                        style={{
                          width: c.width,
                          padding: '0 8px',
                          paddingLeft: c.key === 'name' ? 8 + row.depth * 14 + (isNode ? 0 : 14) : 8,
                          lineHeight: `${ROW_HEIGHT}px`,
                          whiteSpace: 'nowrap',
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          textAlign: c.numeric ? 'right' : 'left',
                          fontWeight: isNode && c.key === 'name' ? 600 : 400,
                          position: c.key === 'name' ? 'sticky' : 'relative',
                          left: c.key === 'name' ? 0 : undefined,
                          zIndex: c.key === 'name' ? 1 : undefined,
                          borderRight: '1px solid var(--mantine-color-gray-2)',
                          background: dirty
                            ? 'var(--mantine-color-yellow-0)'
                            : c.key === 'name'
                              ? isNode
                                ? 'var(--mantine-color-gray-0)'
                                : 'white'
                              : undefined,
                          outline: isActive ? '2px solid var(--mantine-color-teal-6)' : undefined,
                          outlineOffset: -2,
                          color: !isEditable(row, c) && !isNode ? 'var(--mantine-color-gray-6)' : undefined,
                        }}
                        title={label}
                      >
                        {isActive && editing !== null ? (
                          c.key === 'polarity' ? (
                            <select
                              autoFocus
                              aria-label={t('columns.polarity')}
                              defaultValue={String(value)}
                              onChange={(e) => {
                                save.record([{ row, col: c, value: e.currentTarget.value }]);
                                setEditing(null);
                                grid.current?.focus();
                              }}
                              onBlur={() => setEditing(null)}
                            >
                              {POLARITIES.map((p) => (
                                <option key={p} value={p}>
                                  {words.polarity(p)}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <input
                              autoFocus
                              aria-label={
                                c.year !== undefined
                                  ? t('columns.year', { year: c.year })
                                  : t(`columns.${c.key}`)
                              }
                              value={editing}
                              onChange={(e) => setEditing(e.currentTarget.value)}
                              onKeyDown={(e) => {
                                if (e.key === 'Escape') {
                                  setEditing(null);
                                  setInvalid(null);
                                  grid.current?.focus();
                                } else if (e.key === 'Enter' || e.key === 'Tab') {
                                  e.preventDefault();
                                  if (commit(editing)) {
                                    setEditing(null);
                                    move(
                                      e.key === 'Enter' ? (e.shiftKey ? -1 : 1) : 0,
                                      e.key === 'Tab' ? (e.shiftKey ? -1 : 1) : 0,
                                    );
                                    grid.current?.focus();
                                  }
                                }
                              }}
                              onBlur={() => {
                                if (commit(editing)) setEditing(null);
                              }}
                              style={{
                                position: 'absolute',
                                inset: 0,
                                width: '100%',
                                border: 'none',
                                padding: '0 8px',
                                font: 'inherit',
                                textAlign: c.numeric ? 'right' : 'left',
                                outline: '2px solid var(--mantine-color-teal-6)',
                              }}
                            />
                          )
                        ) : c.key === 'name' && isNode ? (
                          <>
                            <Badge
                              size="xs"
                              mr={6}
                              style={{ background: `var(--selaras-${row.level?.role ?? 'other'})` }}
                            >
                              {row.level?.label[lang]}
                            </Badge>
                            {row.node.code && (
                              <Text span size="xs" ff="monospace" c="dimmed" mr={6}>
                                {row.node.code}
                              </Text>
                            )}
                            {row.node.statement}
                          </>
                        ) : (
                          label
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <Modal
        opened={save.status === 'conflict'}
        onClose={() => undefined}
        withCloseButton={false}
        title={t('conflictTitle')}
        centered
      >
        <Stack>
          <Text size="sm">{t('conflictBody', { count: save.edits.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={save.discard}>
              {t('discard')}
            </Button>
            <Button onClick={save.retry}>{t('applyAgain')}</Button>
          </Group>
        </Stack>
      </Modal>
      <span className="visually-hidden">{tc('state.saved')}</span>
    </Stack>
  );
};
