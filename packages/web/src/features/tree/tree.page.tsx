import { Button, Group, Menu, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { type Node, ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { usePlan } from '../plan/plan-context.ts';
import type { Direction } from './elk-layout.ts';
import { exportTree } from './export-image.ts';
import './locale.ts';
import { type DrawerMode, NodeDrawer } from './node-drawer.tsx';
import { useTreeOps } from './tree-actions.ts';
import { TreeCanvas } from './tree-canvas.tsx';
import { initialCollapsed, visibleGraph } from './tree-graph.ts';

/** The pohon kinerja: the whole cascade at a glance, searchable, filterable by bidang, editable. */
export const TreePage = () => {
  const plan = usePlan();
  const { tree, years, canEdit } = plan;
  const { t } = useTranslation('tree');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => initialCollapsed(tree));
  const [unit, setUnit] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [direction, setDirection] = useState<Direction>('RIGHT');
  const [move, setMove] = useState<{ key: string; parent: string } | null>(null);
  const [layoutInfo, setLayoutInfo] = useState<string>('');
  const nodesRef = useRef<Node[]>([]);
  const ops = useTreeOps(plan.planId);
  const selected = params.get('node') ?? undefined;
  const adding = params.get('new');
  const mode: DrawerMode | null =
    adding !== null
      ? { kind: 'new', parentKey: adding === '' ? null : adding }
      : selected
        ? { kind: 'node', key: selected }
        : null;
  const select = useCallback(
    (key: string | undefined) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.delete('new');
          next.delete('node');
          if (key?.startsWith('new:')) next.set('new', key.slice(4));
          else if (key) next.set('node', key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((s) => {
        const next = new Set(s);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const onNodes = useCallback((n: Node[]) => {
    nodesRef.current = n;
  }, []);
  const onLayout = useCallback((ms: number, count: number, elkMs: number) => {
    setLayoutInfo(`${count}:${Math.round(ms)}:${Math.round(elkMs)}`);
  }, []);
  const graph = useMemo(
    () => visibleGraph(tree, { collapsed, unit: unit ?? undefined, search }),
    [tree, collapsed, unit, search],
  );
  const focus = search.trim() ? graph.matches[matchIndex % Math.max(1, graph.matches.length)] : selected;
  const withChildren = tree.nodes
    .filter((n) => tree.nodes.some((c) => c.parentKey === n.key))
    .map((n) => n.key);
  const byKey = new Map(tree.nodes.map((n) => [n.key, n]));
  const [count, ms, elkMs] = layoutInfo.split(':');
  return (
    <Stack gap={0} h="100%">
      <Group gap="xs" p="xs" wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <TextInput
          size="xs"
          w={260}
          leftSection={<IconSearch size={14} />}
          placeholder={t('search')}
          aria-label={t('search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setMatchIndex(0);
          }}
        />
        {search.trim() && (
          <Group gap={4}>
            <Text size="xs" c="dimmed" aria-live="polite">
              {t('matches', { count: graph.matches.length })}
            </Text>
            <Button
              size="compact-xs"
              variant="default"
              disabled={graph.matches.length < 2}
              onClick={() => setMatchIndex((i) => i + 1)}
            >
              {t('next')}
            </Button>
          </Group>
        )}
        <Select
          size="xs"
          w={220}
          aria-label={t('unit')}
          placeholder={t('allUnits')}
          value={unit}
          onChange={setUnit}
          clearable
          data={(tree.agency?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          size="xs"
          w={110}
          aria-label={t('year')}
          value={year}
          onChange={(v) => setYear(v ?? year)}
          data={years.map(String)}
          allowDeselect={false}
        />
        <SegmentedControl
          size="xs"
          aria-label={t('direction')}
          value={direction}
          onChange={(v) => setDirection(v as Direction)}
          data={[
            { value: 'DOWN', label: t('down') },
            { value: 'RIGHT', label: t('right') },
          ]}
        />
        <Button size="compact-xs" variant="default" onClick={() => setCollapsed(new Set())}>
          {t('expandAll')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setCollapsed(new Set(withChildren))}>
          {t('collapseAll')}
        </Button>
        <Menu>
          <Menu.Target>
            <Button size="compact-xs" variant="default" leftSection={<IconDownload size={12} />}>
              {t('export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void exportTree(nodesRef.current, 'png', `pohon-kinerja-${tree.key}`)}>
              {t('exportPng')}
            </Menu.Item>
            <Menu.Item onClick={() => void exportTree(nodesRef.current, 'svg', `pohon-kinerja-${tree.key}`)}>
              {t('exportSvg')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {canEdit && tree.levels[0] && (
          <Button size="compact-xs" leftSection={<IconPlus size={12} />} onClick={() => select('new:')}>
            {t('addRoot', { level: tree.levels[0].label[lang] })}
          </Button>
        )}
        {count && (
          <Text
            size="xs"
            c="dimmed"
            ml="auto"
            data-testid="layout-time"
            data-count={count}
            data-ms={ms}
            data-elk-ms={elkMs}
          >
            {t('layoutTime', { count: Number(count), ms })}
          </Text>
        )}
      </Group>
      <div style={{ flex: 1, minHeight: 400 }} data-testid="tree-canvas">
        {tree.nodes.length === 0 ? (
          <Text p="xl" c="dimmed">
            {t('empty')}
          </Text>
        ) : (
          <ReactFlowProvider>
            <TreeCanvas
              graph={graph}
              year={Number(year)}
              direction={direction}
              selected={selected}
              focus={focus}
              canEdit={canEdit}
              onSelect={select}
              onToggle={toggle}
              onDropOn={(key, parent) => setMove({ key, parent })}
              onNodes={onNodes}
              onLayout={onLayout}
            />
          </ReactFlowProvider>
        )}
      </div>
      <NodeDrawer plan={plan} mode={mode} onClose={() => select(undefined)} onSelect={select} />
      <Modal opened={move !== null} onClose={() => setMove(null)} title={t('moveTitle')} centered>
        {move && (
          <Stack>
            <Text size="sm">
              {t('moveBody', {
                node: byKey.get(move.key)?.statement,
                parent: byKey.get(move.parent)?.statement,
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMove(null)}>
                {tc('action.cancel')}
              </Button>
              <Button
                loading={ops.isPending}
                onClick={() => {
                  const node = byKey.get(move.key);
                  if (node)
                    ops.mutate(
                      { kind: 'move', node, parent: move.parent },
                      { onSettled: () => setMove(null) },
                    );
                }}
              >
                {tc('action.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
};
