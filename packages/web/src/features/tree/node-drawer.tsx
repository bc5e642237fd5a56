import { Badge, Button, Divider, Drawer, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeNode } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { CrosscuttingPropose } from '../review/crosscutting-propose.tsx';
import { IndicatorForm } from './indicator-form.tsx';
import { NodeForm, patchOf } from './node-form.tsx';
import { useRegionalTree, useTreeOps } from './tree-actions.ts';
import { childLevel, newIndicatorKey, newNodeKey } from './tree-graph.ts';

export type DrawerMode =
  | { readonly kind: 'node'; readonly key: string }
  | { readonly kind: 'new'; readonly parentKey: string | null };

const descendants = (nodes: readonly TreeNode[], key: string): number => {
  const kids = nodes.filter((n) => n.parentKey === key);
  return kids.length + kids.reduce((s, k) => s + descendants(nodes, k.key), 0);
};

/** The side panel of the tree: one node's details and actions, or the form of a new node. */
export const NodeDrawer = ({
  plan,
  mode,
  onClose,
  onSelect,
}: {
  plan: PlanContext;
  mode: DrawerMode | null;
  onClose: () => void;
  onSelect: (key: string) => void;
}) => {
  const { t } = useTranslation('tree');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const ops = useTreeOps(plan.planId);
  const regional = useRegionalTree(plan.tree);
  const [addingIndicator, setAddingIndicator] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { tree, years, canEdit } = plan;
  const node = mode?.kind === 'node' ? tree.nodes.find((n) => n.key === mode.key) : undefined;
  const parent =
    mode?.kind === 'new' && mode.parentKey !== null
      ? tree.nodes.find((n) => n.key === mode.parentKey)
      : undefined;
  const level =
    mode?.kind === 'new'
      ? childLevel(tree.levels, parent?.level ?? null)
      : tree.levels.find((l) => l.key === node?.level);
  const alignOptions = useMemo(
    () =>
      (regional?.nodes ?? [])
        .filter((n) => {
          const role = regional?.levels.find((l) => l.key === n.level)?.role;
          return role === 'tujuan' || role === 'sasaran';
        })
        .map((n) => ({ value: n.key, label: `${n.key} — ${n.statement}` })),
    [regional],
  );
  const units = tree.agency?.units ?? [];
  const taken = useMemo(() => new Set(tree.nodes.map((n) => n.key)), [tree.nodes]);
  const takenIndicators = useMemo(
    () => new Set(tree.nodes.flatMap((n) => n.indicators.map((i) => i.key))),
    [tree.nodes],
  );
  const title =
    mode?.kind === 'new' ? t('newNode', { level: level?.label[lang] ?? '' }) : (node?.statement ?? '');

  return (
    <Drawer
      opened={mode !== null}
      onClose={onClose}
      position="right"
      size={440}
      title={
        <Title order={4} lineClamp={2}>
          {title}
        </Title>
      }
      withOverlay={false}
      trapFocus={false}
      lockScroll={false}
    >
      {mode?.kind === 'new' && level === undefined && <Text c="red">{t('noDeeperLevel')}</Text>}
      {mode?.kind === 'new' && level && (
        <NodeForm
          level={level}
          years={years}
          units={units}
          alignOptions={level.role === 'tujuan' || level.role === 'sasaran' ? alignOptions : []}
          readOnly={!canEdit}
          busy={ops.isPending}
          submitLabel={t('create')}
          onSubmit={(f) => {
            const key = newNodeKey(taken, level.role, mode.parentKey, f.code.trim() || undefined);
            const pagu = Object.fromEntries(Object.entries(f.pagu).filter(([, v]) => typeof v === 'number'));
            ops.mutate(
              {
                kind: 'add',
                draft: {
                  id: key,
                  parent: mode.parentKey,
                  level: level.key,
                  statement: f.statement.trim(),
                  ...(f.code.trim() && { code: f.code.trim() }),
                  ...(f.name.trim() && { name: f.name.trim() }),
                  ...(f.unit && { owner: { unit: f.unit } }),
                  alignsTo: f.alignsTo,
                  priority: f.priority,
                  pagu,
                },
              },
              { onSuccess: () => onSelect(key) },
            );
          }}
        />
      )}
      {node && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge>{level?.label[lang] ?? node.level}</Badge>
            <Text size="xs" c="dimmed" ff="monospace">
              {node.key}
            </Text>
          </Group>
          <NodeForm
            node={node}
            level={level}
            years={years}
            units={units}
            alignOptions={level?.role === 'tujuan' || level?.role === 'sasaran' ? alignOptions : []}
            readOnly={!canEdit}
            busy={ops.isPending}
            submitLabel={tc('action.save')}
            onSubmit={(f) => {
              const patch = patchOf(node, f);
              if (Object.keys(patch).length > 0) ops.mutate({ kind: 'update', node, patch });
            }}
          />
          <Divider label={t('indicators')} labelPosition="left" />
          {node.indicators.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('noIndicators')}
            </Text>
          )}
          {node.indicators.map((i) => (
            <Stack key={i.key} gap={0}>
              <Text size="sm" fw={500}>
                {i.name}{' '}
                {i.unit ? (
                  <Text span c="dimmed">
                    ({i.unit})
                  </Text>
                ) : null}
              </Text>
              <Text size="xs" c="dimmed" className="tabular">
                {years
                  .map((y) => {
                    const v = i.targets[String(y)];
                    return `${y}: ${v === undefined ? '–' : typeof v === 'number' ? formatNumber(v, lang) : `${formatNumber(v.min, lang)}–${formatNumber(v.max, lang)}`}`;
                  })
                  .join(' · ')}
              </Text>
            </Stack>
          ))}
          {canEdit && !addingIndicator && (
            <Button
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAddingIndicator(true)}
              w="fit-content"
            >
              {t('addIndicator')}
            </Button>
          )}
          {canEdit && addingIndicator && (
            <IndicatorForm
              years={years}
              busy={ops.isPending}
              onCancel={() => setAddingIndicator(false)}
              onSubmit={(d) =>
                ops.mutate(
                  {
                    kind: 'addIndicator',
                    node,
                    draft: {
                      id: newIndicatorKey(takenIndicators, d.name),
                      name: d.name,
                      ...(d.unit && { unit: d.unit }),
                      polarity: d.polarity,
                      targets: d.targets,
                    },
                  },
                  { onSuccess: () => setAddingIndicator(false) },
                )
              }
            />
          )}
          {canEdit && (
            <>
              <Divider />
              <Group gap="xs">
                {childLevel(tree.levels, node.level) && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => onSelect(`new:${node.key}`)}
                  >
                    {t('addChild', { level: childLevel(tree.levels, node.level)?.label[lang] })}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconCopy size={14} />}
                  onClick={() => ops.mutate({ kind: 'clone', node })}
                >
                  {t('clone')}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => setConfirmDelete(true)}
                >
                  {tc('action.delete')}
                </Button>
              </Group>
            </>
          )}
          <CrosscuttingPropose key={node.key} plan={plan} node={node} />
          <Modal
            opened={confirmDelete}
            onClose={() => setConfirmDelete(false)}
            title={t('deleteTitle')}
            centered
          >
            <Stack>
              <Text size="sm">
                {t('deleteBody', { statement: node.statement, count: descendants(tree.nodes, node.key) })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setConfirmDelete(false)}>
                  {tc('action.cancel')}
                </Button>
                <Button
                  color="red"
                  loading={ops.isPending}
                  onClick={() =>
                    ops.mutate(
                      { kind: 'delete', node },
                      {
                        onSuccess: () => {
                          setConfirmDelete(false);
                          onClose();
                        },
                      },
                    )
                  }
                >
                  {tc('action.delete')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </Stack>
      )}
    </Drawer>
  );
};
