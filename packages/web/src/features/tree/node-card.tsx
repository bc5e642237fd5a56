import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  IconArrowUpRight,
  IconChevronDown,
  IconChevronRight,
  IconStarFilled,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetValue } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';
import { formatNumber } from '../../lib/format.ts';
import { CARD_WIDTH, type CardInfo, MAX_INDICATORS_SHOWN } from './tree-graph.ts';

interface AcceptedLink {
  readonly direction: 'receives' | 'contributes';
  readonly planTitle: string;
  readonly nodeKey: string;
  readonly contribution: string;
}

export interface CardData extends Record<string, unknown> {
  readonly info: CardInfo;
  readonly year: number;
  readonly direction: 'DOWN' | 'RIGHT';
  readonly selected: boolean;
  readonly onToggle: (key: string) => void;
}

const target = (v: TargetValue | undefined, lang: 'id' | 'en'): string =>
  v === undefined
    ? '–'
    : typeof v === 'number'
      ? formatNumber(v, lang)
      : `${formatNumber(v.min, lang)}–${formatNumber(v.max, lang)}`;

/** One node of the pohon kinerja: level, code, statement, indicators with the year's target, owner, links. */
export const NodeCard = memo(({ data }: NodeProps & { data: CardData }) => {
  const { t } = useTranslation('tree');
  const lang = useLang();
  const { info, year, direction } = data;
  const n = info.node;
  const role = info.level?.role ?? 'other';
  const color = `var(--selaras-${role})`;
  const down = direction === 'DOWN';
  // Crosscutting links another agency has accepted (the plan's own partner notes are `crosscutting`).
  const links = (n as typeof n & { crosscuttingLinks?: AcceptedLink[] }).crosscuttingLinks ?? [];
  return (
    <div
      data-testid="tree-node"
      data-key={n.key}
      style={{
        width: CARD_WIDTH,
        height: '100%',
        background: info.context ? 'var(--mantine-color-gray-0)' : 'white',
        opacity: info.context ? 0.7 : 1,
        border: `1px solid ${data.selected ? color : 'var(--mantine-color-gray-4)'}`,
        borderTop: `4px solid ${color}`,
        borderRadius: 6,
        boxShadow: info.match
          ? '0 0 0 3px var(--mantine-color-yellow-4)'
          : data.selected
            ? `0 0 0 2px ${color}`
            : undefined,
        padding: '6px 8px',
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        overflow: 'hidden',
        fontSize: 12,
      }}
    >
      <Handle type="target" position={down ? Position.Top : Position.Left} isConnectable={false} />
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge size="xs" radius="sm" style={{ background: color }}>
            {info.level?.label[lang] ?? n.level}
          </Badge>
          {n.code && (
            <Text size="xs" ff="monospace" c="dimmed" truncate>
              {n.code}
            </Text>
          )}
          {n.priority && (
            <Tooltip label={t('priority')}>
              <IconStarFilled size={12} color="var(--mantine-color-yellow-6)" aria-label={t('priority')} />
            </Tooltip>
          )}
        </Group>
        <Group gap={2} wrap="nowrap">
          {info.composites.map((c) => (
            <Tooltip key={c} label={t('compositeMember', { name: c })}>
              <Badge size="xs" color="orange" variant="filled" data-testid="composite-badge">
                {c}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </Group>
      <Text size="xs" fw={600} lineClamp={2} title={n.statement} style={{ lineHeight: 1.3 }}>
        {n.statement}
      </Text>
      <div style={{ flex: 1, minHeight: 0 }}>
        {n.indicators.slice(0, MAX_INDICATORS_SHOWN).map((i) => (
          <Group key={i.key} gap={4} wrap="nowrap" justify="space-between" h={20}>
            <Text size="xs" truncate title={i.name} style={{ flex: 1 }}>
              • {i.name}
            </Text>
            <Text size="xs" className="tabular" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {target(i.targets[String(year)], lang)} {i.unit ?? ''}
            </Text>
          </Group>
        ))}
        {n.indicators.length > MAX_INDICATORS_SHOWN && (
          <Text size="xs" c="dimmed">
            {t('moreIndicators', { count: n.indicators.length - MAX_INDICATORS_SHOWN })}
          </Text>
        )}
      </div>
      <Group gap={4} wrap="nowrap" justify="space-between" h={22}>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          {info.unitName && (
            <Badge size="xs" variant="light" color="gray" title={info.unitName} style={{ maxWidth: 150 }}>
              {info.unitName}
            </Badge>
          )}
          {n.alignsTo.length > 0 && (
            <Tooltip label={t('alignsTo', { list: n.alignsTo.join(', ') })}>
              <Badge size="xs" variant="outline" leftSection={<IconArrowUpRight size={10} />}>
                {n.alignsTo.length}
              </Badge>
            </Tooltip>
          )}
          {links.length > 0 && (
            <Tooltip
              label={links
                .map(
                  (l) =>
                    `${l.direction === 'receives' ? '←' : '→'} ${l.planTitle} (${l.nodeKey}): ${l.contribution}`,
                )
                .join('\n')}
              multiline
              maw={360}
            >
              <Badge
                size="xs"
                variant="filled"
                color="grape"
                leftSection={<IconUsersGroup size={10} />}
                data-testid="crosscutting-links"
              >
                {links.length}
              </Badge>
            </Tooltip>
          )}
          {(n.crosscutting?.length ?? 0) > 0 && (
            <Tooltip
              label={t('crosscutting', {
                list: (n.crosscutting ?? []).map((c) => c.agency ?? c.unit).join('; '),
              })}
            >
              <Badge size="xs" variant="outline" color="grape" leftSection={<IconUsersGroup size={10} />}>
                {n.crosscutting?.length}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {info.childCount > 0 && (
          <ActionIcon
            size="xs"
            variant="subtle"
            className="nodrag"
            aria-label={info.collapsed ? t('expand', { count: info.childCount }) : t('collapse')}
            aria-expanded={!info.collapsed}
            onClick={(e) => {
              e.stopPropagation();
              data.onToggle(n.key);
            }}
          >
            {info.collapsed ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
          </ActionIcon>
        )}
      </Group>
      <Handle type="source" position={down ? Position.Bottom : Position.Right} isConnectable={false} />
    </div>
  );
});
