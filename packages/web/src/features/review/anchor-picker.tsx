import { Select, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bab, useChapters } from '../plan/chapter-queries.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import type { Anchor, AnchorType } from './review-types.ts';

const TYPES: readonly Exclude<AnchorType, 'table-row'>[] = [
  'plan',
  'tree',
  'chapter',
  'section',
  'node',
  'indicator',
];

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The anchor of a type and a chosen item, or null while the item is still to be chosen. */
export const anchorOf = (type: AnchorType, item: string | null): Anchor | null => {
  switch (type) {
    case 'plan':
    case 'tree':
      return { type };
    case 'chapter':
      return item ? { type, chapter: Number(item) } : null;
    case 'section': {
      const [chapter, section] = (item ?? '').split('|');
      return chapter && section ? { type, chapter: Number(chapter), section } : null;
    }
    case 'node':
      return item ? { type, node: item } : null;
    case 'indicator':
      return item ? { type, indicator: item } : null;
    default:
      return null;
  }
};

/**
 * What a finding is about: the whole plan, the tree, a chapter or section of the plan's chapters,
 * or a node or indicator chosen from the tree (searchable by key, statement or name).
 */
export const AnchorPicker = ({
  plan,
  onChange,
}: {
  plan: PlanContext;
  onChange: (anchor: Anchor | null) => void;
}) => {
  const { t } = useTranslation('review');
  const chapters = useChapters(plan.planId);
  const [type, setType] = useState<AnchorType>('plan');
  const [item, setItem] = useState<string | null>(null);
  const choose = (nextType: AnchorType, nextItem: string | null) => {
    setType(nextType);
    setItem(nextItem);
    onChange(anchorOf(nextType, nextItem));
  };
  const data = useMemo(() => {
    const cs = chapters.data ?? [];
    switch (type) {
      case 'chapter':
        return cs.map((c) => ({ value: String(c.number), label: `${bab(c.number)} ${c.title}` }));
      case 'section':
        return cs.map((c) => ({
          group: `${bab(c.number)} ${c.title}`,
          items: c.sections.map((s) => ({ value: `${c.number}|${s.key}`, label: `${s.key} ${s.title}` })),
        }));
      case 'node':
        return plan.tree.nodes.map((n) => ({ value: n.key, label: `${n.key} — ${clip(n.statement)}` }));
      case 'indicator':
        return plan.tree.nodes
          .filter((n) => n.indicators.length > 0)
          .map((n) => ({
            group: `${n.key} — ${clip(n.statement, 60)}`,
            items: n.indicators.map((i) => ({ value: i.key, label: `${clip(i.name)} (${i.key})` })),
          }));
      default:
        return [];
    }
  }, [type, chapters.data, plan.tree.nodes]);
  return (
    <Stack gap="xs">
      <Select
        label={t('anchor.type')}
        value={type}
        onChange={(v) => v && choose(v as AnchorType, null)}
        data={TYPES.map((k) => ({ value: k, label: t(`anchorType.${k}`) }))}
        allowDeselect={false}
      />
      {type !== 'plan' && type !== 'tree' && (
        <Select
          key={type}
          label={t(`anchorType.${type}`)}
          placeholder={t('anchor.choose')}
          value={item}
          onChange={(v) => choose(type, v)}
          data={data}
          searchable
          limit={80}
          nothingFoundMessage={t('anchor.nothing')}
          required
          data-testid="anchor-item"
        />
      )}
    </Stack>
  );
};
